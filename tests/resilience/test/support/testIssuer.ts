import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type CryptoKey, exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from 'jose';

/** One RS256 signing key of the {@link TestIssuer}. */
export interface IssuerKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  /** The public key as a JWK, as the JWKS publishes it. */
  readonly jwk: JWK;
  /** The public key in PEM (SPKI), what an HS256-confusion attacker would use as the secret. */
  readonly publicPem: string;
}

/** An OIDC issuer on 127.0.0.1: a discovery document and a JWKS. */
export interface TestIssuer {
  /** `http://127.0.0.1:<port>`, the `iss` of its tokens. */
  readonly issuer: string;
  /** `…/.well-known/openid-configuration`. */
  readonly discoveryUrl: string;
  /** JWKS requests answered so far. */
  readonly jwksRequests: number;
  /** The key tokens are signed with by default (the first published one). */
  readonly currentKey: IssuerKey;
  /**
   * Signs an RS256 access token: Cognito-like claims (`iss`, `sub`, `client_id`, `scope`, `exp` in
   * an hour) overridden by `claims`; a claim set to `undefined` is left out.
   */
  sign(claims?: Record<string, unknown>, key?: IssuerKey): Promise<string>;
  /** A new key, not published. */
  createKey(): Promise<IssuerKey>;
  /** Publishes exactly these keys. */
  publish(...keys: IssuerKey[]): void;
  /** Stops listening (connections are refused); the port is kept for `start`. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

let keyCounter = 0;

/**
 * Starts a test OIDC issuer with one published RS256 key. Every response closes its connection,
 * so `stop` really makes it unreachable to clients with keep-alive pools.
 *
 * @returns The issuer; call `stop()` in `afterAll`.
 */
export async function startTestIssuer(): Promise<TestIssuer> {
  let published: IssuerKey[] = [];
  let jwksRequests = 0;
  let origin = '';
  const server = createServer((req, res) => {
    res.setHeader('connection', 'close');
    if (req.url === '/.well-known/openid-configuration') {
      send(res, { issuer: origin, jwks_uri: `${origin}/jwks.json` });
    } else if (req.url === '/jwks.json') {
      jwksRequests += 1;
      send(res, { keys: published.map((key) => key.jwk) });
    } else {
      res.writeHead(404).end();
    }
  });
  await listen(server, 0);
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  let listening = true;

  const createKey = async (): Promise<IssuerKey> => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    keyCounter += 1;
    const kid = `resilience-key-${keyCounter}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    return { kid, privateKey, jwk, publicPem: await exportSPKI(publicKey) };
  };
  published = [await createKey()];
  const currentKey = (): IssuerKey => {
    const [key] = published;
    if (key === undefined) throw new Error('the issuer publishes no key');
    return key;
  };

  return {
    issuer: origin,
    discoveryUrl: `${origin}/.well-known/openid-configuration`,
    get jwksRequests() {
      return jwksRequests;
    },
    get currentKey() {
      return currentKey();
    },
    async sign(claims = {}, key) {
      const signer = key ?? currentKey();
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        iss: origin,
        sub: 'user-1',
        client_id: 'resilience-client',
        token_use: 'access',
        scope: 'mcp/invoke',
        iat: now,
        exp: now + 3600,
        ...claims,
      };
      for (const [name, value] of Object.entries(payload))
        if (value === undefined) delete payload[name];
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: signer.kid })
        .sign(signer.privateKey);
    },
    createKey,
    publish(...keys) {
      published = keys;
    },
    async stop() {
      if (!listening) return;
      listening = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    async start() {
      if (listening) return;
      await listen(server, port);
      listening = true;
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function send(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
