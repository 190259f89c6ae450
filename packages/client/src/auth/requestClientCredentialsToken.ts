import {
  prepareClientCredentialsRequest,
  type PreparedTokenRequest,
} from './clientCredentialsRequest.js';
import { readTokenExpiry } from './readTokenExpiry.js';
import { TokenProviderError } from './tokenProviderError.js';
import { toOneLine } from './toOneLine.js';

/** What {@link requestClientCredentialsToken} sends, and how. */
export interface ClientCredentialsTokenRequest {
  /**
   * The OAuth 2.0 token endpoint, e.g. `https://<domain>.auth.<region>.amazoncognito.com/oauth2/token`.
   * Required.
   */
  tokenUrl: string;
  /** The OAuth client id. Required. */
  clientId: string;
  /** The OAuth client secret. Required; never logged or put in error messages. */
  clientSecret: string;
  /** Scopes to request, sent space-separated as `scope`. Default: none (the server's default). */
  scopes?: readonly string[];
  /**
   * How to authenticate the client: HTTP Basic (`client_secret_basic`) or form fields
   * (`client_secret_post`). Default: `'client_secret_basic'`.
   */
  authMethod?: 'client_secret_basic' | 'client_secret_post';
  /** How long the request may take, in ms. Default: `30000`. */
  timeoutMs?: number;
  /** The fetch to use, e.g. a test double. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /**
   * The fix to suggest for a failure, by its name: the OAuth error (`invalid_client`), the socket
   * error code (`ENOTFOUND`), `TimeoutError`, or `HTTP <status>` for an answer without an OAuth
   * error. Return `undefined` to keep the built-in hint. Default: the built-in hints.
   */
  hint?: (errorName: string) => string | undefined;
}

/** An access token from the client-credentials grant. */
export interface ClientCredentialsToken {
  /** The bearer token. */
  accessToken: string;
  /** When it expires: its JWT `exp`, else `expires_in`; `undefined` when the server said neither. */
  expiresAt: Date | undefined;
}

/**
 * Gets one access token with the OAuth 2.0 `client_credentials` grant (RFC 6749 §4.4), e.g. from
 * a Cognito user pool domain for an AgentCore Gateway or runtime. No caching: for that, use
 * `createClientCredentialsTokenProvider`, which sends this same request.
 *
 * @param request - Token endpoint, client credentials, scopes, authentication method.
 * @returns The access token and its expiry.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a bad `tokenUrl`, an empty client id
 *   or secret, or a bad `authMethod`/`timeoutMs`; {@link TokenProviderError}
 *   `ERR_TOKEN_REFRESH_FAILED` (one line: the URL, the OAuth error and its description, a hint;
 *   `errorName` the OAuth error or network code) when the server refuses or cannot be reached.
 * @example
 * ```ts
 * const { accessToken, expiresAt } = await requestClientCredentialsToken({
 *   tokenUrl: 'https://my-domain.auth.us-east-1.amazoncognito.com/oauth2/token',
 *   clientId: process.env.M2M_CLIENT_ID ?? '',
 *   clientSecret: process.env.M2M_CLIENT_SECRET ?? '',
 *   scopes: ['gateway/invoke'],
 * });
 * ```
 */
export async function requestClientCredentialsToken(
  request: ClientCredentialsTokenRequest,
): Promise<ClientCredentialsToken> {
  return sendClientCredentialsRequest(prepareClientCredentialsRequest(request, 'token request'));
}

/**
 * Sends a prepared client-credentials request and reads the token from the answer.
 *
 * @param request - From `prepareClientCredentialsRequest`.
 * @returns The access token and its expiry.
 * @throws {@link TokenProviderError} `ERR_TOKEN_REFRESH_FAILED` when the server refuses or
 *   cannot be reached.
 */
export async function sendClientCredentialsRequest(
  request: PreparedTokenRequest,
): Promise<ClientCredentialsToken> {
  const failed = (problem: string, details: { errorName?: string; cause?: unknown } = {}) =>
    new TokenProviderError(
      `Cannot get an access token from ${request.shownUrl}: ${problem}`,
      details,
    );
  let response: Response;
  let text: string;
  try {
    response = await request.fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const { errorName, what } = describeFetchError(error, request.timeoutMs);
    const hint = request.hint(errorName) ?? 'check tokenUrl and that the server is up';
    throw failed(`${what} — ${hint}`, { errorName, cause: error });
  }
  const receivedAt = Date.now();
  const json = parseJsonObject(text);
  if (!response.ok) {
    if (typeof json?.error !== 'string') {
      const errorName = `HTTP ${response.status}`;
      const hint = request.hint(errorName) ?? 'check tokenUrl';
      throw failed(`${errorName} without an OAuth error — ${hint}`, { errorName });
    }
    const hint = request.hint(json.error) ?? OAUTH_ERROR_HINTS.get(json.error);
    throw failed(describeOAuthError(json.error, json.error_description, hint), {
      errorName: json.error,
    });
  }
  if (typeof json?.access_token !== 'string' || json.access_token === '') {
    throw failed(`HTTP ${response.status} without an access_token — check tokenUrl`);
  }
  if (typeof json.token_type === 'string' && json.token_type.toLowerCase() !== 'bearer') {
    throw failed(
      `token_type ${JSON.stringify(json.token_type)} is not Bearer — configure the client for bearer tokens`,
    );
  }
  const { access_token: accessToken, expires_in: expiresIn } = json;
  return { accessToken, expiresAt: readTokenExpiry(accessToken, expiresIn, receivedAt) };
}

/** The fields of an RFC 6749 token or error response that we read. */
interface TokenEndpointResponse {
  access_token?: unknown;
  token_type?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

const OAUTH_ERROR_HINTS = new Map([
  ['invalid_client', 'check clientId, clientSecret and authMethod'],
  ['unauthorized_client', 'allow the client_credentials grant for this client'],
  ['unsupported_grant_type', 'allow the client_credentials grant for this client'],
  ['invalid_scope', 'request only scopes this client is allowed'],
  ['invalid_target', 'check the resource server and scopes configured for this client'],
]);

function describeOAuthError(code: string, description: unknown, hint: string | undefined): string {
  const detail = typeof description === 'string' ? ` (${toOneLine(description)})` : '';
  return `${toOneLine(code)}${detail} — ${hint ?? 'check the client configuration on the server'}`;
}

function describeFetchError(
  error: unknown,
  timeoutMs: number,
): { errorName: string; what: string } {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return { errorName: 'TimeoutError', what: `no answer within ${timeoutMs / 1000} s` };
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return { errorName: cause.code, what: cause.code };
  const what = error instanceof Error ? toOneLine(error.message) : 'the request failed';
  return { errorName: error instanceof Error ? error.name : 'Error', what };
}

function parseJsonObject(text: string): TokenEndpointResponse | undefined {
  try {
    // Every field is optional and `unknown`, so any object fits; each is checked where read.
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
