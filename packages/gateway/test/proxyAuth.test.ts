// Credentials in and out of the gateway: inbound JWT verification (cognito-local as the issuer)
// and what each target receives: nothing of the client's by default, the client's token when it
// opts in, static headers, a token provider's token, OAuth client-credentials tokens.
import type { TokenProvider } from '@agentcore-mcp/client';
import {
  type CognitoLocal,
  signCognitoLocalToken,
  startCognitoLocal,
  toolText,
} from '@agentcore-mcp/test-support';
import {
  Client as ClientV2,
  StreamableHTTPClientTransport as StreamableHTTPClientTransportV2,
} from '@modelcontextprotocol/client';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectOwnCancellation } from './support/expectOwnCancellation.js';
import { type ProbeUpstream, startProbeUpstream } from './support/startProbeUpstream.js';
import { type ProxyGateway, startProxyGateway } from './support/startProxyGateway.js';
import { startTokenEndpoint, type TokenEndpoint } from './support/startTokenEndpoint.js';
import { startUpstreamFixture } from './support/upstreamProcesses.js';

type Upstream = Awaited<ReturnType<typeof startUpstreamFixture>>;

const POOL = 'local_gatewaypool';
const CLIENT = 'gateway-test-client';
const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'raw', version: '1' },
  },
});

const whoami = async (client: Client, tool: string) =>
  toolText(await client.callTool({ name: tool, arguments: {} }));

let cognito: CognitoLocal;
let discoveryUrl: string;
let upstream: Upstream;
const userToken = (claims: Record<string, unknown> = {}, expiresIn?: number) =>
  signCognitoLocalToken(
    { sub: 'user-1', client_id: CLIENT, token_use: 'access', ...claims },
    { issuer: discoveryUrl.replace('/.well-known/openid-configuration', ''), expiresIn },
  );

beforeAll(async () => {
  [cognito, upstream] = await Promise.all([
    startCognitoLocal(),
    startUpstreamFixture({ name: 'up' }),
  ]);
  discoveryUrl = cognito.discoveryUrl(POOL);
});
afterAll(async () => {
  await Promise.all([cognito?.stop(), upstream?.stop()]);
});

