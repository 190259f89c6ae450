// OIDC discovery through the public authorizer: lazy, shared by concurrent first calls, cached after
// the first success, retried after a failure.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createJwtAuthorizer } from '../../../src/auth/createJwtAuthorizer.js';
import { catchAsyncError } from '../../support/catchAsyncError.js';
import { type LocalIssuer, startLocalIssuer } from '../support/localIssuer.js';

let issuer: LocalIssuer;

beforeEach(async () => {
  issuer = await startLocalIssuer();
});

afterEach(async () => {
  await issuer.close();
});

describe('OIDC discovery', () => {
  it('shares one discovery fetch (and one JWKS fetch) among concurrent first verifies', async () => {
    const authorizer = createJwtAuthorizer({ discoveryUrl: issuer.discoveryUrl });
    const tokens = await Promise.all(
      Array.from({ length: 8 }, (_, index) => issuer.sign({ sub: `user-${index}` })),
    );
    const principals = await Promise.all(tokens.map((token) => authorizer.verify(token)));
    expect(principals.map((principal) => principal.subject)).toEqual(
      tokens.map((_, index) => `user-${index}`),
    );
    expect(issuer.requests).toEqual({ discovery: 1, jwks: 1 });
  });

  it('caches the document after the first success', async () => {
    const authorizer = createJwtAuthorizer({ discoveryUrl: issuer.discoveryUrl });
    for (let index = 0; index < 3; index += 1) await authorizer.verify(await issuer.sign());
    expect(issuer.requests.discovery).toBe(1);
  });

  it('reports an unreachable issuer as ERR_AUTHORIZER_UNAVAILABLE and works once it is up', async () => {
    await issuer.stop();
    const authorizer = createJwtAuthorizer({ discoveryUrl: issuer.discoveryUrl });
    const token = await issuer.sign();

    const error = await catchAsyncError(authorizer.verify(token));
    expect(error.code).toBe('ERR_AUTHORIZER_UNAVAILABLE');
    expect(error.message).toContain(
      `Authorizer unavailable: cannot load the OpenID discovery document ${issuer.discoveryUrl}: connect ECONNREFUSED`,
    );
    expect(error.message).not.toContain(token);
    expect(error.cause).toBeInstanceOf(Error);

    await issuer.start();
    await expect(authorizer.verify(token)).resolves.toMatchObject({ subject: 'user-sub-1' });
    expect(issuer.requests).toEqual({ discovery: 1, jwks: 1 });
  });

  it('retries after an HTTP error instead of caching the failure', async () => {
    issuer.setMode({ kind: 'failing', status: 503, only: 'discovery' });
    const authorizer = createJwtAuthorizer({ discoveryUrl: issuer.discoveryUrl });
    const token = await issuer.sign();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = await catchAsyncError(authorizer.verify(token));
      expect(error.code).toBe('ERR_AUTHORIZER_UNAVAILABLE');
      expect(error.message).toContain(': HTTP 503;');
    }
    issuer.setMode({ kind: 'up' });
    await expect(authorizer.verify(token)).resolves.toBeDefined();
    expect(issuer.requests.discovery).toBe(3);
  });

  it('times out after discoveryTimeoutMs', async () => {
    issuer.setMode({ kind: 'hanging', only: 'discovery' });
    const authorizer = createJwtAuthorizer(
      { discoveryUrl: issuer.discoveryUrl },
      { discoveryTimeoutMs: 200 },
    );
    const error = await catchAsyncError(authorizer.verify(await issuer.sign()));
    expect(error.code).toBe('ERR_AUTHORIZER_UNAVAILABLE');
    expect(error.message).toContain('timed out after 200 ms');
  });

  it.each([
    { case: 'not JSON', body: 'not json', reason: 'the response is not JSON' },
    {
      case: 'no issuer',
      body: { jwks_uri: 'http://127.0.0.1/jwks' },
      reason: 'no "issuer" string',
    },
    { case: 'no jwks_uri', body: { issuer: 'x' }, reason: 'no "jwks_uri" URL' },
    {
      case: 'a non-http jwks_uri',
      body: { issuer: 'x', jwks_uri: 'file:///etc/passwd' },
      reason: '"jwks_uri" is not an http(s) URL',
    },
  ])('rejects a discovery document with $case', async ({ body, reason }) => {
    issuer.setDiscoveryDocument(body);
    const authorizer = createJwtAuthorizer({ discoveryUrl: issuer.discoveryUrl });
    const error = await catchAsyncError(authorizer.verify(await issuer.sign()));
    expect(error.code).toBe('ERR_AUTHORIZER_UNAVAILABLE');
    expect(error.message).toContain(reason);
  });

  it('checks iss against the issuer of the document, not the discovery URL', async () => {
    issuer.setDiscoveryDocument({ issuer: 'https://issuer.example', jwks_uri: issuer.jwksUrl });
    const authorizer = createJwtAuthorizer({ discoveryUrl: issuer.discoveryUrl });
    const error = await catchAsyncError(authorizer.verify(await issuer.sign()));
    expect(error.code).toBe('ERR_TOKEN_WRONG_ISSUER');
    const matching = await issuer.sign({ iss: 'https://issuer.example' });
    await expect(authorizer.verify(matching)).resolves.toMatchObject({
      issuer: 'https://issuer.example',
    });
  });
});
