import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { exportJWK, generateKeyPair } from 'jose';
import { Provider } from 'oidc-provider';

/** The resource (audience) every access token of {@link startOAuthServer} is issued for. */
export const RESOURCE = 'urn:agentcore-mcp:test';

/** The scopes the test clients may request. */
export const SCOPES = ['mcp:invoke', 'mcp:admin'];

/** A scope the server knows but no test client may request (→ `invalid_scope`). */
export const FORBIDDEN_SCOPE = 'mcp:root';

/** A client registered with {@link startOAuthServer}. */
export interface OAuthTestClient {
  clientId: string;
  clientSecret: string;
  authMethod: 'client_secret_basic' | 'client_secret_post';
}

/** A running OAuth 2.0 authorization server for client_credentials tests. */
export interface OAuthServer {
  /** `http://127.0.0.1:<port>/token`. */
  tokenUrl: string;
  /** One client per authentication method, each accepting only that method. */
  clients: Record<OAuthTestClient['authMethod'], OAuthTestClient>;
  /** How many requests reached the token endpoint so far. */
  tokenRequests(): number;
  /** The `Authorization` header of the last token request, if it had one. */
  lastAuthorization(): string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts a real oidc-provider on 127.0.0.1 (random port) with the client_credentials grant and
 * JWT access tokens (RFC 9068) that live `ttlSeconds`.
 */
export async function startOAuthServer(ttlSeconds = 300): Promise<OAuthServer> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const clients: OAuthServer['clients'] = {
    client_secret_basic: {
      clientId: 'basic-client',
      clientSecret: 'basic secret:with/odd+chars',
      authMethod: 'client_secret_basic',
    },
    client_secret_post: {
      clientId: 'post-client',
      clientSecret: 'post-secret-value',
      authMethod: 'client_secret_post',
    },
  };
  const provider = new Provider(origin, {
    adapter: MemoryAdapter,
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: 'RS256', use: 'sig', kid: 'test' }] },
    scopes: [...SCOPES, FORBIDDEN_SCOPE],
    clients: Object.values(clients).map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      token_endpoint_auth_method: client.authMethod,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: SCOPES.join(' '),
    })),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: SCOPES.join(' '),
          audience: RESOURCE,
          accessTokenFormat: 'jwt',
        }),
      },
    },
    ttl: { ClientCredentials: () => ttlSeconds },
  });
  const handle = provider.callback();
  let tokenRequests = 0;
  let lastAuthorization: string | undefined;
  server.on('request', (request, response) => {
    if (request.method === 'POST' && request.url === '/token') {
      tokenRequests += 1;
      lastAuthorization = request.headers.authorization;
    }
    handle(request, response);
  });
  return {
    tokenUrl: `${origin}/token`,
    clients,
    tokenRequests: () => tokenRequests,
    lastAuthorization: () => lastAuthorization,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** oidc-provider's storage contract, in memory; JWT access tokens never reach it. */
class MemoryAdapter {
  static readonly #store = new Map<string, Record<string, unknown>>();
  readonly #model: string;

  constructor(model: string) {
    this.#model = model;
  }

  upsert(id: string, payload: Record<string, unknown>): Promise<void> {
    MemoryAdapter.#store.set(`${this.#model}:${id}`, payload);
    return Promise.resolve();
  }

  find(id: string): Promise<Record<string, unknown> | undefined> {
    return Promise.resolve(MemoryAdapter.#store.get(`${this.#model}:${id}`));
  }

  findByUid(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  findByUserCode(): Promise<undefined> {
    return Promise.resolve(undefined);
  }

  consume(id: string): Promise<void> {
    const payload = MemoryAdapter.#store.get(`${this.#model}:${id}`);
    if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    MemoryAdapter.#store.delete(`${this.#model}:${id}`);
    return Promise.resolve();
  }

  revokeByGrantId(): Promise<void> {
    return Promise.resolve();
  }
}
