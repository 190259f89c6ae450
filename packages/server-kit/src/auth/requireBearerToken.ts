import {
  ERROR_WIRE_CODES,
  type JwtAuthorizer,
  type Principal,
  readBearerToken,
  toBearerRejection,
} from '@agentcore-mcp/core';
import type { AuthInfo } from '@modelcontextprotocol/server';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

import { sendJsonRpcError } from '../http/sendJsonRpcError.js';
import { PROTECTED_RESOURCE_METADATA_PATH } from '../metadata/buildProtectedResourceMetadata.js';
import { requestOrigin } from './protectedResourceMetadata.js';

/** Where the verified principal travels from the HTTP layer to tool handlers. */
export const PRINCIPAL_KEY = 'agentcore-mcp/principal';

/**
 * Requires a valid bearer token on every MCP request, with AgentCore's customJWTAuthorizer
 * semantics. Missing token: 401 with `WWW-Authenticate: Bearer resource_metadata="…"`. Invalid,
 * expired or wrong client: 401 `error="invalid_token"` with a description. Insufficient scope: 403
 * `error="insufficient_scope"`. Identity provider unreachable: 503. The token is never logged.
 *
 * @param authorizer - Verifies tokens.
 * @param logger - Receives one line per rejection (reason code, never the token).
 * @returns Express middleware that sets `req.auth` (the SDK's `AuthInfo`) on success.
 */
export function requireBearerToken(authorizer: JwtAuthorizer, logger: Logger): RequestHandler {
  return (req, res, next) => {
    let token: string;
    try {
      token = readBearerToken(req.header('authorization'));
    } catch (error) {
      reject({ req, res, logger }, error);
      return;
    }
    authorizer.verify(token).then(
      (principal) => {
        (req as Request & { auth?: AuthInfo }).auth = toAuthInfo(token, principal);
        next();
      },
      (error: unknown) => reject({ req, res, logger }, error),
    );
  };
}

/**
 * Verifies the bearer token of an `Authorization` header, for callers outside express (the fast
 * lane). A refused request is left to {@link requireBearerToken}, which words the 401/403.
 *
 * @param authorizer - Verifies tokens.
 * @param authorization - The `Authorization` header.
 * @returns The SDK's `AuthInfo` for the verified token.
 * @throws The authorizer's error when the token is missing or refused.
 */
export async function authenticateBearer(
  authorizer: JwtAuthorizer,
  authorization: string | undefined,
): Promise<AuthInfo> {
  const token = readBearerToken(authorization);
  return toAuthInfo(token, await authorizer.verify(token));
}

function toAuthInfo(token: string, principal: Principal): AuthInfo {
  return {
    token,
    clientId: principal.clientId ?? principal.subject,
    scopes: principal.scopes,
    ...(principal.expiresAt ? { expiresAt: Math.floor(principal.expiresAt.getTime() / 1000) } : {}),
    extra: { [PRINCIPAL_KEY]: principal },
  };
}

function reject(
  { req, res, logger }: { req: Request; res: Response; logger: Logger },
  error: unknown,
): void {
  const rejection = toBearerRejection(
    error,
    `${requestOrigin(req)}${PROTECTED_RESOURCE_METADATA_PATH}`,
  );
  logger.info(
    { httpMethod: req.method, outcome: 'unauthorized', reason: rejection.reason },
    'request rejected',
  );
  res.set(rejection.headers);
  sendJsonRpcError(res, rejection.status, {
    code: ERROR_WIRE_CODES[rejection.reason].rpc,
    message: rejection.message,
    data: { code: rejection.reason },
  });
}
