// Both MCP protocol eras on the gateway's endpoint: a 2026-07-28 client (stateless by design) and
// a 2025 client in front of the same 2025-era upstream session.
import { toolText } from '@agentcore-mcp/test-support';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ProxyGateway, startProxyGateway } from './support/startProxyGateway.js';
import { startUpstreamFixture } from './support/upstreamProcesses.js';

type Upstream = Awaited<ReturnType<typeof startUpstreamFixture>>;

describe.each(['stateless', 'stateful'] as const)('a %s gateway serves both eras', (mode) => {
  let upstream: Upstream;
  let proxy: ProxyGateway;

  beforeAll(async () => {
    upstream = await startUpstreamFixture({ name: 'up', mode: 'stateless' });
    proxy = await startProxyGateway({
      mcpServers: { up: { url: upstream.url } },
      gateway: { mode },
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.stop();
  });

  it.each([
    ['2026-07-28', { pin: '2026-07-28' }, 'modern'],
    ['auto', 'auto', 'modern'],
    ['2025', 'legacy', 'legacy'],
  ] as const)(
    'lists and calls a target tool for a client in mode %s',
    async (_name, negotiation, era) => {
      const client = new Client(
        { name: 'eras', version: '1.0.0' },
        { versionNegotiation: { mode: negotiation } },
      );
      await client.connect(new StreamableHTTPClientTransport(new URL(proxy.url)));
      try {
        expect(client.getProtocolEra()).toBe(era);
        const { tools } = await client.listTools();
        expect(tools.map((tool) => tool.name)).toContain('up___echo');
        const result = await client.callTool({ name: 'up___echo', arguments: { message: 'hi' } });
        expect(toolText(result)).toBe('up: hi');
      } finally {
        await client.close();
      }
    },
  );
});
