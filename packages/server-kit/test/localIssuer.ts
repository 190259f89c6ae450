import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** Options of {@link LocalIssuer.sign}. */
export interface SignOptions {
  /** The `iss` claim. Default: none. */
  issuer?: string;
  /** Seconds from now until `exp`, negative for an expired token. Default: 3600. */
  expiresIn?: number;
}

/** An OIDC issuer on 127.0.0.1 with one RS256 key, serving any number of Cognito-like pools. */
export interface LocalIssuer {
  /** `http://127.0.0.1:<port>/<pool>/.well-known/openid-configuration`; its `issuer` drops the suffix. */
  discoveryUrl(pool: string): string;
  /** Signs a token with the published key. */
  sign(claims: Record<string, unknown>, options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

const KID = 'local-key';
const DOCUMENT = /^\/([^/]+)\/(\.well-known\/openid-configuration|jwks\.json)$/;

/**
 * Starts an issuer that, like a Cognito user pool, serves a discovery document and a JWKS under
 * `/<pool>/`, so tokens with another pool's `iss` verify against the key but not the issuer.
 *
 * @returns The running issuer; `close()` it in `afterAll`.
 */
export async function startLocalIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  let origin = '';
  const server = createServer((req, res) => {
    const match = DOCUMENT.exec(req.url ?? '');
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const issuer = `${origin}/${match[1]}`;
    const body =
      match[2] === 'jwks.json'
        ? { keys: [jwk] }
        : {
            issuer,
            jwks_uri: `${issuer}/jwks.json`,
            id_token_signing_alg_values_supported: ['RS256'],
          };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    discoveryUrl: (pool) => `${origin}/${pool}/.well-known/openid-configuration`,
    sign: (claims, { issuer, expiresIn = 3600 } = {}) => {
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({ iat: now, ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: KID })
        .setExpirationTime(now + expiresIn);
      if (issuer !== undefined) jwt.setIssuer(issuer);
      return jwt.sign(privateKey);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
