import { AgentCoreMcpError } from '../../errors.js';
import { describeFetchFailure } from './describeFetchFailure.js';

/** The two fields of an OpenID Connect discovery document the authorizer uses. */
export interface DiscoveryDocument {
  /** The `issuer`; a token's `iss` must equal it exactly. */
  readonly issuer: string;
  /** The `jwks_uri`, where the issuer publishes its signing keys. */
  readonly jwksUri: URL;
}

/**
 * Makes a loader for an OIDC discovery document that fetches it on first use and then keeps it for
 * the life of the loader. Concurrent first calls share one request; a failure is not cached, so the
 * next call tries again.
 *
 * @internal Not part of the public API.
 * @param discoveryUrl - The validated `discoveryUrl` of the authorizer config.
 * @param timeoutMs - Timeout of each request.
 * @returns A function resolving to the document.
 * @throws {@link AgentCoreMcpError} `ERR_AUTHORIZER_UNAVAILABLE` (from the returned function) when the
 *   document cannot be fetched or lacks `issuer`/`jwks_uri`; the message names the URL and reason.
 * @example
 * ```ts
 * const loadDiscovery = createDiscoveryLoader(config.discoveryUrl, 5000);
 * const { issuer, jwksUri } = await loadDiscovery();
 * ```
 */
export function createDiscoveryLoader(
  discoveryUrl: string,
  timeoutMs: number,
): () => Promise<DiscoveryDocument> {
  let cached: DiscoveryDocument | undefined;
  let pending: Promise<DiscoveryDocument> | undefined;
  return () => {
    if (cached !== undefined) return Promise.resolve(cached);
    pending ??= fetchDiscoveryDocument(discoveryUrl, timeoutMs)
      .then((document) => (cached = document))
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

async function fetchDiscoveryDocument(url: string, timeoutMs: number): Promise<DiscoveryDocument> {
  let body: unknown;
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw unavailable(url, `HTTP ${response.status}`);
    }
    body = await response.json();
  } catch (error) {
    if (error instanceof AgentCoreMcpError) throw error;
    const reason =
      error instanceof SyntaxError
        ? 'the response is not JSON'
        : describeFetchFailure(error, timeoutMs);
    throw unavailable(url, reason, error);
  }
  return readDocument(url, body);
}

function readDocument(url: string, body: unknown): DiscoveryDocument {
  const document =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const { issuer, jwks_uri: jwksUri } = document;
  if (typeof issuer !== 'string' || issuer === '') {
    throw unavailable(url, 'the document has no "issuer" string');
  }
  if (typeof jwksUri !== 'string' || !URL.canParse(jwksUri)) {
    throw unavailable(url, 'the document has no "jwks_uri" URL');
  }
  const parsed = new URL(jwksUri);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw unavailable(url, '"jwks_uri" is not an http(s) URL');
  }
  return { issuer, jwksUri: parsed };
}

function unavailable(url: string, reason: string, cause?: unknown): AgentCoreMcpError {
  return new AgentCoreMcpError(
    'ERR_AUTHORIZER_UNAVAILABLE',
    `Authorizer unavailable: cannot load the OpenID discovery document ${url}: ${reason}; check discoveryUrl and that the issuer is reachable`,
    cause === undefined ? undefined : { cause },
  );
}
