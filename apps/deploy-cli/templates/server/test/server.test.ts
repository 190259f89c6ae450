// `npm test` builds first, then runs this file from dist/ with `node --test`: it starts the built
// server as a process, the way the Docker image runs it, on a free loopback port, and calls its
// tools over HTTP with the MCP SDK client in both protocol eras the server serves: MCP 2026-07-28
// (stateless requests, what a client in `auto` mode picks) and 2025 (`initialize` first).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startServerProcess } from '@agentcore-mcp/server-kit/process';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

/** A connected client; `auto` probes with `server/discover`, `legacy` sends `initialize`. */
async function connect(url: string, mode: 'auto' | 'legacy'): Promise<Client> {
  const client = new Client(
    { name: 'server-test', version: '1.0.0' },
    { versionNegotiation: { mode } },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

await test('the server, started as a process, answers over HTTP', async (t) => {
  // HOST=127.0.0.1 and PORT=0 (a free port); resolves once the server prints its listening line.
  const server = await startServerProcess(process.execPath, [MAIN]);
  try {
    await t.test('MCP 2026-07-28: lists and calls tools, and reports a tool error', async () => {
      const client = await connect(server.url, 'auto');
      try {
        assert.equal(client.getProtocolEra(), 'modern');
        const { tools } = await client.listTools();
        assert.ok(tools.some((tool) => tool.name === 'add_numbers'));
        const sum = await client.callTool({ name: 'add_numbers', arguments: { a: 2, b: 3 } });
        assert.deepEqual(sum.content, [{ type: 'text', text: '5' }]);
        // A ToolError reaches the model as a result with isError: true.
        const failed = await client.callTool({
          name: 'divide_numbers',
          arguments: { a: 1, b: 0 },
        });
        assert.equal(failed.isError, true);
      } finally {
        await client.close();
      }
    });

    await t.test('MCP 2025 (initialize): lists and calls tools', async () => {
      const client = await connect(server.url, 'legacy');
      try {
        assert.equal(client.getProtocolEra(), 'legacy');
        const { tools } = await client.listTools();
        assert.ok(tools.some((tool) => tool.name === 'add_numbers'));
        const sum = await client.callTool({ name: 'add_numbers', arguments: { a: 2, b: 3 } });
        assert.deepEqual(sum.content, [{ type: 'text', text: '5' }]);
      } finally {
        await client.close();
      }
    });
  } finally {
    await server.stop();
  }
});
