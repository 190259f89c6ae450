// JWKS caching through the public authorizer: keys kept indefinitely, refetched only for an unknown
// kid, at most once per cooldown (after a success, as jose does, and after a failure, which we add).
import { createRemoteJWKSet, errors } from 'jose';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import {
  createJwtAuthorizer,
  type JwtAuthorizerOptions,
} from '../../../src/auth/createJwtAuthorizer.js';
import { catchAsyncError } from '../../support/catchAsyncError.js';
import { type LocalIssuer, startLocalIssuer } from '../support/localIssuer.js';

let issuer: LocalIssuer;

beforeEach(async () => {
  issuer = await startLocalIssuer();
});

afterEach(async () => {
  vi.useRealTimers();
  await issuer.close();
});

function authorizerWith(options: JwtAuthorizerOptions) {
  return createJwtAuthorizer({ discoveryUrl: issuer.discoveryUrl }, options);
}

/** Freezes `Date` (only) so cooldowns can be crossed without sleeping; sockets and timers stay real. */
function freezeClock(): { advance(ms: number): void } {
  vi.useFakeTimers({ toFake: ['Date'] });
  let now = Date.now();
  vi.setSystemTime(now);
  return {
    advance(ms) {
      now += ms;
      vi.setSystemTime(now);
    },
  };
}

