import { AgentCoreMcpError } from '@agentcore-mcp/core';

import {
  createRefreshingTokenProvider,
  type FetchedToken,
} from './createRefreshingTokenProvider.js';
import { readTokenExpiry } from './readTokenExpiry.js';
import type { TokenProvider } from './tokenProvider.js';
import { TokenProviderError } from './tokenProviderError.js';
import { toOneLine } from './toOneLine.js';

/** How long one token request may take before it fails. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Options of {@link createClientCredentialsTokenProvider}. */
export interface ClientCredentialsTokenProviderOptions {
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
  scopes?: string[];
  /**
   * How to authenticate the client: HTTP Basic (`client_secret_basic`) or form fields
   * (`client_secret_post`). Default: `'client_secret_basic'`.
   */
  authMethod?: 'client_secret_basic' | 'client_secret_post';
  /**
   * Refresh when the token expires within this many seconds (capped at half its lifetime).
   * Default: `60`.
   */
  refreshBeforeSeconds?: number;
}

/** The fields of an RFC 6749 token or error response that we read. */
interface TokenEndpointResponse {
  access_token?: unknown;
  token_type?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

/**
 * Gets machine-to-machine access tokens with the OAuth 2.0 `client_credentials` grant (RFC 6749
 * §4.4), e.g. from a Cognito user pool domain for an AgentCore Gateway. The token is cached and
 * refreshed shortly before it expires (JWT `exp`, else `expires_in`; an opaque token without
 * `expires_in` is kept until `forceRefresh`).
 *
 * @param options - Token endpoint, client credentials, scopes, authentication method.
 * @returns A {@link TokenProvider}.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a bad `tokenUrl`, an empty client id
 *   or secret, or a bad `authMethod`/`refreshBeforeSeconds`; `getToken` rejects with
 *   {@link TokenProviderError} `ERR_TOKEN_REFRESH_FAILED` when the server refuses or cannot be
 *   reached.
 * @example
 * ```ts
 * const provider = createClientCredentialsTokenProvider({
 *   tokenUrl: 'https://my-domain.auth.us-east-1.amazoncognito.com/oauth2/token',
 *   clientId: process.env.M2M_CLIENT_ID ?? '',
 *   clientSecret: process.env.M2M_CLIENT_SECRET ?? '',
 *   scopes: ['gateway/invoke'],
 * });
 * const token = await provider.getToken();
 * ```
 */
export function createClientCredentialsTokenProvider(
  options: ClientCredentialsTokenProviderOptions,
): TokenProvider {
  const request = toTokenRequest(options);
  return createRefreshingTokenProvider({
    fetchToken: () => requestToken(request),
    refreshBeforeSeconds: options.refreshBeforeSeconds,
  });
}

interface TokenRequest {
  url: URL;
  /** `origin + pathname` of the URL, the only part shown in messages. */
  shownUrl: string;
  headers: Record<string, string>;
  body: string;
}

function toTokenRequest(options: ClientCredentialsTokenProviderOptions): TokenRequest {
  const { clientId, clientSecret, scopes = [], authMethod = 'client_secret_basic' } = options;
  const url = parseTokenUrl(options.tokenUrl);
  if (typeof clientId !== 'string' || clientId === '') throw invalidOption('clientId is empty');
  if (typeof clientSecret !== 'string' || clientSecret === '') {
    throw invalidOption('clientSecret is empty');
  }
  if (authMethod !== 'client_secret_basic' && authMethod !== 'client_secret_post') {
    throw invalidOption(
      `authMethod ${JSON.stringify(authMethod)} is not 'client_secret_basic' or 'client_secret_post'`,
    );
  }
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  if (scopes.length > 0) body.set('scope', scopes.join(' '));
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/x-www-form-urlencoded',
  };
  if (authMethod === 'client_secret_basic') {
    // RFC 6749 §2.3.1: form-encode id and secret before joining them with ':'.
    const basic = `${formEncode(clientId)}:${formEncode(clientSecret)}`;
    headers.Authorization = `Basic ${Buffer.from(basic).toString('base64')}`;
  } else {
    body.set('client_id', clientId);
    body.set('client_secret', clientSecret);
  }
  return { url, shownUrl: `${url.origin}${url.pathname}`, headers, body: body.toString() };
}

async function requestToken(request: TokenRequest): Promise<FetchedToken> {
  const failed = (problem: string, cause?: unknown): TokenProviderError =>
    new TokenProviderError(`Cannot get an access token from ${request.shownUrl}: ${problem}`, {
      cause,
    });
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'error',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (error) {
    throw failed(`${describeFetchError(error)} — check tokenUrl and that the server is up`, error);
  }
  const receivedAt = Date.now();
  const json = parseJsonObject(text);
  if (!response.ok) {
    if (typeof json?.error !== 'string') {
      throw failed(`HTTP ${response.status} without an OAuth error — check tokenUrl`);
    }
    throw failed(describeOAuthError(json.error, json.error_description));
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

const OAUTH_ERROR_HINTS = new Map([
  ['invalid_client', 'check clientId, clientSecret and authMethod'],
  ['unauthorized_client', 'allow the client_credentials grant for this client'],
  ['unsupported_grant_type', 'allow the client_credentials grant for this client'],
  ['invalid_scope', 'request only scopes this client is allowed'],
  ['invalid_target', 'check the resource server and scopes configured for this client'],
]);

function describeOAuthError(code: string, description: unknown): string {
  const detail = typeof description === 'string' ? ` (${toOneLine(description)})` : '';
  const hint = OAUTH_ERROR_HINTS.get(code) ?? 'check the client configuration on the server';
  return `${toOneLine(code)}${detail} — ${hint}`;
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? toOneLine(error.message) : 'the request failed';
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

function parseTokenUrl(text: unknown): URL {
  const url = typeof text === 'string' && URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalidOption(
      'tokenUrl is not an absolute http(s) URL such as https://host/oauth2/token',
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw invalidOption('tokenUrl has a user name or password; pass clientId and clientSecret');
  }
  return url;
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

function invalidOption(problem: string): AgentCoreMcpError {
  return new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    `Invalid client-credentials token provider options: ${problem}`,
  );
}
