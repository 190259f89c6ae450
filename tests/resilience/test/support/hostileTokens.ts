import { base64url, SignJWT } from 'jose';

import type { TestIssuer } from './testIssuer.js';

/** How a surface must answer: 401 bare, 401 `invalid_token`, 403 `insufficient_scope`, or 200. */
export type TokenVerdict = 'missing' | 'invalid_token' | 'insufficient_scope' | 'accepted';

/** One way of presenting (or not) a bearer token. */
export interface TokenCase {
  readonly name: string;
  /** The `Authorization` header, or none. */
  readonly authorization?: string;
  /** Appended to the URL's query string, e.g. `access_token=…`. */
  readonly query?: string;
  /** The raw token, which must never be echoed back. */
  readonly token?: string;
  readonly verdict: TokenVerdict;
}

/** The authorizer every surface of the token tests runs with. */
export const TOKEN_TEST_CLIENT = 'resilience-client';
export const TOKEN_TEST_AUDIENCE = 'resilience-api';
export const TOKEN_TEST_SCOPE = 'mcp/invoke';

/** Claim padding that makes a signed token just over 10 KB (base64url grows it by a third). */
const PADDING_FOR_10_KB = 7_500;

/**
 * Builds the hostile-token table against `issuer`: every attack the issue names, plus the valid
 * tokens that must still get in. Tokens expire in an hour, so build it in `beforeAll`.
 *
 * @param issuer - The issuer the surfaces trust.
 * @returns The cases, each with its expected verdict.
 */
export async function buildTokenCases(issuer: TestIssuer): Promise<TokenCase[]> {
  const now = Math.floor(Date.now() / 1000);
  const valid = await issuer.sign();
  const bearer = (name: string, token: string, verdict: TokenVerdict): TokenCase => ({
    name,
    authorization: `Bearer ${token}`,
    token,
    verdict,
  });
  const stranger = await issuer.createKey();
  const [header = '', payload = ''] = valid.split('.');
  const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload))) as object;
  const forge = (fields: object) => base64url.encode(JSON.stringify({ ...claims, ...fields }));
  const padded = await issuer.sign(
    { padding: 'x'.repeat(PADDING_FOR_10_KB) },
    { ...stranger, kid: issuer.currentKey.kid },
  );

  return [
    { name: 'no Authorization header', verdict: 'missing' },
    {
      name: 'a valid token in the query string only',
      query: `access_token=${valid}`,
      token: valid,
      verdict: 'missing',
    },
    bearer(
      'alg: none',
      `${base64url.encode('{"alg":"none","typ":"JWT"}')}.${payload}.`,
      'invalid_token',
    ),
    bearer(
      'HS256 signed with the RSA public key',
      await hs256WithPublicKey(issuer, claims),
      'invalid_token',
    ),
    bearer('expired', await issuer.sign({ exp: now - 3600, iat: now - 7200 }), 'invalid_token'),
    bearer('nbf an hour ahead', await issuer.sign({ nbf: now + 3600 }), 'invalid_token'),
    bearer('wrong iss', await issuer.sign({ iss: 'http://127.0.0.1:1/evil' }), 'invalid_token'),
    bearer('wrong client_id', await issuer.sign({ client_id: 'intruder' }), 'invalid_token'),
    bearer(
      'wrong aud, no client_id',
      await issuer.sign({ client_id: undefined, aud: 'other-api' }),
      'invalid_token',
    ),
    bearer('no scope', await issuer.sign({ scope: undefined }), 'insufficient_scope'),
    bearer(
      'insufficient scope',
      await issuer.sign({ scope: 'mcp/read profile' }),
      'insufficient_scope',
    ),
    bearer('unknown kid', await issuer.sign({}, stranger), 'invalid_token'),
    bearer(
      'tampered payload (sub changed)',
      `${header}.${forge({ sub: 'admin' })}.${valid.split('.')[2] ?? ''}`,
      'invalid_token',
    ),
    bearer(
      'tampered payload (scope added)',
      `${header}.${forge({ scope: `${TOKEN_TEST_SCOPE} admin` })}.${valid.split('.')[2] ?? ''}`,
      'invalid_token',
    ),
    bearer('malformed: not a JWT', 'not-a-jwt', 'invalid_token'),
    bearer('malformed: two parts', 'abc.def', 'invalid_token'),
    bearer('malformed: three garbage parts', 'a!b.c$d.e%f', 'invalid_token'),
    bearer(
      'malformed: header not JSON',
      `${base64url.encode('not json')}.${payload}.sig`,
      'invalid_token',
    ),
    bearer('malformed: encrypted JWE shape', 'a.b.c.d.e', 'invalid_token'),
    { name: 'malformed: Bearer and nothing', authorization: 'Bearer ', verdict: 'invalid_token' },
    {
      name: 'malformed: bare token without Bearer',
      authorization: valid,
      token: valid,
      verdict: 'invalid_token',
    },
    {
      name: 'malformed: Basic scheme',
      authorization: 'Basic dXNlcjpwYXNz',
      verdict: 'invalid_token',
    },
    {
      name: 'malformed: token with a space',
      authorization: `Bearer ${header} ${payload}`,
      verdict: 'invalid_token',
    },
    bearer('a 10 KB token under the real kid, not signed by the issuer', padded, 'invalid_token'),
    bearer('valid (client_id allowed)', valid, 'accepted'),
    bearer(
      'valid (aud allowed, no client_id)',
      await issuer.sign({ client_id: undefined, aud: TOKEN_TEST_AUDIENCE }),
      'accepted',
    ),
  ];
}

/** The classic key-confusion attack: HMAC over the token with the issuer's public key as secret. */
async function hs256WithPublicKey(issuer: TestIssuer, claims: object): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: issuer.currentKey.kid })
    .sign(new TextEncoder().encode(issuer.currentKey.publicPem));
}
