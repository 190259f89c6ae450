import { exportSPKI, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CustomClaimRule, JwtAuthorizerConfig } from '../../src/auth/authorizerConfig.js';
import {
  createJwtAuthorizer,
  type JwtAuthorizerOptions,
} from '../../src/auth/createJwtAuthorizer.js';
import { AgentCoreMcpError } from '../../src/errors.js';
import { catchAsyncError } from '../support/catchAsyncError.js';
import { catchError } from '../support/catchError.js';
import { type LocalIssuer, startLocalIssuer } from './support/localIssuer.js';

let issuer: LocalIssuer;

beforeAll(async () => {
  issuer = await startLocalIssuer();
});

afterAll(async () => {
  await issuer.close();
});

function authorizerWith(config: Partial<JwtAuthorizerConfig> = {}, options?: JwtAuthorizerOptions) {
  return createJwtAuthorizer({ discoveryUrl: issuer.discoveryUrl, ...config }, options);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

describe('createJwtAuthorizer: valid tokens', () => {
  it('verifies an RS256 Cognito-style access token and returns its principal', async () => {
    const exp = nowSeconds() + 600;
    const token = await issuer.sign({ exp, scope: 'api/read api/write' });
    const principal = await authorizerWith({ allowedClients: ['client-a'] }).verify(token);
    expect(principal).toEqual({
      subject: 'user-sub-1',
      username: 'alice',
      clientId: 'client-a',
      scopes: ['api/read', 'api/write'],
      audience: [],
      issuer: issuer.issuer,
      expiresAt: new Date(exp * 1000),
      claims: expect.objectContaining({ sub: 'user-sub-1', token_use: 'access', exp }) as unknown,
    });
  });

  it('verifies an ES256 token', async () => {
    const token = await issuer.sign({ sub: 'es-user' }, { alg: 'ES256' });
    const principal = await authorizerWith().verify(token);
    expect(principal).toMatchObject({ subject: 'es-user', issuer: issuer.issuer });
  });

  it('reads an ID-token shape: cognito:username, aud as a string, azp as the client', async () => {
    const token = await issuer.sign({
      username: undefined,
      client_id: undefined,
      scope: undefined,
      token_use: 'id',
      'cognito:username': 'bob',
      aud: 'client-id-token',
      azp: 'client-azp',
    });
    const principal = await authorizerWith().verify(token);
    expect(principal).toMatchObject({
      username: 'bob',
      clientId: 'client-azp',
      audience: ['client-id-token'],
      scopes: [],
    });
  });

  it('exposes the validated config', () => {
    const authorizer = authorizerWith({ allowedClients: ['client-a'] });
    expect(authorizer.config).toEqual({
      discoveryUrl: issuer.discoveryUrl,
      allowedClients: ['client-a'],
    });
  });
});

describe('createJwtAuthorizer: allowedClients and allowedAudience', () => {
  it.each([
    { case: 'client_id allowed', config: { allowedClients: ['x', 'client-a'] }, claims: {} },
    { case: 'aud string allowed', config: { allowedAudience: ['api'] }, claims: { aud: 'api' } },
    {
      case: 'aud array allowed',
      config: { allowedAudience: ['api'] },
      claims: { aud: ['other', 'api'] },
    },
    {
      case: 'both set, client matches',
      config: { allowedClients: ['client-a'], allowedAudience: ['api'] },
      claims: { aud: 'other' },
    },
    {
      case: 'both set, aud matches',
      config: { allowedClients: ['client-z'], allowedAudience: ['api'] },
      claims: { aud: ['api'] },
    },
    { case: 'neither set, no client claims', config: {}, claims: { client_id: undefined } },
  ])('accepts: $case', async ({ config, claims }) => {
    const token = await issuer.sign(claims);
    await expect(authorizerWith(config).verify(token)).resolves.toMatchObject({
      subject: 'user-sub-1',
    });
  });

  it.each([
    {
      case: 'client_id not allowed',
      config: { allowedClients: ['1a2b3c'] },
      claims: { client_id: 'client-b' },
      message: 'Token client "client-b" is not allowed: expected one of "1a2b3c"',
    },
    {
      case: 'client_id missing (an ID token with only aud)',
      config: { allowedClients: ['1a2b3c'] },
      claims: { client_id: undefined, aud: '1a2b3c' },
      message: 'Token has no "client_id" claim: expected one of "1a2b3c"',
    },
    {
      case: 'aud not allowed',
      config: { allowedAudience: ['api'] },
      claims: { aud: ['web', 'mobile'] },
      message: 'Token audience "web", "mobile" is not allowed: expected one of "api"',
    },
    {
      case: 'aud missing',
      config: { allowedAudience: ['api'] },
      claims: {},
      message: 'Token has no "aud" claim: expected one of "api"',
    },
    {
      case: 'both set, neither matches',
      config: { allowedClients: ['client-z'], allowedAudience: ['api'] },
      claims: { aud: 'web' },
      message:
        'Token client "client-a" and audience "web" are not allowed: expected client_id in "client-z" or aud in "api"',
    },
  ])('rejects with ERR_TOKEN_WRONG_CLIENT: $case', async ({ config, claims, message }) => {
    const token = await issuer.sign(claims);
    const error = await catchAsyncError(authorizerWith(config).verify(token));
    expect(error).toMatchObject({ code: 'ERR_TOKEN_WRONG_CLIENT', message });
  });

  it('shortens a long allow list in the message', async () => {
    const allowedClients = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
    const error = await catchAsyncError(
      authorizerWith({ allowedClients }).verify(await issuer.sign()),
    );
    expect(error.message).toContain('"c1", "c2", "c3", "c4", "c5" and 2 more');
  });
});

describe('createJwtAuthorizer: allowedScopes', () => {
  const allowedScopes = ['mcp/invoke', 'mcp/admin'];

  it.each([
    { case: 'scope string with one allowed scope', claims: { scope: 'openid mcp/invoke' } },
    { case: 'scp array', claims: { scope: undefined, scp: ['mcp/admin'] } },
    { case: 'scp as a space-separated string', claims: { scope: undefined, scp: 'a mcp/admin' } },
  ])('accepts a token with $case', async ({ claims }) => {
    const token = await issuer.sign(claims);
    await expect(authorizerWith({ allowedScopes }).verify(token)).resolves.toMatchObject({
      subject: 'user-sub-1',
    });
  });

  it.each([
    { case: 'no scope claim', claims: { scope: undefined }, granted: '(none)' },
    {
      case: 'other scopes only',
      claims: { scope: 'openid profile' },
      granted: '"openid", "profile"',
    },
    {
      case: 'a scope that only shares a prefix',
      claims: { scope: 'mcp/invoke-all' },
      granted: '"mcp/invoke-all"',
    },
  ])('rejects $case with ERR_TOKEN_INSUFFICIENT_SCOPE', async ({ claims, granted }) => {
    const token = await issuer.sign(claims);
    const error = await catchAsyncError(authorizerWith({ allowedScopes }).verify(token));
    expect(error.code).toBe('ERR_TOKEN_INSUFFICIENT_SCOPE');
    expect(error.message).toBe(
      `Token has none of the allowed scopes: expected one of "mcp/invoke", "mcp/admin", got ${granted}; request a token with one of them`,
    );
  });

  it('checks the client before the scopes (401 before 403)', async () => {
    const token = await issuer.sign({ client_id: 'client-b', scope: undefined });
    const error = await catchAsyncError(
      authorizerWith({ allowedClients: ['client-a'], allowedScopes }).verify(token),
    );
    expect(error.code).toBe('ERR_TOKEN_WRONG_CLIENT');
  });
});

describe('createJwtAuthorizer: customClaims', () => {
  const SECRET_VALUE = 'top-secret-department-value';
  const equals: CustomClaimRule = {
    inboundTokenClaimName: 'department',
    inboundTokenClaimValueType: 'STRING',
    authorizingClaimMatchValue: {
      claimMatchValue: { matchValueString: 'engineering' },
      claimMatchOperator: 'EQUALS',
    },
  };
  const contains: CustomClaimRule = {
    inboundTokenClaimName: 'cognito:groups',
    inboundTokenClaimValueType: 'STRING_ARRAY',
    authorizingClaimMatchValue: {
      claimMatchValue: { matchValueString: 'admins' },
      claimMatchOperator: 'CONTAINS',
    },
  };
  const containsAny: CustomClaimRule = {
    inboundTokenClaimName: 'roles',
    inboundTokenClaimValueType: 'STRING_ARRAY',
    authorizingClaimMatchValue: {
      claimMatchValue: { matchValueStringList: ['reader', 'writer'] },
      claimMatchOperator: 'CONTAINS_ANY',
    },
  };

  it.each([
    { operator: 'EQUALS', rule: equals, claims: { department: 'engineering' } },
    { operator: 'CONTAINS', rule: contains, claims: { 'cognito:groups': ['users', 'admins'] } },
    { operator: 'CONTAINS_ANY', rule: containsAny, claims: { roles: ['guest', 'writer'] } },
  ])('$operator passes when the claim matches', async ({ rule, claims }) => {
    const token = await issuer.sign(claims);
    await expect(authorizerWith({ customClaims: [rule] }).verify(token)).resolves.toMatchObject({
      claims: expect.objectContaining(claims) as unknown,
    });
  });

  it('requires every rule to pass', async () => {
    const customClaims = [equals, contains, containsAny];
    const good = { department: 'engineering', 'cognito:groups': ['admins'], roles: ['reader'] };
    await expect(
      authorizerWith({ customClaims }).verify(await issuer.sign(good)),
    ).resolves.toBeDefined();
    const bad = await issuer.sign({ ...good, roles: ['guest'] });
    const error = await catchAsyncError(authorizerWith({ customClaims }).verify(bad));
    expect(error.message).toContain('"roles"');
  });

  it.each([
    {
      case: 'EQUALS, other value',
      rule: equals,
      claims: { department: SECRET_VALUE },
      problem: 'does not equal the configured value',
    },
    { case: 'EQUALS, missing', rule: equals, claims: {}, problem: 'is missing' },
    {
      case: 'EQUALS, an array',
      rule: equals,
      claims: { department: ['engineering'] },
      problem: 'is not a string',
    },
    {
      case: 'EQUALS, case differs',
      rule: equals,
      claims: { department: 'Engineering' },
      problem: 'does not equal',
    },
    {
      case: 'CONTAINS, not included',
      rule: contains,
      claims: { 'cognito:groups': [SECRET_VALUE] },
      problem: 'does not contain the configured value',
    },
    {
      case: 'CONTAINS, a string',
      rule: contains,
      claims: { 'cognito:groups': 'admins' },
      problem: 'is not a list of strings',
    },
    {
      case: 'CONTAINS, mixed types',
      rule: contains,
      claims: { 'cognito:groups': ['admins', 1] },
      problem: 'is not a list of strings',
    },
    { case: 'CONTAINS, missing', rule: contains, claims: {}, problem: 'is missing' },
    {
      case: 'CONTAINS_ANY, none included',
      rule: containsAny,
      claims: { roles: [SECRET_VALUE, 'guest'] },
      problem: 'contains none of the configured values',
    },
    {
      case: 'CONTAINS_ANY, empty array',
      rule: containsAny,
      claims: { roles: [] },
      problem: 'contains none of the configured values',
    },
    {
      case: 'CONTAINS_ANY, a string',
      rule: containsAny,
      claims: { roles: 'reader' },
      problem: 'is not a list of strings',
    },
  ])('rejects with ERR_TOKEN_CLAIM_MISMATCH: $case', async ({ rule, claims, problem }) => {
    const token = await issuer.sign(claims);
    const error = await catchAsyncError(authorizerWith({ customClaims: [rule] }).verify(token));
    expect(error.code).toBe('ERR_TOKEN_CLAIM_MISMATCH');
    expect(error.message).toContain(`Token claim "${rule.inboundTokenClaimName}" ${problem}`);
    expect(error.message).not.toContain(SECRET_VALUE);
    expect(error.message).not.toContain('engineering');
  });
});

describe('createJwtAuthorizer: time claims', () => {
  it('rejects a token expired beyond the tolerance with the expiry time in the message', async () => {
    const exp = nowSeconds() - 120;
    const error = await catchAsyncError(authorizerWith().verify(await issuer.sign({ exp })));
    expect(error).toMatchObject({
      code: 'ERR_TOKEN_EXPIRED',
      message: `Token expired at ${new Date(exp * 1000).toISOString()}: get a new one (agentcore-mcp token)`,
    });
  });

  it('accepts a token expired within the default 30 s tolerance', async () => {
    const token = await issuer.sign({ exp: nowSeconds() - 5 });
    await expect(authorizerWith().verify(token)).resolves.toMatchObject({ subject: 'user-sub-1' });
  });

  it('honours clockToleranceSeconds: 0', async () => {
    const token = await issuer.sign({ exp: nowSeconds() - 5 });
    const error = await catchAsyncError(
      authorizerWith({}, { clockToleranceSeconds: 0 }).verify(token),
    );
    expect(error.code).toBe('ERR_TOKEN_EXPIRED');
  });

  it('rejects nbf in the future with ERR_TOKEN_NOT_YET_VALID', async () => {
    const nbf = nowSeconds() + 300;
    const error = await catchAsyncError(authorizerWith().verify(await issuer.sign({ nbf })));
    expect(error.code).toBe('ERR_TOKEN_NOT_YET_VALID');
    expect(error.message).toContain(
      `Token is not valid before ${new Date(nbf * 1000).toISOString()}`,
    );
  });

  it('accepts nbf slightly in the future, within the tolerance', async () => {
    const token = await issuer.sign({ nbf: nowSeconds() + 5 });
    await expect(authorizerWith().verify(token)).resolves.toBeDefined();
  });

  it.each([
    { claim: 'exp', claims: { exp: undefined }, message: 'Token has no "exp" claim' },
    { claim: 'sub', claims: { sub: undefined }, message: 'Token has no "sub" claim' },
    { claim: 'exp', claims: { exp: 'tomorrow' }, message: 'Token claim "exp" is invalid' },
    { claim: 'sub', claims: { sub: 42 }, message: 'Token claim "sub" is not a non-empty string' },
  ])('rejects a bad or missing $claim with ERR_TOKEN_INVALID', async ({ claims, message }) => {
    const error = await catchAsyncError(authorizerWith().verify(await issuer.sign(claims)));
    expect(error.code).toBe('ERR_TOKEN_INVALID');
    expect(error.message).toContain(message);
  });
});

describe('createJwtAuthorizer: issuer, algorithm and signature', () => {
  it('rejects another issuer with ERR_TOKEN_WRONG_ISSUER', async () => {
    const token = await issuer.sign({ iss: 'https://evil.example.com' });
    const error = await catchAsyncError(authorizerWith().verify(token));
    expect(error).toMatchObject({
      code: 'ERR_TOKEN_WRONG_ISSUER',
      message: `Token issuer "https://evil.example.com" does not match the discovery issuer "${issuer.issuer}"`,
    });
  });

  it('rejects a token without iss with ERR_TOKEN_WRONG_ISSUER', async () => {
    const error = await catchAsyncError(
      authorizerWith().verify(await issuer.sign({ iss: undefined })),
    );
    expect(error.code).toBe('ERR_TOKEN_WRONG_ISSUER');
  });

  it('rejects alg "none" before any network request', async () => {
    const before = { ...issuer.requests };
    const now = nowSeconds();
    const token = new UnsecuredJWT({ iss: issuer.issuer, sub: 'x', exp: now + 60 }).encode();
    const error = await catchAsyncError(authorizerWith().verify(token));
    expect(error.code).toBe('ERR_TOKEN_INVALID');
    expect(error.message).toContain('algorithm is not allowed');
    expect(issuer.requests).toEqual(before);
  });

  it('rejects HS256 signed with the RSA public key bytes (key confusion)', async () => {
    const rsa = await issuer.rotate();
    const secret = new TextEncoder().encode(await exportSPKI(rsa.publicKey));
    const token = await new SignJWT({ iss: issuer.issuer, sub: 'attacker', client_id: 'client-a' })
      .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
      .setExpirationTime('10m')
      .sign(secret);
    const error = await catchAsyncError(
      authorizerWith({ allowedClients: ['client-a'] }).verify(token),
    );
    expect(error.code).toBe('ERR_TOKEN_INVALID');
    expect(error.message).toContain('algorithm is not allowed');
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = (await issuer.sign()).split('.');
    const forged = Buffer.from(
      JSON.stringify({
        iss: issuer.issuer,
        sub: 'admin',
        client_id: 'client-a',
        exp: nowSeconds() + 600,
      }),
    ).toString('base64url');
    const error = await catchAsyncError(
      authorizerWith().verify(`${header}.${forged}.${signature}`),
    );
    expect(error.code).toBe('ERR_TOKEN_INVALID');
    expect(error.message).toContain('signature is invalid');
  });

  it('rejects a token signed by another key under a published kid', async () => {
    const published = await issuer.sign();
    const { kid } = JSON.parse(Buffer.from(published.split('.')[0]!, 'base64url').toString()) as {
      kid: string;
    };
    const impostor = { ...(await issuer.createKey('RS256')), kid };
    const error = await catchAsyncError(
      authorizerWith().verify(await issuer.sign({}, { key: impostor })),
    );
    expect(error.code).toBe('ERR_TOKEN_INVALID');
  });

  it('rejects a token whose kid the issuer never published', async () => {
    const stranger = await issuer.createKey('ES256');
    const error = await catchAsyncError(
      authorizerWith().verify(await issuer.sign({}, { key: stranger })),
    );
    expect(error.code).toBe('ERR_TOKEN_INVALID');
    expect(error.message).toContain('signing key');
  });

  it.each([
    { case: 'a word', token: 'not-a-jwt' },
    { case: 'two parts', token: 'abc.def' },
    { case: 'three junk parts', token: 'abc.def.ghi' },
    { case: 'five parts (JWE)', token: 'a.b.c.d.e' },
    {
      case: 'a JSON header without alg',
      token: `${Buffer.from('{"typ":"JWT"}').toString('base64url')}.e30.sig`,
    },
  ])('rejects a malformed token ($case) with ERR_TOKEN_INVALID', async ({ token }) => {
    const error = await catchAsyncError(authorizerWith().verify(token));
    expect(error.code).toBe('ERR_TOKEN_INVALID');
    expect(error.message).not.toContain(token);
  });

  it('rejects an empty token with ERR_TOKEN_MISSING', async () => {
    expect((await catchAsyncError(authorizerWith().verify(''))).code).toBe('ERR_TOKEN_MISSING');
  });
});

describe('createJwtAuthorizer: error messages', () => {
  it('never contain the token or any part of it', async () => {
    const authorizer = authorizerWith({
      allowedClients: ['client-a'],
      allowedScopes: ['mcp/invoke'],
      customClaims: [
        {
          inboundTokenClaimName: 'department',
          inboundTokenClaimValueType: 'STRING',
          authorizingClaimMatchValue: {
            claimMatchValue: { matchValueString: 'engineering' },
            claimMatchOperator: 'EQUALS',
          },
        },
      ],
    });
    const good = { scope: 'mcp/invoke', department: 'engineering' };
    const now = nowSeconds();
    const tokens = await Promise.all([
      issuer.sign({ ...good, exp: now - 3600 }),
      issuer.sign({ ...good, nbf: now + 3600 }),
      issuer.sign({ ...good, iss: 'https://other.example' }),
      issuer.sign({ ...good, client_id: 'client-b' }),
      issuer.sign({ ...good, scope: 'openid' }),
      issuer.sign({ ...good, department: 'sales' }),
      issuer.sign({ ...good, sub: undefined }),
      issuer.sign(good, { key: await issuer.createKey() }),
      issuer.sign(good).then((token) => `${token.slice(0, -4)}AAAA`),
      Promise.resolve(new UnsecuredJWT({ sub: 'x' }).encode()),
    ]);
    const codes = new Set<string>();
    for (const token of tokens) {
      const error = await catchAsyncError(authorizer.verify(token));
      codes.add(error.code);
      expect(error.message).not.toContain(token);
      for (const part of token.split('.').filter((segment) => segment.length > 0)) {
        expect(error.message).not.toContain(part);
      }
      expect(error.message).not.toContain('\n');
    }
    expect([...codes].sort()).toEqual([
      'ERR_TOKEN_CLAIM_MISMATCH',
      'ERR_TOKEN_EXPIRED',
      'ERR_TOKEN_INSUFFICIENT_SCOPE',
      'ERR_TOKEN_INVALID',
      'ERR_TOKEN_NOT_YET_VALID',
      'ERR_TOKEN_WRONG_CLIENT',
      'ERR_TOKEN_WRONG_ISSUER',
    ]);
  });
});

describe('createJwtAuthorizer: configuration', () => {
  it('validates the config up front', () => {
    const error = catchError(() => createJwtAuthorizer({ discoveryUrl: 'https://example.com/' }));
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error.code).toBe('ERR_CONFIG_INVALID');
    expect(error.message).toContain('discoveryUrl');
  });

  it.each([
    { options: { clockToleranceSeconds: -1 }, name: 'clockToleranceSeconds' },
    { options: { clockToleranceSeconds: Number.NaN }, name: 'clockToleranceSeconds' },
    { options: { jwksCooldownMs: -5 }, name: 'jwksCooldownMs' },
    { options: { discoveryTimeoutMs: 0 }, name: 'discoveryTimeoutMs' },
    { options: { discoveryTimeoutMs: 1.5 }, name: 'discoveryTimeoutMs' },
  ])('rejects the option $name = $options', ({ options, name }) => {
    const error = catchError(() => authorizerWith({}, options));
    expect(error.code).toBe('ERR_CONFIG_INVALID');
    expect(error.message).toContain(`option ${name}`);
  });

  it('does no I/O until the first verify', () => {
    const before = { ...issuer.requests };
    authorizerWith();
    expect(issuer.requests).toEqual(before);
  });
});
