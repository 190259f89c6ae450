import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServerProcess } from '@agentcore-mcp/server-kit/process';
import {
  connectMcpClient,
  prepareBundle,
  type PreparedBundle,
  spawnApp,
  type SpawnedApp,
  toolText,
} from '@agentcore-mcp/test-support';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../dist/main.js', import.meta.url));

describe('external-server (built, as a process)', () => {
  let app: SpawnedApp;
  let client: Client;

  beforeAll(async () => {
    app = await spawnApp(entry);
    client = await connectMcpClient(app.url);
  });
  afterAll(async () => {
    await client.close();
    await app.stop();
  });

  it('lists its two tools', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['external_echo', 'external_calculate']);
    expect(client.getServerVersion()?.name).toBe('external-server');
  });

  it.each([
    [
      'external_echo',
      { message: 'Hello from gateway!' },
      'External Server Echo: Hello from gateway!',
    ],
    ['external_calculate', { operation: 'add', a: 2, b: 3 }, 'External Server Result: 2 add 3 = 5'],
    [
      'external_calculate',
      { operation: 'subtract', a: 2, b: 3 },
      'External Server Result: 2 subtract 3 = -1',
    ],
    [
      'external_calculate',
      { operation: 'multiply', a: 2, b: 3 },
      'External Server Result: 2 multiply 3 = 6',
    ],
    [
      'external_calculate',
      { operation: 'divide', a: 3, b: 2 },
      'External Server Result: 3 divide 2 = 1.5',
    ],
  ])('%s(%j) → %s', async (name, args, expected) => {
    const result = await client.callTool({ name, arguments: args });
    expect(result.isError).toBeFalsy();
    expect(toolText(result)).toBe(expected);
  });

  it('reports division by zero as a tool error', async () => {
    const result = await client.callTool({
      name: 'external_calculate',
      arguments: { operation: 'divide', a: 1, b: 0 },
    });
    expect(result).toMatchObject({ isError: true });
    expect(toolText(result)).toBe('Cannot divide by zero: pass a non-zero b');
  });

  it('rejects bad arguments with -32602 naming the field', async () => {
    const error = await client
      .callTool({ name: 'external_echo', arguments: { text: 'hi' } })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: -32602 });
    expect((error as Error).message).toMatch(
      /message: Invalid input: expected string, received undefined/,
    );
  });
});

describe('external-server defaults', () => {
  it('listens on 8001 when PORT is not set', async () => {
    const app = await spawnApp(entry, { env: { PORT: undefined } });
    try {
      expect(app.port).toBe(8001);
    } finally {
      await app.stop();
    }
  });
});

describe('the container content (pnpm deploy --prod bundle)', () => {
  let prepared: PreparedBundle | undefined;

  beforeAll(async () => {
    prepared = await prepareBundle('@agentcore-mcp/external-server');
    // pnpm deploy and, the first time, the npm node@24 package: much longer while CI runs every suite.
  }, 300_000);
  afterAll(() => prepared?.remove());

  it.each([
    ['the Node running the tests', () => process.execPath],
    ['Node 24 (as in the images)', () => prepared!.node24],
  ])(
    'starts from the bundle alone under %s and answers a tools/call',
    async (_label, node) => {
      const app = await startServerProcess(node(), [join(prepared!.dir, 'dist/main.js')], {
        cwd: prepared!.dir,
        env: { NODE_ENV: 'production' },
      });
      try {
        const client = await connectMcpClient(app.url);
        const result = await client.callTool({
          name: 'external_echo',
          arguments: { message: 'bundle' },
        });
        expect(toolText(result)).toBe('External Server Echo: bundle');
        await client.close();
      } finally {
        expect(await app.stop()).toBe(0);
      }
    },
    60_000,
  );
});
