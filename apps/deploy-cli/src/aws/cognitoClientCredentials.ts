import { AwsRequestError } from '../errors.js';

/** What {@link requestClientCredentialsToken} sends. */
export interface ClientCredentialsRequest {
  /** `https://<domain>.auth.<region>.amazoncognito.com/oauth2/token`. */
  tokenUrl: string;
  /** The machine client's id. */
  clientId: string;
  /** The machine client's secret. */
  clientSecret: string;
  /** The scopes to request, e.g. `['agentcore-mcp/invoke']`. */
  scopes: readonly string[];
}

/** A client-credentials access token. */
export interface ClientCredentialsToken {
  /** The bearer token (`client_id` and `scope` claims, no `aud`). */
  accessToken: string;
  /** When it expires, ISO 8601. */
  expiresAt: string;
}

const SERVICE = 'cognito-idp';
const OPERATION = '/oauth2/token';

/**
 * Gets an access token with the OAuth 2.0 client-credentials grant from a Cognito domain,
 * authenticating with `client_secret_basic` (RFC 6749 §2.3.1).
 *
 * @param request - Token URL, client id and secret, scopes.
 * @param fetchImpl - The fetch to use. Default: the global one.
 * @returns The access token and its expiry.
 * @throws `AwsRequestError` (`ERR_AWS_REQUEST_FAILED`) when the endpoint is unreachable or refuses.
 * @example
 * ```ts
 * const { accessToken } = await requestClientCredentialsToken({ tokenUrl, clientId, clientSecret, scopes });
 * ```
 */
export async function requestClientCredentialsToken(
  request: ClientCredentialsRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<ClientCredentialsToken> {
  const basic = Buffer.from(
    `${encodeURIComponent(request.clientId)}:${encodeURIComponent(request.clientSecret)}`,
  ).toString('base64');
  let response: Response;
  try {
    response = await fetchImpl(request.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: request.scopes.join(' '),
      }).toString(),
    });
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    const errorName = typeof code === 'string' ? code : 'NetworkError';
    throw new AwsRequestError({
      service: SERVICE,
      operation: OPERATION,
      errorName,
      summary: `Cognito ${OPERATION} failed: ${errorName}: cannot reach ${request.tokenUrl}`,
      hint: 'a new domain can take a minute to resolve, so retry; otherwise check the network and the tokenUrl in the credentials file',
      cause: error,
    });
  }
  const text = await response.text();
  const body = parseJson(text);
  if (response.ok && typeof body.access_token === 'string') {
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
    return {
      accessToken: body.access_token,
      expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString(),
    };
  }
  const errorName = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
  const description =
    typeof body.error_description === 'string' ? body.error_description : text.slice(0, 200);
  throw new AwsRequestError({
    service: SERVICE,
    operation: OPERATION,
    errorName,
    summary: `Cognito ${OPERATION} failed: ${errorName}: ${description.replace(/\s+/g, ' ') || `HTTP ${response.status}`}`,
    hint: hintFor(errorName),
  });
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function hintFor(errorName: string): string {
  switch (errorName) {
    case 'invalid_client':
      return 'the client id or secret was rejected; run agentcore-mcp setup-cognito --m2m again';
    case 'invalid_scope':
    case 'unauthorized_client':
      return 'the machine client may not use client_credentials with these scopes; run agentcore-mcp setup-cognito --m2m again';
    case 'unsupported_grant_type':
      return 'this token endpoint has no client_credentials grant (cognito-local has none); use a Cognito domain on AWS';
    default:
      return 'check the tokenUrl in the credentials file; a new domain can take a minute to answer';
  }
}
