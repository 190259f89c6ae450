// @ts-check
// `npm test`: starts a small MCP server (the fake target, written with server-kit) on a free
// loopback port, starts the gateway in front of it with this project's gateway.json
// (EXAMPLE_SERVER_URL pointed at the fake target), and calls a tool through the gateway with the
// MCP SDK client in both protocol eras the gateway serves: MCP 2026-07-28 (stateless requests,
// what a client in `auto` mode picks) and 2025 (`initialize` first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createAgentCoreServer, defineTool } from '@agentcore-mcp/server-kit';
import { startServerProcess } from '@agentcore-mcp/server-kit/process';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import * as z from 'zod';

const CONFIG = fileURLToPath(new URL('../gateway.json', import.meta.url));

/**
 * A connected client; `auto` probes with `server/discover`, `legacy` sends `initialize`.
 *
 * @param {string} url
 * @param {'auto' | 'legacy'} mode
 */
async function connect(url, mode) {
  const client = new Client(
    { name: 'gateway-test', version: '1.0.0' },
    { versionNegotiation: { mode } },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

await test('the gateway, started as a process, forwards tool calls to its target', async (t) => {
  const target = createAgentCoreServer({
    name: 'fake-target',
    version: '1.0.0',
    host: '127.0.0.1',
    port: 0,
    tools: [
      defineTool({
        name: 'echo_message',
        description: 'Echo back the provided message',
        input: { message: z.string() },
        handler: ({ message }) => `Echo: ${message}`,
      }),
    ],
  });
  const { url } = await target.listen();
  /** @type {import('@agentcore-mcp/server-kit/process').ServerProcess | undefined} */
  let gateway;
  try {
    // HOST=127.0.0.1 and PORT=0 (a free port); resolves once the gateway prints its listening line.
    gateway = await startServerProcess(process.execPath, [gatewayBin(), '--config', CONFIG], {
      env: { EXAMPLE_SERVER_URL: url },
    });
    const gatewayUrl = gateway.url;

    for (const [mode, era, label] of /** @type {const} */ ([
      ['auto', 'modern', 'MCP 2026-07-28'],
      ['legacy', 'legacy', 'MCP 2025 (initialize)'],
    ])) {
      await t.test(`${label}: lists the target's tools, prefixed, and calls one`, async () => {
        const client = await connect(gatewayUrl, mode);
        try {
          assert.equal(client.getProtocolEra(), era);
          const { tools } = await client.listTools();
          assert.ok(tools.some((tool) => tool.name === 'example___echo_message'));
          const result = await client.callTool({
            name: 'example___echo_message',
            arguments: { message: 'hello' },
          });
          assert.deepEqual(result.content, [{ type: 'text', text: 'Echo: hello' }]);
        } finally {
          await client.close();
        }
      });
    }
  } finally {
    await gateway?.stop();
    await target.close();
  }
});

/** The `agentcore-mcp-gateway` bin of the installed @agentcore-mcp/gateway-service. */
function gatewayBin() {
  const manifest = createRequire(import.meta.url).resolve(
    '@agentcore-mcp/gateway-service/package.json',
  );
  const { bin } = /** @type {{ bin: Record<string, string> }} */ (
    JSON.parse(readFileSync(manifest, 'utf8'))
  );
  return join(dirname(manifest), bin['agentcore-mcp-gateway'] ?? 'dist/main.js');
}
