import { readFileSync } from 'node:fs';

import { type CryptoKey, importJWK, type JWK, SignJWT } from 'jose';

import { cognitoLocalFile } from './cognitoLocalFile.js';

/** Options for {@link signCognitoLocalToken}. */
export interface SignCognitoLocalTokenOptions {
  /** The `iss` claim, e.g. `http://localhost:<port>/<poolId>`. Default: `claims.iss`, else none. */
  issuer?: string;
  /**
   * When the token expires: seconds from now (negative for an already-expired token) or a jose
   * time span (`'1h'`, `'-5 minutes'`). Default: `claims.exp` when given, else one hour.
   */
  expiresIn?: string | number;
  /** The `kid` header. Default: `'CognitoLocal'`, the key cognito-local's JWKS serves. */
  kid?: string;
}

let privateKey: Promise<CryptoKey | Uint8Array> | undefined;

/**
 * Forges an RS256 token with cognito-local's shipped private key
 * (`lib/keys/cognitoLocal.private.json`), so it verifies against any cognito-local JWKS. Meant for
 * rejection tests: expired tokens, another client, another issuer, another `token_use`…
 *
 * @param claims - The payload; `iat` defaults to now.
 * @param options - Issuer, expiry and key id.
 * @returns The compact JWT.
 * @example
 * ```ts
 * const expired = await signCognitoLocalToken(
 *   { client_id: clientId, token_use: 'access', sub: 'u1' },
 *   { issuer: `http://localhost:${port}/${poolId}`, expiresIn: -60 },
 * );
 * ```
 */
export async function signCognitoLocalToken(
  claims: Record<string, unknown>,
  options: SignCognitoLocalTokenOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ iat: now, ...claims }).setProtectedHeader({
    alg: 'RS256',
    typ: 'JWT',
    kid: options.kid ?? 'CognitoLocal',
  });
  if (options.issuer !== undefined) jwt.setIssuer(options.issuer);
  const { expiresIn } = options;
  if (typeof expiresIn === 'number') jwt.setExpirationTime(now + expiresIn);
  else if (expiresIn !== undefined) jwt.setExpirationTime(expiresIn);
  else if (claims.exp === undefined) jwt.setExpirationTime(now + 3600);
  return jwt.sign(await loadPrivateKey());
}

function loadPrivateKey(): Promise<CryptoKey | Uint8Array> {
  privateKey ??= (() => {
    const file = cognitoLocalFile('lib/keys/cognitoLocal.private.json');
    const { jwk } = JSON.parse(readFileSync(file, 'utf8')) as { jwk: JWK };
    return importJWK(jwk, 'RS256');
  })();
  return privateKey;
}
