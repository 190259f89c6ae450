import { AgentCoreMcpError, type ErrorCode } from '../errors.js';

/** How an HTTP edge answers a request whose bearer token was refused. */
export interface BearerRejection {
  /** 401 (missing or invalid token), 403 (insufficient scope) or 503 (issuer unreachable). */
  readonly status: 401 | 403 | 503;
  /** `WWW-Authenticate` (RFC 6750 / RFC 9728) and, for 503, `Retry-After`. */
  readonly headers: Readonly<Record<string, string>>;
  /** One line for the response body; never contains the token. */
  readonly message: string;
  /** The error code behind the rejection, for logs. */
  readonly reason: ErrorCode;
}

/**
 * The one table that turns a token error into an HTTP answer, shared by server-kit, the gateway
 * and the local AgentCore emulator:
 * - missing token: 401, `WWW-Authenticate: Bearer resource_metadata="…"`;
 * - insufficient scope: 403, `error="insufficient_scope"` with a description;
 * - identity provider unreachable and nothing cached: 503 with `Retry-After: 5`;
 * - anything else (invalid, expired, wrong client or issuer): 401, `error="invalid_token"`.
 *
 * @param error - What `readBearerToken` or `JwtAuthorizer.verify` threw.
 * @param resourceMetadataUrl - The RFC 9728 metadata URL to advertise.
 * @returns Status, headers and a one-line message.
 * @example
 * ```ts
 * const rejection = toBearerRejection(error, `${origin}/.well-known/oauth-protected-resource`);
 * res.writeHead(rejection.status, rejection.headers).end(JSON.stringify({ message: rejection.message }));
 * ```
 */
export function toBearerRejection(error: unknown, resourceMetadataUrl: string): BearerRejection {
  const reason: ErrorCode = error instanceof AgentCoreMcpError ? error.code : 'ERR_INTERNAL';
  const description = error instanceof Error ? error.message : 'Token verification failed';
  const metadata = `resource_metadata="${quoted(resourceMetadataUrl)}"`;
  const challenge = (kind: string) =>
    `Bearer error="${kind}", error_description="${quoted(description)}", ${metadata}`;

  switch (reason) {
    case 'ERR_TOKEN_MISSING':
      return {
        status: 401,
        headers: { 'WWW-Authenticate': `Bearer ${metadata}` },
        message:
          'Unauthorized: send Authorization: Bearer <access token> (get one with agentcore-mcp token)',
        reason,
      };
    case 'ERR_TOKEN_INSUFFICIENT_SCOPE':
      return {
        status: 403,
        headers: { 'WWW-Authenticate': challenge('insufficient_scope') },
        message: `Forbidden: ${description}`,
        reason,
      };
    case 'ERR_AUTHORIZER_UNAVAILABLE':
      return {
        status: 503,
        headers: { 'Retry-After': '5' },
        message: `Cannot verify tokens right now: ${description}`,
        reason,
      };
    default:
      return {
        status: 401,
        headers: { 'WWW-Authenticate': challenge('invalid_token') },
        message: `Unauthorized: ${description}`,
        reason,
      };
  }
}

/** Makes text safe inside a quoted-string of an HTTP header (RFC 9110 §5.6.4). */
function quoted(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, '\\$&');
}
