import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/** The algorithms the local issuer can sign with. */
export type IssuerAlgorithm = 'RS256' | 'ES256';

/** A signing key of the local issuer; published in the JWKS only after {@link LocalIssuer.publish}. */
export interface IssuerKey {
  readonly kid: string;
  readonly alg: IssuerAlgorithm;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly jwk: JWK;
}

/** Which document a request asked for. */
export type IssuerPath = 'discovery' | 'jwks';

/**
 * How the issuer answers: normally, with an HTTP error, or not at all (a hung connection); `only`
 * limits a failure to one of the two documents.
 */
export type IssuerMode =
  | { kind: 'up' }
  | { kind: 'failing'; status: number; only?: IssuerPath }
  | { kind: 'hanging'; only?: IssuerPath };

/** Options of {@link LocalIssuer.sign}. */
export interface SignOptions {
  /** Sign with this key instead of the first published key of `alg`. */
  key?: IssuerKey;
  /** Which published key to use. Default: `'RS256'`. */
  alg?: IssuerAlgorithm;
}

/** A small OIDC issuer on 127.0.0.1 serving a discovery document and a JWKS. */
export interface LocalIssuer {
  /** `http://127.0.0.1:<port>`: the `issuer` of the discovery document. */
  readonly issuer: string;
  readonly discoveryUrl: string;
  readonly jwksUrl: string;
  /** Requests served (or refused with an HTTP error) so far, per path. */
  readonly requests: { discovery: number; jwks: number };
  /** Signs a token: default Cognito-like access-token claims, overridden by `claims`; an `undefined` value removes a claim. */
  sign(claims?: Record<string, unknown>, options?: SignOptions): Promise<string>;
  /** Generates a key without publishing it. */
  createKey(alg?: IssuerAlgorithm): Promise<IssuerKey>;
  /** Publishes exactly these keys in the JWKS. */
  publish(...keys: IssuerKey[]): void;
  /** Replaces the published keys with a fresh RS256 and ES256 pair; returns the new RS256 key. */
  rotate(): Promise<IssuerKey>;
  /** Changes how requests are answered. */
  setMode(mode: IssuerMode): void;
  /**
   * Serves this body as the discovery document instead of the real one: a string verbatim, anything
   * else as JSON; `undefined` restores the real one.
   */
  setDiscoveryDocument(body: unknown): void;
  /** Stops listening (connections are refused) without giving up the port number. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  /** Stops for good. */
  close(): Promise<void>;
}

let keyCounter = 0;

/**
 * Starts a local OIDC issuer on 127.0.0.1 (port chosen by the OS) with one published RS256 and one
 * ES256 key. Every response closes its connection, so stop/start never leaves stale keep-alive
 * sockets in the client.
 *
 * @returns The running issuer; call `close()` in `afterEach`.
 * @example
 * ```ts
 * const issuer = await startLocalIssuer();
 * const token = await issuer.sign({ scope: 'api/read' });
 * ```
 */
export async function startLocalIssuer(): Promise<LocalIssuer> {
  let published: IssuerKey[] = [];
  let mode: IssuerMode = { kind: 'up' };
  let discoveryBody: unknown;
  const requests = { discovery: 0, jwks: 0 };
  let origin = '';

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('connection', 'close');
    const path = req.url ?? '/';
    const counter: IssuerPath | undefined =
      path === '/.well-known/openid-configuration'
        ? 'discovery'
        : path === '/jwks.json'
          ? 'jwks'
          : undefined;
    if (counter === undefined) return send(res, 404, { error: 'not found' });
    requests[counter] += 1;
    const affected = mode.kind !== 'up' && (mode.only === undefined || mode.only === counter);
    if (affected && mode.kind === 'hanging') return;
    if (affected && mode.kind === 'failing')
      return send(res, mode.status, { error: 'unavailable' });
    if (counter === 'jwks') return send(res, 200, { keys: published.map((key) => key.jwk) });
    send(
      res,
      200,
      discoveryBody ?? {
        issuer: origin,
        jwks_uri: `${origin}/jwks.json`,
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      },
    );
  });

  await listen(server, 0);
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  let listening = true;

  const createKey = async (alg: IssuerAlgorithm = 'RS256'): Promise<IssuerKey> => {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
    keyCounter += 1;
    const kid = `${alg.toLowerCase()}-key-${keyCounter}`;
    const jwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    return { kid, alg, privateKey, publicKey, jwk };
  };

  const issuer: LocalIssuer = {
    issuer: origin,
    discoveryUrl: `${origin}/.well-known/openid-configuration`,
    jwksUrl: `${origin}/jwks.json`,
    requests,
    async sign(claims = {}, options = {}) {
      const key =
        options.key ?? published.find((candidate) => candidate.alg === (options.alg ?? 'RS256'));
      if (key === undefined) throw new Error(`no published ${options.alg ?? 'RS256'} key`);
      const now = Math.floor(Date.now() / 1000);
      const payload: Record<string, unknown> = {
        iss: origin,
        sub: 'user-sub-1',
        client_id: 'client-a',
        token_use: 'access',
        scope: 'api/read',
        username: 'alice',
        iat: now,
        exp: now + 3600,
        ...claims,
      };
      for (const [name, value] of Object.entries(payload))
        if (value === undefined) delete payload[name];
      return new SignJWT(payload)
        .setProtectedHeader({ alg: key.alg, kid: key.kid })
        .sign(key.privateKey);
    },
    createKey,
    publish(...keys) {
      published = keys;
    },
    async rotate() {
      const rsa = await createKey('RS256');
      published = [rsa, await createKey('ES256')];
      return rsa;
    },
    setMode(next) {
      mode = next;
    },
    setDiscoveryDocument(body) {
      discoveryBody = body;
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
    async close() {
      await issuer.stop();
    },
  };
  await issuer.rotate();
  return issuer;
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
