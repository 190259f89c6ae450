import { AgentCoreClientError } from '../agentCoreClientError.js';
import { toOneLine } from '../auth/toOneLine.js';

/** How requests are authenticated, which decides the advice in an error message. */
export type AuthMethod = 'bearer' | 'sigv4' | 'none';

/** What {@link describeHttpFailure} needs to know about the failed request. */
export interface HttpFailure {
  /** The HTTP status. */
  status: number;
  /** The response body, as text (possibly empty). */
  body: string;
  /** The `WWW-Authenticate` header, if any. */
  wwwAuthenticate: string | null;
  /** How the request was authenticated. */
  auth: AuthMethod;
  /** What was asked, e.g. `tools/call` or `GET`. */
  operation: string;
  /** The server's origin, e.g. `https://bedrock-agentcore.us-west-2.amazonaws.com`. */
  origin: string;
  /** How many attempts were made. */
  attempts: number;
}

/** How an AgentCore runtime says it expects another auth method (IAM vs a JWT authorizer). */
export const AUTH_METHOD_MISMATCH = /authorization method mismatch/i;
const INIT_TIME_EXCEEDED = /initialization time exceeded/i;

/**
 * Turns a failed HTTP response into a one-line {@link AgentCoreClientError}, or `undefined` for a
 * status the MCP SDK should see itself (400, 404, 405…). Messages say what went wrong and how to
 * fix it, quote the server's `error_description` or message, and never hold a token.
 *
 * @param failure - Status, body, headers and context of the failed request.
 * @returns The error to throw, or `undefined` to hand the response to the SDK.
 */
export function describeHttpFailure(failure: HttpFailure): AgentCoreClientError | undefined {
  const { status, auth, operation, origin } = failure;
  const detail = readDetail(failure);
  const said = `${origin} answered ${status} to ${operation}${detail ? ` (${detail})` : ''}`;
  const error = (code: ConstructorParameters<typeof AgentCoreClientError>[0], fix: string) =>
    new AgentCoreClientError(code, `${said}: ${fix}`, { status });

  if ((status === 401 || status === 403) && AUTH_METHOD_MISMATCH.test(failure.body)) {
    return error('ERR_AUTH_METHOD_MISMATCH', describeMismatch(auth));
  }
  if (status === 401) {
    if (auth === 'sigv4') {
      return error(
        'ERR_AUTH_METHOD_MISMATCH',
        'the runtime wants a bearer token (it has a customJWTAuthorizer), not SigV4; pass tokenProvider instead of sigv4 (get a token with `agentcore-mcp token`)',
      );
    }
    return error(
      'ERR_UNAUTHORIZED',
      auth === 'bearer'
        ? 'the bearer token was expired or rejected, also after a refresh; check the token provider (user pool, client id), or run `agentcore-mcp token` for a fresh token'
        : 'no bearer token was sent; pass a tokenProvider to connectAgentCore, e.g. createStaticTokenProvider with a token from `agentcore-mcp token`',
    );
  }
  if (status === 403) return error('ERR_FORBIDDEN', describeForbidden(auth));
  if (status === 406) {
    return error(
      'ERR_NOT_ACCEPTABLE',
      'the server requires `Accept: application/json, text/event-stream`; this client sends it, so a proxy in between dropped or rewrote the header',
    );
  }
  const tries = failure.attempts === 1 ? '1 attempt' : `${failure.attempts} attempts`;
  if (status === 424 && INIT_TIME_EXCEEDED.test(failure.body)) {
    return error(
      'ERR_RUNTIME_INIT_TIMEOUT',
      `the runtime did not start in time (${tries}); check its CloudWatch logs: the container must listen on 0.0.0.0:8000/mcp within 30 s (import errors, slow start-up, a non-ARM64 image), or raise retries.maxAttempts for a slow cold start`,
    );
  }
  if (status === 424 || status === 429 || status >= 500) {
    const notRepeated =
      operation === 'tools/call' && status !== 424 && status !== 429
        ? 'not retried, because the tool may already have run; '
        : `gave up after ${tries}; `;
    return error(
      'ERR_UPSTREAM_UNAVAILABLE',
      `${notRepeated}${status === 429 ? 'slow down or ask for a higher quota' : 'check the server or runtime logs and try again'}`,
    );
  }
  return undefined;
}

function describeMismatch(auth: AuthMethod): string {
  if (auth === 'sigv4') {
    return 'this runtime (endpoint) uses a JWT authorizer (customJWTAuthorizer), not IAM; drop sigv4 and pass tokenProvider (get a token with `agentcore-mcp token`)';
  }
  return 'this runtime (endpoint) uses IAM (SigV4), not a JWT authorizer; drop tokenProvider and pass sigv4: true with credentials allowed bedrock-agentcore:InvokeAgentRuntime';
}

function describeForbidden(auth: AuthMethod): string {
  switch (auth) {
    case 'bearer':
      return "the token was refused: it is expired or its client, audience or scope is not allowed by the runtime's customJWTAuthorizer (allowedClients, allowedAudience, allowedScopes); get a token for an allowed client with `agentcore-mcp token`";
    case 'sigv4':
      return 'the IAM principal may not invoke this runtime; grant bedrock-agentcore:InvokeAgentRuntime (plus InvokeAgentRuntimeForUser when userId is set) on the runtime ARN, and check the signing region';
    case 'none':
      return 'the runtime requires authentication; pass sigv4: true for an IAM runtime or a tokenProvider for a runtime with a customJWTAuthorizer';
  }
}

/** The server's own explanation: `error_description`, else the body's `message` or text. */
function readDetail(failure: HttpFailure): string {
  const description = /error_description="((?:[^"\\]|\\.)*)"/.exec(failure.wwwAuthenticate ?? '');
  if (description?.[1]) return toOneLine(description[1].replace(/\\(.)/g, '$1'));
  const text = failure.body.trim();
  if (text === '') return '';
  try {
    const parsed = JSON.parse(text) as { message?: unknown; error?: { message?: unknown } };
    const message = parsed.message ?? parsed.error?.message;
    if (typeof message === 'string') return toOneLine(message);
  } catch {
    // not JSON: quote the text
  }
  return text.startsWith('<') ? '' : toOneLine(text);
}
