// A 2026-07-28 target's list changes reach the gateway through subscriptions/listen, and the
// gateway's own list changes reach a 2026-07-28 client the same way.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, McpServer } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';

import { createCleanup } from './support/deferCleanup.js';
import { pollUntil } from './support/pollUntil.js';
import { startProxyGateway } from './support/startProxyGateway.js';
import { startRecordingProxy } from './support/startRecordingProxy.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/**
 * An SDK v2 server (both eras, `createMcpHandler`) whose tools the test changes: it declares
 * `tools.listChanged` and announces each change on its `subscriptions/listen` streams.
 */
async function startChangingTarget() {
  const names = new Set(['first']);
  const handler = createMcpHandler(() => {
    const server = new McpServer(
      { name: 'changing', version: '1.0.0' },
      { capabilities: { tools: { listChanged: true } } },
    );
    for (const name of names) {
      server.registerTool(name, { description: name, inputSchema: z.object({}) }, () => ({
        content: [{ type: 'text', text: name }],
      }));
    }
    return server;
  });
  const node = toNodeHandler(handler);
  const server = http.createServer((req, res) => void node(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    addTool: (name: string) => {
      names.add(name);
      handler.notify.toolsChanged();
    },
    close: async () => {
      await handler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('list changes of a 2026-07-28 target', () => {
  it('reach a 2026 client listening on the gateway', async () => {
    const target = cleanup.add(await startChangingTarget());
    const proxy = cleanup.add(await startRecordingProxy(target.url));
    const gateway = cleanup.add(
      await startProxyGateway({ mcpServers: { changing: { url: proxy.url } } }),
    );
    const client = new Client(
      { name: 'listener', version: '1.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    await client.connect(new StreamableHTTPClientTransport(new URL(gateway.url)));
    cleanup.add(client);
    let announced!: () => void;
    const changed = new Promise<void>((resolve) => (announced = resolve));
    client.setNotificationHandler('notifications/tools/list_changed', () => announced());
    const subscription = await client.listen({ toolsListChanged: true });
    expect(subscription.honoredFilter).toEqual({ toolsListChanged: true });

    // The gateway's own listen stream to the target, acknowledged (the gateway logs it then).
    await pollUntil(() => gateway.lines.find((line) => line.msg === 'listening for list changes'), {
      what: "the gateway's subscriptions/listen to the target",
    });
    expect(proxy.methods()).toContain('subscriptions/listen');
    target.addTool('second');
    await changed;
    const { tools } = await client.listTools(undefined, { cacheMode: 'refresh' });
    expect(tools.map((tool) => tool.name)).toEqual([
      'changing___first',
      'changing___second',
      'gateway_status',
    ]);
    await subscription.close();
  });
});
