// `npm test` builds first, then runs this file from dist/ with `node --test`: it starts the built
// server as a process, the way the Docker image runs it, on a free loopback port, and calls its
// tools over HTTP with the MCP SDK client.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startServerProcess } from '@agentcore-mcp/server-kit/process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const MAIN = fileURLToPath(new URL('../src/main.js', import.meta.url));

await test('the server, started as a process, answers over HTTP', async (t) => {
  // HOST=127.0.0.1 and PORT=0 (a free port); resolves once the server prints its listening line.
  const server = await startServerProcess(process.execPath, [MAIN]);
  const client = new Client({ name: 'server-test', version: '1.0.0' });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(server.url)));

    await t.test('lists the tools', async () => {
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'add_numbers'));
    });

    await t.test('calls a tool', async () => {
      const result = await client.callTool({ name: 'add_numbers', arguments: { a: 2, b: 3 } });
      assert.deepEqual(result.content, [{ type: 'text', text: '5' }]);
    });

    await t.test('reports a tool error to the model', async () => {
      const result = await client.callTool({ name: 'divide_numbers', arguments: { a: 1, b: 0 } });
      assert.equal(result.isError, true);
    });
  } finally {
    await client.close();
    await server.stop();
  }
});
