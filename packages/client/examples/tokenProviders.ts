/* eslint-disable no-console -- an example prints its results */
// Token providers for @agentcore-mcp/client (shown in README.md). Run from packages/client after a
// build with one of:
//   COGNITO_CLIENT_ID=… COGNITO_USERNAME=… COGNITO_PASSWORD=… AWS_REGION=us-east-1 npx tsx examples/tokenProviders.ts
//   TOKEN_URL=https://<domain>.auth.<region>.amazoncognito.com/oauth2/token M2M_CLIENT_ID=… M2M_CLIENT_SECRET=… npx tsx examples/tokenProviders.ts
//   AGENTCORE_BEARER_TOKEN=… npx tsx examples/tokenProviders.ts
// and AGENTCORE_RUNTIME_ARN=arn:… (default: a local MCP server on http://127.0.0.1:8000/mcp).
import {
  createClientCredentialsTokenProvider,
  createCognitoTokenProvider,
  createStaticTokenProvider,
  resolveMcpEndpoint,
  type TokenProvider,
} from '@agentcore-mcp/client';
import {
  Client,
  type FetchLike,
  StreamableHTTPClientTransport,
} from '@modelcontextprotocol/client';

function createTokenProvider(env: NodeJS.ProcessEnv): TokenProvider {
  if (env.COGNITO_CLIENT_ID) {
    // A user of a Cognito user pool, e.g. the one `agentcore-mcp setup-cognito` created.
    return createCognitoTokenProvider({
      region: env.AWS_REGION ?? 'us-east-1',
      clientId: env.COGNITO_CLIENT_ID,
      username: env.COGNITO_USERNAME,
      password: env.COGNITO_PASSWORD,
      refreshToken: env.COGNITO_REFRESH_TOKEN,
    });
  }
  if (env.TOKEN_URL) {
    // Machine to machine: the OAuth client_credentials grant, e.g. for an AgentCore Gateway.
    return createClientCredentialsTokenProvider({
      tokenUrl: env.TOKEN_URL,
      clientId: env.M2M_CLIENT_ID ?? '',
      clientSecret: env.M2M_CLIENT_SECRET ?? '',
      scopes: env.M2M_SCOPES?.split(' '),
    });
  }
  return createStaticTokenProvider(env.AGENTCORE_BEARER_TOKEN ?? '');
}

/** A `fetch` that sends the bearer token and, after a 401, retries once with a fresh one. */
function withBearerToken(provider: TokenProvider): FetchLike {
  return async (url, init) => {
    const send = async (forceRefresh: boolean) => {
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${await provider.getToken({ forceRefresh })}`);
      return fetch(url, { ...init, headers });
    };
    const response = await send(false);
    return response.status === 401 ? send(true) : response;
  };
}

const provider = createTokenProvider(process.env);
const arn = process.env.AGENTCORE_RUNTIME_ARN;
const url = resolveMcpEndpoint(arn ? { arn } : { url: 'http://127.0.0.1:8000/mcp' });
const transport = new StreamableHTTPClientTransport(url, { fetch: withBearerToken(provider) });
// 'auto': MCP 2026-07-28 when the server offers it, else the 2025 initialize handshake.
const client = new Client(
  { name: 'agentcore-mcp-token-providers', version: '1.0.0' },
  { versionNegotiation: { mode: 'auto' } },
);
await client.connect(transport);
try {
  const { tools } = await client.listTools();
  console.log(tools.map((tool) => tool.name));
} finally {
  await client.close();
}
