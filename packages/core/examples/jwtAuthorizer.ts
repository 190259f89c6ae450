/* eslint-disable no-console -- an example prints its results */
// JWT authorizer example for @agentcore-mcp/core (shown in README.md). Run from packages/core after a
// build: `npx tsx examples/jwtAuthorizer.ts`. Nothing is fetched until a token needs verifying.
import {
  AgentCoreMcpError,
  createJwtAuthorizer,
  parseAuthorizerConfig,
  type Principal,
  readBearerToken,
} from '@agentcore-mcp/core';

// The same object `agentcore-mcp` writes and AWS returns for the runtime (or a JSON string of it).
const config = parseAuthorizerConfig({
  customJWTAuthorizer: {
    discoveryUrl:
      'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_AbCdEf123/.well-known/openid-configuration',
    allowedClients: ['1a2b3c4d5e6f7g8h9i0j1k2l3m'],
    allowedScopes: ['mcp/invoke'],
  },
});
const authorizer = createJwtAuthorizer(config, { clockToleranceSeconds: 30 });

type AuthorizeResult =
  { status: 200; principal: Principal } | { status: 401 | 403 | 503; message: string };

/** What an HTTP layer does with a request's `Authorization` header. */
async function authorize(authorizationHeader: string | undefined): Promise<AuthorizeResult> {
  try {
    const principal = await authorizer.verify(readBearerToken(authorizationHeader));
    return { status: 200, principal };
  } catch (error) {
    if (!(error instanceof AgentCoreMcpError)) throw error;
    const status =
      error.code === 'ERR_TOKEN_INSUFFICIENT_SCOPE'
        ? 403
        : error.code === 'ERR_AUTHORIZER_UNAVAILABLE'
          ? 503
          : 401;
    return { status, message: error.message };
  }
}

console.log(await authorize(undefined));
// { status: 401, message: 'Authorization header is missing: expected "Authorization: Bearer <token>" (get one with agentcore-mcp token)' }
console.log(await authorize('Basic dXNlcjpwYXNz'));
// { status: 401, message: 'Authorization header uses the Basic scheme, not Bearer: expected ...' }
