import { fileURLToPath } from 'node:url';

import { connectMcpClient, spawnApp, type SpawnedApp, toolText } from '@agentcore-mcp/test-support';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const entry = fileURLToPath(new URL('../dist/main.js', import.meta.url));

describe('example-server (built, as a process)', () => {
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

  it('introduces itself as example-server', () => {
    expect(client.getServerVersion()).toMatchObject({ name: 'example-server', version: '0.1.0' });
  });

  it("lists the seed's six tools", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'add_numbers',
      'multiply_numbers',
      'greet_user',
      'echo_message',
      'get_timestamp',
      'calculate',
    ]);
  });

  it.each([
    ['add_numbers', { a: 15, b: 27 }, '42'],
    ['add_numbers', { a: 0.5, b: -2 }, '-1.5'],
    ['multiply_numbers', { a: 6, b: 7 }, '42'],
    ['greet_user', { name: 'Ada' }, 'Hello, Ada! Nice to meet you.'],
    ['echo_message', { message: 'Hello from AgentCore!' }, 'Echo: Hello from AgentCore!'],
    ['calculate', { operation: 'add', a: 15, b: 27 }, 'Result: 15 add 27 = 42'],
    ['calculate', { operation: 'subtract', a: 10, b: 4 }, 'Result: 10 subtract 4 = 6'],
    ['calculate', { operation: 'multiply', a: 3, b: 5 }, 'Result: 3 multiply 5 = 15'],
    ['calculate', { operation: 'divide', a: 1, b: 4 }, 'Result: 1 divide 4 = 0.25'],
  ])('%s(%j) → %s', async (name, args, expected) => {
    const result = await client.callTool({ name, arguments: args });
    expect(result.isError).toBeFalsy();
    expect(toolText(result)).toBe(expected);
  });

  it('get_timestamp returns the current time in ISO 8601', async () => {
    const before = Date.now();
    const stamp = toolText(await client.callTool({ name: 'get_timestamp', arguments: {} }));
    expect(stamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(stamp)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(stamp)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('reports division by zero as a tool error with a clear message', async () => {
    const result = await client.callTool({
      name: 'calculate',
      arguments: { operation: 'divide', a: 1, b: 0 },
    });
    expect(result.isError).toBe(true);
    expect(toolText(result)).toBe('Cannot divide by zero: pass a non-zero b');
  });

  it.each([
    [
      { operation: 'power', a: 2, b: 3 },
      /operation: Invalid option: expected one of "add"\|"subtract"\|"multiply"\|"divide"/,
    ],
    [{ operation: '__import__("os").system("id")', a: 1, b: 1 }, /operation: Invalid option/],
    [{ operation: 'add', a: '1+1', b: 1 }, /a: Invalid input: expected number, received string/],
  ])(
    'rejects calculate(%j) with -32602 naming the field, evaluating nothing',
    async (args, message) => {
      const error = await client
        .callTool({ name: 'calculate', arguments: args })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: -32602 });
      expect((error as Error).message).toMatch(message);
    },
  );

  it('rejects an unknown tool with -32602', async () => {
    const error = await client
      .callTool({ name: 'subtract_numbers', arguments: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: -32602 });
    expect((error as Error).message).toMatch(/Unknown tool "subtract_numbers"/);
  });

  it('logs one JSON line per tool call, never the arguments', async () => {
    const echoLines = () =>
      app.stdout
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.rpcMethod === 'tools/call' && line.tool === 'echo_message');
    const before = echoLines().length;
    await client.callTool({ name: 'echo_message', arguments: { message: 'a secret-ish message' } });
    // Log lines are batched (4 KiB or 100 ms): wait for ours rather than assume it is out.
    await vi.waitFor(() => expect(echoLines().length).toBeGreaterThan(before), { timeout: 5_000 });
    expect(echoLines().at(-1)).toMatchObject({
      level: 'info',
      service: 'example-server',
      outcome: 'ok',
    });
    expect(typeof echoLines().at(-1)?.durationMs).toBe('number');
    expect(app.stdout.join('\n')).not.toContain('secret-ish');
  });
});

describe('example-server configuration', () => {
  it('binds 0.0.0.0:8000 unless HOST/PORT say otherwise', async () => {
    const app = await spawnApp(entry, { env: { HOST: undefined, PORT: '0' } });
    try {
      const listening = JSON.parse(
        app.stdout.find((line) => line.includes('"listening"'))!,
      ) as Record<string, unknown>;
      expect(listening).toMatchObject({ host: '0.0.0.0', mode: 'stateless' });
    } finally {
      await app.stop();
    }
  });

  it('exits 1 with one clear line for an invalid PORT', async () => {
    await expect(spawnApp(entry, { env: { PORT: 'eighty' } })).rejects.toMatchObject({
      code: 'ERR_PROCESS_EXITED',
      exitCode: 1,
      message: expect.stringMatching(
        /exited with code 1 before it was ready; stderr: error: Invalid PORT "eighty": use an integer from 0 to 65535$/,
      ) as unknown,
      stderr: ['error: Invalid PORT "eighty": use an integer from 0 to 65535'],
    });
  });

  it('exits 1 with one clear line when the port is taken', async () => {
    const first = await spawnApp(entry);
    try {
      await expect(spawnApp(entry, { env: { PORT: String(first.port) } })).rejects.toMatchObject({
        exitCode: 1,
        stderr: [
          `error: Cannot listen on 127.0.0.1:${first.port} is already in use: stop the other process or set another PORT`,
        ],
      });
    } finally {
      await first.stop();
    }
  });
});
