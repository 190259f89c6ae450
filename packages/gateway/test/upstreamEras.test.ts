// The gateway's upstream side in both protocol eras: what each client era gets from each target
// era, what the target sees on the wire, the era verdict cache, and cancellation to 2026 targets.
import { toolText } from '@agentcore-mcp/test-support';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';

import { createCleanup } from './support/deferCleanup.js';
import { stdioFixtureTarget } from './support/faultUpstreams.js';
import { startDualEraTarget } from './support/startDualEraTarget.js';
import { startLegacyTarget } from './support/startLegacyTarget.js';
import { startProxyGateway } from './support/startProxyGateway.js';
import { type RecordingProxy, startRecordingProxy } from './support/startRecordingProxy.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/** No health pings during a test (a 2026-07-28 target's ping is a `server/discover`). */
const QUIET = { healthCheck: { intervalMs: 600_000 } };

/** An SDK v2 client pinned to MCP 2026-07-28, closed after the test. */
async function connectModern(url: string): Promise<Client> {
  const client = new Client(
    { name: 'eras-2026', version: '1.0.0' },
    { versionNegotiation: { mode: { pin: '2026-07-28' } } },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  cleanup.add(client);
  return client;
}

/** Checks that `expected` appears in `actual` in this order (other entries may come between). */
function expectInOrder(actual: readonly (string | undefined)[], expected: readonly string[]): void {
  let from = 0;
  for (const method of expected) {
    const at = actual.indexOf(method, from);
    expect(at, `${method} after position ${from} in ${JSON.stringify(actual)}`).toBeGreaterThan(-1);
    from = at + 1;
  }
}

/** The POSTs the target got, as `method` plus the MCP headers that matter here. */
function wireOf(proxy: RecordingProxy) {
  return proxy.requests.map(({ httpMethod, headers, body }) => ({
    httpMethod,
    method: body?.method,
    version: headers['mcp-protocol-version'],
    mcpMethod: headers['mcp-method'],
    mcpName: headers['mcp-name'],
    session: headers['mcp-session-id'],
  }));
}

describe('a 2026-07-28 target', () => {
  it('is spoken to in 2026-07-28 by a 2026 client through the gateway: no session, no GET, the standard headers', async () => {
    const target = cleanup.add(await startDualEraTarget());
    const proxy = cleanup.add(await startRecordingProxy(target.url));
    const gateway = cleanup.add(
      await startProxyGateway({ mcpServers: { dual: { url: proxy.url } }, gateway: QUIET }),
    );
    const client = await connectModern(gateway.url);
    expect(client.getProtocolEra()).toBe('modern');
    const result = await client.callTool({ name: 'dual___echo', arguments: { message: 'hi' } });
    expect(toolText(result)).toBe('dual: hi');

    const wire = wireOf(proxy);
    // (A target that declares list changes also gets a subscriptions/listen after the listing.)
    expect(proxy.methods().filter((method) => method !== 'subscriptions/listen')).toEqual([
      'server/discover',
      'tools/list',
      'tools/call',
    ]);
    for (const request of wire) {
      expect(request).toMatchObject({ httpMethod: 'POST', version: '2026-07-28' });
      expect(request.mcpMethod).toBe(request.method);
      expect(request.session).toBeUndefined();
    }
    expect(wire.at(-1)?.mcpName).toBe('echo');
    const call = proxy.requests.at(-1)?.body?.params?._meta as Record<string, unknown>;
    expect(call['io.modelcontextprotocol/protocolVersion']).toBe('2026-07-28');
    expect(call['io.modelcontextprotocol/clientCapabilities']).toEqual({});
    expect(gateway.gateway.status().targets[0]?.protocol).toEqual({
      configured: 'auto',
      era: 'modern',
      version: '2026-07-28',
    });
  });

  it('is spoken to in 2026-07-28 for a 2025 client too', async () => {
    const target = cleanup.add(await startDualEraTarget());
    const proxy = cleanup.add(await startRecordingProxy(target.url));
    const gateway = cleanup.add(
      await startProxyGateway({
        mcpServers: { dual: { url: proxy.url } },
        gateway: { ...QUIET, mode: 'stateful' },
      }),
    );
    const client = await gateway.connect();
    const result = await client.callTool({ name: 'dual___echo', arguments: { message: 'old' } });
    expect(toolText(result)).toBe('dual: old');
    const call = wireOf(proxy).at(-1);
    expect(call).toMatchObject({ method: 'tools/call', version: '2026-07-28', mcpName: 'echo' });
    expect(call?.session).toBeUndefined();
    expect(proxy.methods()).not.toContain('initialize');
  });

  it('is probed once: every connection and call after the first reuses the verdict', async () => {
    const target = cleanup.add(await startDualEraTarget());
    const proxy = cleanup.add(await startRecordingProxy(target.url));
    const gateway = cleanup.add(
      await startProxyGateway({
        mcpServers: { dual: { url: proxy.url } },
        // Stateful: each 2025 client gets an upstream connection of its own.
        gateway: { ...QUIET, mode: 'stateful' },
      }),
    );
    const clients = [await gateway.connect(), await gateway.connect(), await gateway.connect()];
    for (const [index, client] of clients.entries()) {
      for (let call = 0; call < 3; call += 1) {
        const result = await client.callTool({
          name: 'dual___echo',
          arguments: { message: `${index}.${call}` },
        });
        expect(toolText(result)).toBe(`dual: ${index}.${call}`);
      }
    }
    const modern = await connectModern(gateway.url);
    await modern.callTool({ name: 'dual___echo', arguments: { message: 'new' } });
    expect(proxy.methods().filter((method) => method === 'server/discover')).toHaveLength(1);
    expect(proxy.methods().filter((method) => method === 'tools/call')).toHaveLength(10);
  });

  it('is probed again when it stops understanding 2026-07-28 (replaced by a 2025-only server)', async () => {
    const modernTarget = cleanup.add(await startDualEraTarget());
    const legacyTarget = cleanup.add(await startLegacyTarget('dual'));
    const proxy = cleanup.add(await startRecordingProxy(modernTarget.url));
    const gateway = cleanup.add(
      await startProxyGateway({ mcpServers: { dual: { url: proxy.url } }, gateway: QUIET }),
    );
    const client = await connectModern(gateway.url);
    expect(
      toolText(await client.callTool({ name: 'dual___echo', arguments: { message: 'a' } })),
    ).toBe('dual: a');

    proxy.retarget(legacyTarget.url);
    const before = proxy.requests.length;
    expect(
      toolText(await client.callTool({ name: 'dual___echo', arguments: { message: 'b' } })),
    ).toBe('dual: b');
    const after = proxy.requests.slice(before).map((request) => request.body?.method);
    expectInOrder(after, [
      'tools/call', // 2026-07-28, refused by the 2025-only server (HTTP 400)
      'server/discover', // the probe again: legacy
      'initialize',
      'notifications/initialized',
      'tools/call', // sent once more, in 2025
    ]);
    expect(gateway.gateway.status().targets[0]?.protocol).toMatchObject({
      era: 'legacy',
      version: '2025-11-25',
    });
  });

  it("cancels a 2026 client's call upstream by closing its stream", async () => {
    const target = cleanup.add(await startDualEraTarget());
    const proxy = cleanup.add(await startRecordingProxy(target.url));
    const gateway = cleanup.add(
      await startProxyGateway({ mcpServers: { dual: { url: proxy.url } }, gateway: QUIET }),
    );
    const client = await connectModern(gateway.url);
    const controller = new AbortController();
    const call = client.callTool(
      { name: 'dual___hold', arguments: {} },
      { signal: controller.signal },
    );
    const held = await target.nextHold();
    controller.abort('gave up');
    await expect(call).rejects.toThrow('gave up');
    await held.aborted; // bounded by the test timeout: never resolves if not cancelled
    expect(proxy.methods()).not.toContain('notifications/cancelled');
  });
});

describe('a 2025-only target', () => {
  it('serves a 2026 client through the gateway, spoken to in 2025', async () => {
    const target = cleanup.add(await startLegacyTarget('old'));
    const proxy = cleanup.add(await startRecordingProxy(target.url));
    const gateway = cleanup.add(
      await startProxyGateway({ mcpServers: { old: { url: proxy.url } }, gateway: QUIET }),
    );
    const client = await connectModern(gateway.url);
    const result = await client.callTool({ name: 'old___echo', arguments: { message: 'hi' } });
    expect(toolText(result)).toBe('old: hi');
    expect(proxy.methods().slice(0, 3)).toEqual([
      'server/discover',
      'initialize',
      'notifications/initialized',
    ]);
    const call = proxy.requests.findLast((request) => request.body?.method === 'tools/call');
    expect(call?.headers['mcp-session-id']).toEqual(expect.any(String));
    expect(call?.headers['mcp-method']).toBeUndefined();
    expect(call?.body?.params?._meta).toBeUndefined();
    expect(gateway.gateway.status().targets[0]?.protocol).toMatchObject({ era: 'legacy' });
  });

  it('answers its elicitation request with a one-line error when the client speaks 2026-07-28', async () => {
    const target = cleanup.add(await startLegacyTarget('old'));
    const gateway = cleanup.add(
      await startProxyGateway({ mcpServers: { old: { url: target.url } }, gateway: QUIET }),
    );
    const client = await connectModern(gateway.url);
    const result = await client.callTool({ name: 'old___ask_user', arguments: {} });
    expect(result.isError).toBe(true);
    // The 2025 target reports the gateway's answer to its request (with the SDK's own prefix).
    expect(toolText(result)).toContain(
      'The gateway cannot relay elicitation/create from target "old" to its client: the client speaks MCP 2026-07-28, which has no server-to-client requests (a 2026-07-28 target would answer input_required instead)',
    );
  });
});

describe('the protocol setting', () => {
  it('lets an auto stdio target fall back to 2025 (the probe runs on a sibling child)', async () => {
    const gateway = cleanup.add(
      await startProxyGateway({
        mcpServers: {
          kid: { ...stdioFixtureTarget({ name: 'kid', tools: ['echo'] }), protocol: 'auto' },
        },
        // Two children start one after the other (6-7 s on a loaded 2-core runner): listen() waits
        // for the listing however long that takes, rather than the default 10 s.
        gateway: { ...QUIET, discovery: { startupWaitMs: 600_000 } },
      }),
    );
    const client = await connectModern(gateway.url);
    const result = await client.callTool({ name: 'kid___echo', arguments: { message: 'hi' } });
    expect(toolText(result)).toBe('kid: hi');
    expect(gateway.gateway.status().targets[0]?.protocol).toEqual({
      configured: 'auto',
      era: 'legacy',
      version: '2025-11-25',
    });
  });

  it('marks a target that must speak 2026-07-28 but does not unavailable, saying why', async () => {
    const target = cleanup.add(await startLegacyTarget('old'));
    const gateway = cleanup.add(
      await startProxyGateway({
        mcpServers: { old: { url: target.url, protocol: '2026-07-28' } },
        gateway: QUIET,
      }),
    );
    const [status] = gateway.gateway.status().targets;
    expect(status).toMatchObject({ healthy: false, protocol: { era: null } });
    expect(status?.lastError).toContain(
      `Cannot connect to target "old" (${target.url}): Version negotiation failed: the server did not offer pinned protocol version 2026-07-28`,
    );
  });

  it('never probes a legacy target', async () => {
    const target = cleanup.add(await startDualEraTarget());
    const proxy = cleanup.add(await startRecordingProxy(target.url));
    const gateway = cleanup.add(
      await startProxyGateway({
        mcpServers: { dual: { url: proxy.url, protocol: 'legacy' } },
        gateway: QUIET,
      }),
    );
    const client = await connectModern(gateway.url);
    await client.callTool({ name: 'dual___echo', arguments: { message: 'x' } });
    expect(proxy.methods()).not.toContain('server/discover');
    expect(proxy.methods()[0]).toBe('initialize');
  });
});
