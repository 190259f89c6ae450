/** How long the discovery document may take to answer. */
export const DISCOVERY_TIMEOUT_MS = 5000;

/** What reading an OIDC discovery document found: its two fields AgentCore relies on, or why not. */
export type DiscoveryReadResult =
  | {
      readonly ok: true;
      /** The document's `issuer`. */
      readonly issuer: string;
      /** The document's `jwks_uri`. */
      readonly jwksUri: string;
    }
  | {
      readonly ok: false;
      /** Why the URL gave no usable document, e.g. `it answered HTTP 404`. */
      readonly reason: string;
      /** The network or parse error, when there was one. */
      readonly cause?: unknown;
    };

/**
 * Fetches an OIDC discovery document and checks that it has an `issuer` and an http(s)
 * `jwks_uri`, what AgentCore's JWT authorizer fetches to verify every bearer token. It never
 * throws: `configure` turns a failure into an error, `doctor` into a failed check.
 *
 * @param url - The authorizer's `discoveryUrl`.
 * @param timeoutMs - The request timeout. Default {@link DISCOVERY_TIMEOUT_MS}.
 * @returns The issuer and JWKS URI, or the reason there are none.
 * @example
 * ```ts
 * const found = await readDiscoveryDocument(config.discoveryUrl);
 * if (!found.ok) console.log(found.reason); // e.g. 'no answer within 5000 ms'
 * ```
 */
export async function readDiscoveryDocument(
  url: string,
  timeoutMs = DISCOVERY_TIMEOUT_MS,
): Promise<DiscoveryReadResult> {
  const failed = (reason: string, cause?: unknown): DiscoveryReadResult =>
    cause === undefined ? { ok: false, reason } : { ok: false, reason, cause };
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return failed(describe(error, timeoutMs), error);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return failed(`it answered HTTP ${response.status}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    return failed(describe(error, timeoutMs), error);
  }
  const { issuer, jwks_uri: jwksUri } = (
    typeof body === 'object' && body !== null ? body : {}
  ) as Record<string, unknown>;
  if (typeof issuer !== 'string' || issuer === '') {
    return failed('the document has no "issuer"');
  }
  if (typeof jwksUri !== 'string' || !/^https?:$/.test(protocolOf(jwksUri))) {
    return failed('the document has no http(s) "jwks_uri"');
  }
  return { ok: true, issuer, jwksUri };
}

function protocolOf(url: string): string {
  return URL.canParse(url) ? new URL(url).protocol : '';
}

/** A failed request or body read, on one line. */
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