describe('inbound JWT auth (customJWTAuthorizer, cognito-local as issuer)', () => {
  let probe: ProbeUpstream;
  let proxy: ProxyGateway;
  const post = (headers: Record<string, string> = {}) =>
    fetch(proxy.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: INITIALIZE,
    });

  beforeAll(async () => {
    probe = await startProbeUpstream();
    proxy = await startProxyGateway({
      mcpServers: {
        up: { url: upstream.url },
        fwd: { url: upstream.url, forwardClientToken: true },
        held: { url: probe.url },
      },
      gateway: { auth: { customJWTAuthorizer: { discoveryUrl, allowedClients: [CLIENT] } } },
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await probe?.close();
  });

  it('answers a request without a token with 401, WWW-Authenticate and resource_metadata', async () => {
    const response = await post();
    expect(response.status).toBe(401);
    const origin = new URL(proxy.url).origin;
    const metadataUrl = `${origin}/.well-known/oauth-protected-resource`;
    expect(response.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${metadataUrl}"`,
    );
    const metadata = await fetch(metadataUrl);
    expect(metadata.status).toBe(200);
    expect(await metadata.json()).toMatchObject({
      resource: proxy.url,
      authorization_servers: [discoveryUrl.replace('/.well-known/openid-configuration', '')],
    });
  });

  it.each([
    ['another client', () => userToken({ client_id: 'someone-else' })],
    ['an expired token', () => userToken({}, -60)],
  ])('rejects %s with 401', async (_label, token) => {
    const response = await post({ authorization: `Bearer ${await token()}` });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
  });

  it('lets a valid token in: tools are listed and called', async () => {
    const client = await proxy.connect({
      headers: { authorization: `Bearer ${await userToken()}` },
    });
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(expect.arrayContaining(['up___echo', 'fwd___echo', 'gateway_status']));
    expect(
      toolText(await client.callTool({ name: 'up___echo', arguments: { message: 'in' } })),
    ).toBe('up: in');
  });

  it("never sends the client's token to a target that did not opt in", async () => {
    const client = await proxy.connect({
      headers: { authorization: `Bearer ${await userToken()}` },
    });
    expect(await whoami(client, 'up___whoami')).toBe('up: no authorization');
  });

  it("sends the client's verified token to a target with forwardClientToken", async () => {
    const token = await userToken({ sub: 'user-2' });
    const client = await proxy.connect({ headers: { authorization: `Bearer ${token}` } });
    expect(await whoami(client, 'fwd___whoami')).toBe(`up: Bearer ${token}`);
  });

  it('does the same for an MCP 2026-07-28 client: its token in, and on to forwardClientToken targets only', async () => {
    const token = await userToken({ sub: 'user-3' });
    const client = new ClientV2(
      { name: 'auth-2026', version: '1.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    await client.connect(
      new StreamableHTTPClientTransportV2(new URL(proxy.url), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    try {
      expect(client.getProtocolEra()).toBe('modern');
      const call = async (name: string) => toolText(await client.callTool({ name, arguments: {} }));
      expect(await call('fwd___whoami')).toBe(`up: Bearer ${token}`);
      expect(await call('up___whoami')).toBe('up: no authorization');
    } finally {
      await client.close();
    }
  });

  it("cancels an authenticated caller's own call only (stateless: matched by token)", async () => {
    const connect = async (sub: string) =>
      proxy.connect({ headers: { authorization: `Bearer ${await userToken({ sub })}` } });
    const clients = await Promise.all([connect('user-a'), connect('user-b')]);
    await expectOwnCancellation(clients, {
      probe,
      tool: 'held___hold',
      roundTrip: () => clients[0].callTool({ name: 'up___echo', arguments: { message: 'x' } }),
    });
  });
});

describe('outbound credentials, inbound auth off', () => {
  let probe: ProbeUpstream;
  let tokenEndpoint: TokenEndpoint;
  let proxy: ProxyGateway;
  const providerCalls: (boolean | undefined)[] = [];
  const provider: TokenProvider = {
    getToken: (options) => {
      providerCalls.push(options?.forceRefresh);
      return Promise.resolve('provided-token');
    },
  };

  beforeAll(async () => {
    [probe, tokenEndpoint] = await Promise.all([
      startProbeUpstream({ mode: 'stateless' }),
      startTokenEndpoint({ id: 'gateway-m2m', secret: 's3cret' }),
    ]);
    proxy = await startProxyGateway(
      {
        mcpServers: {
          up: { url: upstream.url },
          fwd: { url: upstream.url, forwardClientToken: true },
          static: { url: upstream.url, headers: { Authorization: 'Bearer ${STATIC_TOKEN}' } },
          probe: { url: probe.url, headers: { 'X-Tenant': '${TENANT:-none}-eu' } },
          provided: { url: upstream.url },
          oauth: {
            url: upstream.url,
            oauth: {
              tokenUrl: tokenEndpoint.url,
              clientId: 'gateway-m2m',
              clientSecret: '${M2M_SECRET}',
              scopes: ['mcp/invoke'],
            },
          },
        },
      },
      {
        env: { STATIC_TOKEN: 'static-123', TENANT: 'acme', M2M_SECRET: 's3cret' },
        tokenProviders: { provided: provider },
      },
    );
  });
  afterAll(async () => {
    await proxy?.close();
    await Promise.all([probe?.close(), tokenEndpoint?.close()]);
  });

  it('serves clients without a token', async () => {
    const client = await proxy.connect();
    expect(
      toolText(await client.callTool({ name: 'up___echo', arguments: { message: 'open' } })),
    ).toBe('up: open');
    expect(proxy.gateway.status().healthyTargets).toBe(6);
  });

  it("never sends the client's own Authorization to a target that did not opt in", async () => {
    const client = await proxy.connect({ headers: { authorization: 'Bearer user-token' } });
    expect(await whoami(client, 'up___whoami')).toBe('up: no authorization');
  });

  it("sends the client's Authorization to a forwardClientToken target, unverified", async () => {
    const client = await proxy.connect({ headers: { authorization: 'Bearer user-token' } });
    expect(await whoami(client, 'fwd___whoami')).toBe('up: Bearer user-token');
    const anonymous = await proxy.connect();
    expect(await whoami(anonymous, 'fwd___whoami')).toBe('up: no authorization');
  });

  it('sends static headers with ${VAR}s expanded', async () => {
    const client = await proxy.connect({ headers: { authorization: 'Bearer user-token' } });
    expect(await whoami(client, 'static___whoami')).toBe('up: Bearer static-123');
    const headers = JSON.parse(await whoami(client, 'probe___headers')) as Record<string, string>;
    expect(headers['x-tenant']).toBe('acme-eu');
    expect(headers.authorization).toBeUndefined();
  });

  it("sends a token provider's token as Bearer", async () => {
    const client = await proxy.connect();
    expect(await whoami(client, 'provided___whoami')).toBe('up: Bearer provided-token');
    expect(providerCalls.length).toBeGreaterThan(0);
    expect(providerCalls.every((force) => force === false)).toBe(true);
  });

  it('gets an OAuth client-credentials token once, caches it and sends it as Bearer', async () => {
    const client = await proxy.connect();
    expect(await whoami(client, 'oauth___whoami')).toBe('up: Bearer oauth-token-1');
    expect(await whoami(client, 'oauth___whoami')).toBe('up: Bearer oauth-token-1');
    expect(tokenEndpoint.requests).toEqual([
      {
        authorization: `Basic ${Buffer.from('gateway-m2m:s3cret').toString('base64')}`,
        form: { grant_type: 'client_credentials', scope: 'mcp/invoke' },
      },
    ]);
  });
});

describe('a token the target rejects', () => {
  let secured: ProbeUpstream;
  let proxy: ProxyGateway;
  let fresh: string;
  const providerCalls: (boolean | undefined)[] = [];

  beforeAll(async () => {
    secured = await startProbeUpstream({
      mode: 'stateless',
      jwt: { discoveryUrl, allowedClients: [CLIENT] },
    });
    let current = await userToken({ sub: 'm2m' }, -60); // expired: the target answers 401
    fresh = await userToken({ sub: 'm2m' });
    const provider: TokenProvider = {
      getToken: (options) => {
        providerCalls.push(options?.forceRefresh);
        if (options?.forceRefresh) current = fresh;
        return Promise.resolve(current);
      },
    };
    proxy = await startProxyGateway(
      { mcpServers: { secured: { url: secured.url } } },
      { tokenProviders: { secured: provider } },
    );
  });
  afterAll(async () => {
    await proxy?.close();
    await secured?.close();
  });

  it('is refreshed once after a 401 and the request retried', async () => {
    expect(providerCalls.slice(0, 2)).toEqual([false, true]);
    expect(providerCalls.slice(2).every((force) => force === false)).toBe(true);
    expect(proxy.gateway.status().targets).toMatchObject([{ name: 'secured', healthy: true }]);
    const client = await proxy.connect();
    const headers = JSON.parse(await whoami(client, 'secured___headers')) as Record<string, string>;
    expect(headers.authorization).toBe(`Bearer ${fresh}`);
  });
});
