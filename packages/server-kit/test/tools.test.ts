import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AgentCoreServer } from '../src/index.js';
import { connectClient, startFixtureServer } from './helpers.js';

describe('tools over streamable HTTP (stateless)', () => {
  let server: AgentCoreServer;
  let client: Client;
  let lines: Record<string, unknown>[];

  beforeAll(async () => {
    const started = await startFixtureServer();
    server = started.server;
    lines = started.lines;
    client = await connectClient(started.url);
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('lists every tool with a JSON Schema 2020-12 input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual([
      'add',
      'nested',
      'stats',
      'broken_output',
      'refuse',
      'crash',
      'chatty',
      'whoami',
      'slow',
      'strict_city',
      'ask_model',
      'ask_user',
      'reconnect',
    ]);
    const add = tools.find((tool) => tool.name === 'add');
    expect(add?.inputSchema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    });
    expect(tools.find((tool) => tool.name === 'stats')?.outputSchema).toMatchObject({
      type: 'object',
      required: ['sum', 'count'],
    });
  });

  it('lists a strict object input with additionalProperties: false and accepts it', async () => {
    const { tools } = await client.listTools();
    expect(tools.find((tool) => tool.name === 'strict_city')?.inputSchema).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    });
    const result = await client.callTool({ name: 'strict_city', arguments: { city: 'Oslo' } });
    expect(result).toEqual({ content: [{ type: 'text', text: 'city: Oslo' }] });
  });

  it('calls a tool and returns its value as text', async () => {
    const result = await client.callTool({ name: 'add', arguments: { a: 15, b: 27 } });
    expect(result).toEqual({ content: [{ type: 'text', text: '42' }] });
  });

  it('returns structured content validated against the output schema', async () => {
    const result = await client.callTool({ name: 'stats', arguments: { values: [1, 2, 3] } });
    expect(result.structuredContent).toEqual({ sum: 6, count: 3 });
    expect(result.content).toEqual([{ type: 'text', text: '{"sum":6,"count":3}' }]);
  });

  it.each([
    [
      'a wrong type',
      'add',
      { a: 'one', b: 2 },
      /Invalid arguments for tool "add": a: .*expected number/,
    ],
    [
      'a missing field',
      'add',
      { a: 1 },
      /Invalid arguments for tool "add": b: .*expected number, received undefined/,
    ],
    [
      'a nested field',
      'nested',
      { user: { name: 'x', age: 1.5 } },
      /Invalid arguments for tool "nested": user\.age: .*expected int/,
    ],
    ['no arguments at all', 'stats', undefined, /Invalid arguments for tool "stats": values: /],
    [
      'an unknown key of a strict object',
      'strict_city',
      { city: 'Oslo', zip: '0150' },
      /Invalid arguments for tool "strict_city": \(arguments\): .*"zip"/,
    ],
  ])('rejects %s with JSON-RPC -32602 naming the field', async (_case, name, args, message) => {
    const error = await client
      .callTool({ name, arguments: args })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: -32602, data: { code: 'ERR_INVALID_INPUT' } });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('MCP error -32602: MCP error');
  });

  it('rejects an unknown tool with -32602 and says how to find the right name', async () => {
    const error = await client
      .callTool({ name: 'no_such_tool', arguments: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: -32602, data: { code: 'ERR_NOT_FOUND' } });
    expect((error as Error).message).toMatch(
      /Unknown tool "no_such_tool": call tools\/list to see the 13 available tools/,
    );
  });

  it('reports an expected tool failure as an isError result', async () => {
    const result = await client.callTool({ name: 'refuse', arguments: {} });
    expect(result).toEqual({
      content: [{ type: 'text', text: 'Refused: this tool never works' }],
      isError: true,
    });
  });

  it('reports an unexpected tool failure as an isError result and logs it as an error', async () => {
    const result = await client.callTool({ name: 'crash', arguments: {} });
    expect(result).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: 'cannot read properties of undefined' }],
    });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 50, tool: 'crash', outcome: 'error' }),
    );
  });

  it('answers -32603 when a tool breaks its own output schema', async () => {
    const error = await client
      .callTool({ name: 'broken_output', arguments: {} })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: -32603, data: { code: 'ERR_INTERNAL' } });
    expect((error as Error).message).toMatch(
      /Tool "broken_output" returned output that breaks its output schema: sum:/,
    );
  });

  it('writes one log line per tool call with the tool, duration and outcome', async () => {
    await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
    const line = lines.findLast((entry) => entry.tool === 'add');
    expect(line).toMatchObject({
      msg: 'tools/call',
      rpcMethod: 'tools/call',
      outcome: 'ok',
      level: 30,
    });
    expect(typeof line?.durationMs).toBe('number');
  });
});
