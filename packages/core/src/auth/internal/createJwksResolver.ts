import {
  createRemoteJWKSet,
  customFetch,
  errors,
  type FetchImplementation,
  type JWTVerifyGetKey,
} from 'jose';

import { AgentCoreMcpError } from '../../errors.js';
import { describeFetchFailure } from './describeFetchFailure.js';

/** Options of {@link createJwksResolver}. */
export interface JwksResolverOptions {
  /** Minimum time between refetches triggered by an unknown `kid`, after success or failure. */
  readonly cooldownMs: number;
  /** Timeout of each JWKS request. */
  readonly timeoutMs: number;
}

/**
 * Makes the key resolver for `jwtVerify`: jose's `createRemoteJWKSet` with keys kept indefinitely
 * (`cacheMaxAge: Infinity`), so verification goes on while the issuer is briefly down, and refetched
 * only when a token names an unknown `kid`. jose rate-limits those refetches by `cooldownDuration`
 * after a *successful* fetch only; a failed refetch would be retried on every such token, so this
 * wrapper also refuses to refetch within `cooldownMs` of a failure while keys are cached.
 *
 * @internal Not part of the public API.
 * @param jwksUri - The issuer's `jwks_uri`.
 * @param options - Cooldown and timeout.
 * @returns The resolver.
 * @throws {@link AgentCoreMcpError} `ERR_AUTHORIZER_UNAVAILABLE` (from the resolver) when the JWKS
 *   cannot be fetched; jose's own errors (no matching key, ...) pass through unchanged.
 * @example
 * ```ts
 * const getKey = createJwksResolver(new URL(jwksUri), { cooldownMs: 30_000, timeoutMs: 5000 });
 * await jwtVerify(token, getKey, { algorithms: ['RS256'] });
 * ```
 */
export function createJwksResolver(jwksUri: URL, options: JwksResolverOptions): JWTVerifyGetKey {
  const { cooldownMs, timeoutMs } = options;
  const url = jwksUri.href;
  let lastFailureAt: number | undefined;

  const fetchJwks: FetchImplementation = async (resource, init) => {
    const hasKeys = remote.jwks() !== undefined;
    if (hasKeys && lastFailureAt !== undefined && Date.now() - lastFailureAt < cooldownMs) {
      throw unavailable(url, `the last attempt failed less than ${cooldownMs} ms ago`);
    }
    let response: Response;
    try {
      response = await fetch(resource, init);
    } catch (error) {
      lastFailureAt = Date.now();
      throw unavailable(url, describeFetchFailure(error, timeoutMs), error);
    }
    if (response.status !== 200) {
      lastFailureAt = Date.now();
      await response.body?.cancel();
      throw unavailable(url, `HTTP ${response.status}`);
    }
    lastFailureAt = undefined;
    return response;
  };

  const remote = createRemoteJWKSet(jwksUri, {
    cooldownDuration: cooldownMs,
    cacheMaxAge: Infinity,
    timeoutDuration: timeoutMs,
    [customFetch]: fetchJwks,
  });

  return async (protectedHeader, token) => {
    try {
      return await remote(protectedHeader, token);
    } catch (error) {
      if (error instanceof errors.JWKSTimeout) {
        lastFailureAt = Date.now();
        throw unavailable(url, `timed out after ${timeoutMs} ms`, error);
      }
      // A 200 response that is not a JWKS: jose's generic error (bad JSON) or JWKSInvalid.
      if (
        error instanceof errors.JWKSInvalid ||
        (error instanceof errors.JOSEError && error.code === 'ERR_JOSE_GENERIC')
      ) {
        lastFailureAt = Date.now();
        throw unavailable(url, 'the response is not a valid JWKS', error);
      }
      throw error;
    }
  };
}

function unavailable(url: string, reason: string, cause?: unknown): AgentCoreMcpError {
  return new AgentCoreMcpError(
    'ERR_AUTHORIZER_UNAVAILABLE',
    `Authorizer unavailable: cannot fetch the signing keys (JWKS) from ${url}: ${reason}; check that the issuer is reachable`,
    cause === undefined ? undefined : { cause },
  );
}