describe('JWKS cache', () => {
  it('fetches the JWKS once and reuses it for every token signed by known keys', async () => {
    const authorizer = authorizerWith({});
    for (const alg of ['RS256', 'ES256', 'RS256'] as const) {
      await authorizer.verify(await issuer.sign({}, { alg }));
    }
    expect(issuer.requests).toEqual({ discovery: 1, jwks: 1 });
  });

  it('refetches the JWKS for an unknown kid after a key rotation', async () => {
    const authorizer = authorizerWith({ jwksCooldownMs: 0 });
    await authorizer.verify(await issuer.sign());
    expect(issuer.requests.jwks).toBe(1);

    await issuer.rotate();
    const principal = await authorizer.verify(await issuer.sign({ sub: 'after-rotation' }));
    expect(principal.subject).toBe('after-rotation');
    expect(issuer.requests).toEqual({ discovery: 1, jwks: 2 });
  });

  it('does not refetch for a second unknown kid within the cooldown, and does after it', async () => {
    const clock = freezeClock();
    const authorizer = authorizerWith({ jwksCooldownMs: 60_000 });
    await authorizer.verify(await issuer.sign());

    // Right after the first fetch, an unknown kid is inside the cooldown: rejected, no request.
    await issuer.rotate();
    const early = await issuer.sign();
    expect((await catchAsyncError(authorizer.verify(early))).code).toBe('ERR_TOKEN_INVALID');
    expect(issuer.requests.jwks).toBe(1);

    // Past the cooldown: one refetch, and the rotated key verifies.
    clock.advance(61_000);
    await authorizer.verify(await issuer.sign());
    expect(issuer.requests.jwks).toBe(2);

    // A second rotation within the cooldown of that refetch: no new request.
    await issuer.rotate();
    const second = await issuer.sign();
    const error = await catchAsyncError(authorizer.verify(second));
    expect(error.code).toBe('ERR_TOKEN_INVALID');
    expect(error.message).toContain('signing key');
    expect(issuer.requests.jwks).toBe(2);

    clock.advance(61_000);
    await expect(authorizer.verify(second)).resolves.toBeDefined();
    expect(issuer.requests).toEqual({ discovery: 1, jwks: 3 });
  });

  it('keeps verifying from the cache while the issuer is down', async () => {
    const clock = freezeClock();
    const authorizer = authorizerWith({});
    await authorizer.verify(await issuer.sign());
    await issuer.stop();

    // Even hours later (no max age on cached keys), new tokens from known keys verify.
    clock.advance(6 * 60 * 60 * 1000);
    const rsa = await authorizer.verify(await issuer.sign({ sub: 'while-down' }));
    const ec = await authorizer.verify(await issuer.sign({}, { alg: 'ES256' }));
    expect(rsa.subject).toBe('while-down');
    expect(ec.subject).toBe('user-sub-1');
    expect(issuer.requests).toEqual({ discovery: 1, jwks: 1 });
  });

  it('reports an unreachable JWKS for an unknown kid as ERR_AUTHORIZER_UNAVAILABLE', async () => {
    const authorizer = authorizerWith({ jwksCooldownMs: 0 });
    await authorizer.verify(await issuer.sign());
    await issuer.rotate();
    await issuer.stop();

    const error = await catchAsyncError(authorizer.verify(await issuer.sign()));
    expect(error.code).toBe('ERR_AUTHORIZER_UNAVAILABLE');
    expect(error.message).toContain(`cannot fetch the signing keys (JWKS) from ${issuer.jwksUrl}`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('rate-limits refetches after a failed one too (jose alone would retry on every token)', async () => {
    const clock = freezeClock();
    const authorizer = authorizerWith({ jwksCooldownMs: 60_000 });
    await authorizer.verify(await issuer.sign());
    clock.advance(61_000);
    await issuer.rotate();
    issuer.setMode({ kind: 'failing', status: 503 });

    const rotated = await issuer.sign();
    const first = await catchAsyncError(authorizer.verify(rotated));
    expect(first.code).toBe('ERR_AUTHORIZER_UNAVAILABLE');
    expect(first.message).toContain('HTTP 503');
    expect(issuer.requests.jwks).toBe(2);

    const second = await catchAsyncError(authorizer.verify(rotated));
    expect(second.code).toBe('ERR_AUTHORIZER_UNAVAILABLE');
    expect(second.message).toContain('the last attempt failed less than 60000 ms ago');
    expect(issuer.requests.jwks).toBe(2);

    issuer.setMode({ kind: 'up' });
    clock.advance(61_000);
    await expect(authorizer.verify(rotated)).resolves.toBeDefined();
    expect(issuer.requests.jwks).toBe(3);
  });

  it('retries a failed first JWKS fetch on the next verify (nothing cached, so no cooldown)', async () => {
    const authorizer = authorizerWith({ jwksCooldownMs: 60_000 });
    issuer.setMode({ kind: 'failing', status: 500, only: 'jwks' });
    const token = await issuer.sign();
    expect((await catchAsyncError(authorizer.verify(token))).code).toBe(
      'ERR_AUTHORIZER_UNAVAILABLE',
    );
    expect((await catchAsyncError(authorizer.verify(token))).code).toBe(
      'ERR_AUTHORIZER_UNAVAILABLE',
    );
    expect(issuer.requests).toEqual({ discovery: 1, jwks: 2 });

    issuer.setMode({ kind: 'up' });
    await expect(authorizer.verify(token)).resolves.toBeDefined();
    expect(issuer.requests).toEqual({ discovery: 1, jwks: 3 });
  });

  it('turns a JWKS response that is not a key set into ERR_AUTHORIZER_UNAVAILABLE', async () => {
    // Point jwks_uri at a JSON document without "keys".
    issuer.setDiscoveryDocument({ issuer: issuer.issuer, jwks_uri: issuer.discoveryUrl });
    const error = await catchAsyncError(authorizerWith({}).verify(await issuer.sign()));
    expect(error.code).toBe('ERR_AUTHORIZER_UNAVAILABLE');
    expect(error.message).toContain('the response is not a valid JWKS');
  });
});

// What jose 6 does on its own, pinned so an upgrade that changes it fails here first.
describe('jose createRemoteJWKSet (the behaviour the wrapper relies on)', () => {
  function remoteSet() {
    return createRemoteJWKSet(new URL(issuer.jwksUrl), {
      cooldownDuration: 60_000,
      cacheMaxAge: Infinity,
    });
  }

  it('with cacheMaxAge Infinity, never refetches for a known kid', async () => {
    const clock = freezeClock();
    const getKey = remoteSet();
    const { kid } = await issuer.rotate();
    await getKey({ alg: 'RS256', kid });
    clock.advance(365 * 24 * 60 * 60 * 1000);
    await getKey({ alg: 'RS256', kid });
    expect(issuer.requests.jwks).toBe(1);
  });

  it('counts the cooldown from the last successful fetch', async () => {
    const clock = freezeClock();
    const getKey = remoteSet();
    const first = await issuer.rotate();
    await getKey({ alg: 'RS256', kid: first.kid });
    const second = await issuer.rotate();
    await expect(getKey({ alg: 'RS256', kid: second.kid })).rejects.toBeInstanceOf(
      errors.JWKSNoMatchingKey,
    );
    expect(issuer.requests.jwks).toBe(1);
    clock.advance(60_001);
    await getKey({ alg: 'RS256', kid: second.kid });
    expect(issuer.requests.jwks).toBe(2);
  });

  it('does not rate-limit refetches after a failed one', async () => {
    const clock = freezeClock();
    const getKey = remoteSet();
    await getKey({ alg: 'RS256', kid: (await issuer.rotate()).kid });
    clock.advance(60_001);
    issuer.setMode({ kind: 'failing', status: 503 });
    await expect(getKey({ alg: 'RS256', kid: 'unknown-1' })).rejects.toThrow();
    await expect(getKey({ alg: 'RS256', kid: 'unknown-2' })).rejects.toThrow();
    expect(issuer.requests.jwks).toBe(3);
  });
});
