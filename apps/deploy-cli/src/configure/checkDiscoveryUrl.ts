import { DeployError } from '../deploy/deployError.js';

/** How long the discovery document may take to answer. */
export const DISCOVERY_TIMEOUT_MS = 5000;

/** The two fields of an OIDC discovery document AgentCore's JWT authorizer relies on. */
export interface DiscoveryCheckResult {
  /** The document's `issuer`. */
  readonly issuer: string;
  /** The document's `jwks_uri`. */
  readonly jwksUri: string;
}

/**
 * Fetches an OIDC discovery document and checks it has an `issuer` and a `jwks_uri`, so a typo in
 * the authorizer's discovery URL shows up at configure time rather than as 403s after launch.
 *
 * @param url - The authorizer's `discoveryUrl`.
 * @param timeoutMs - The request timeout. Default {@link DISCOVERY_TIMEOUT_MS}.
 * @returns The issuer and JWKS URI.
 * @throws {@link DeployError} `ERR_INVALID_INPUT` naming the URL and what went wrong, and pointing
 *   at `--skip-discovery-check` for offline use.
 * @example
 * ```ts
 * const { issuer } = await checkDiscoveryUrl(config.discoveryUrl);
 * ```
 */
export async function checkDiscoveryUrl(
  url: string,
  timeoutMs = DISCOVERY_TIMEOUT_MS,
): Promise<DiscoveryCheckResult> {
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw failure(url, `it answered HTTP ${response.status}`);
    }
    body = await response.json();
  } catch (error) {
    if (error instanceof DeployError) throw error;
    throw failure(url, describe(error, timeoutMs), error);
  }
  const document = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  const { issuer, jwks_uri: jwksUri } = document;
  if (typeof issuer !== 'string' || issuer === '') {
    throw failure(url, 'the document has no "issuer"');
  }
  if (typeof jwksUri !== 'string' || !/^https?:$/.test(parseProtocol(jwksUri))) {
    throw failure(url, 'the document has no http(s) "jwks_uri"');
  }
  return { issuer, jwksUri };
}

function parseProtocol(url: string): string {
  return URL.canParse(url) ? new URL(url).protocol : '';
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  if (error instanceof SyntaxError) return 'the answer is not JSON';
  // Node's fetch rejects with `TypeError: fetch failed` and puts the socket error in `cause`.
  const cause = error instanceof Error ? error.cause : undefined;
  const detail =
    cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return detail.replace(/\s+/g, ' ').trim() || 'network error';
}

function failure(url: string, reason: string, cause?: unknown): DeployError {
  return new DeployError(
    'ERR_INVALID_INPUT',
    `The authorizer's discovery URL ${url} did not give an OpenID discovery document (${reason}): check discoveryUrl in --authorizer-config, or pass --skip-discovery-check when offline`,
    cause === undefined ? {} : { cause },
  );
}
