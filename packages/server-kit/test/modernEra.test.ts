import { Client } from '@modelcontextprotocol/client';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';

import {
  type AgentCoreServer,
  type AgentCoreServerOptions,
  createAgentCoreServer,
  defineTool,
} from '../src/index.js';
import { createRecordingLogger } from './helpers.js';

// MCP 2026-07-28 on server-kit's endpoint: real SDK v2 clients and raw requests on the wire.

const REVISION = '2026-07-28';
const SECRET = 'a shared requestState secret of at least 32 bytes';
const YES_NO = {
  type: 'object' as const,
  properties: { ok: { type: 'boolean' as const } },
  required: ['ok'],
};

let runs = 0;
const tools = [
  defineTool({
    name: 'add',
    description: 'Adds two numbers',
    input: { a: z.number(), b: z.number() },
    handler: ({ a, b }) => a + b,
  }),
  defineTool({
    name: 'forecast',
    description: 'Routes on the region, sent in the Mcp-Param-Region header too',
    input: { region: z.string().meta({ 'x-mcp-header': 'Region' }) },
    handler: ({ region }) => `sunny in ${region}`,
  }),
  defineTool({
    name: 'deploy',
    description: 'Asks twice before deploying',
    input: { env: z.string() },
    handler: async ({ env }, context) => {
      runs += 1;
      const first = await context.elicit({ message: `Deploy to ${env}?`, requestedSchema: YES_NO });
      const second = await context.elicit(
        { message: 'Really?', requestedSchema: YES_NO },
        { key: 'really' },
      );
      const yes = first.content?.ok === true && second.content?.ok === true;
      return `${context.client.era} ${String(context.client.protocolVersion)}: ${yes ? `deployed to ${env}` : 'not deployed'}`;
    },
  }),
];

const servers: AgentCoreServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(
  overrides: Partial<AgentCoreServerOptions> = {},
): Promise<{ url: string; lines: Record<string, unknown>[] }> {
  const { logger, lines } = createRecordingLogger();
  const server = createAgentCoreServer({
    name: 'modern',
    version: '2.0.0',
    host: '127.0.0.1',
    port: 0,
    tools,
    logger,
    ...overrides,
  });
  servers.push(server);
  const { url } = await server.listen();
  return { url, lines };
}

async function connectV2(url: string, mode: 'auto' | 'legacy' | { pin: string }) {
  const client = new Client(
    { name: 'test', version: '1.0.0' },
    { capabilities: { elicitation: { form: {} } }, versionNegotiation: { mode } },
  );
  client.setRequestHandler('elicitation/create', () => ({
    action: 'accept' as const,
    content: { ok: true },
  }));
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  return client;
}

function envelope(capabilities: object = { elicitation: { form: {} } }) {
  return {
    'io.modelcontextprotocol/protocolVersion': REVISION,
    'io.modelcontextprotocol/clientCapabilities': capabilities,
    'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1.0.0' },
  };
}

/** A JSON-RPC answer as it came over the wire. */
interface WireAnswer {
  result?: Record<string, unknown> & { requestState?: string };
  error?: { code: number; message: string; data?: unknown };
}

/** One 2026-07-28 request with the headers the revision requires, unless `headers` overrides them. */
async function post(
  url: string,
  method: string,
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: WireAnswer }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': REVISION,
      'mcp-method': method,
      ...(typeof params.name === 'string' ? { 'mcp-name': params.name } : {}),
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  return { status: response.status, body: (await response.json()) as WireAnswer };
}

describe('MCP 2026-07-28 on server-kit', () => {
  it.each([[{ pin: REVISION }], ['auto' as const]])(
    'serves an SDK v2 client in mode %j statelessly, elicitation by multi round-trip requests',
    async (mode) => {
      const { url } = await start();
      const client = await connectV2(url, mode);
      expect(client.getProtocolEra()).toBe('modern');
      const { tools: listed } = await client.listTools();
      expect(listed.map((tool) => tool.name)).toEqual(['add', 'forecast', 'deploy']);
      expect(await client.callTool({ name: 'add', arguments: { a: 2, b: 40 } })).toMatchObject({
        content: [{ type: 'text', text: '42' }],
      });
      runs = 0;
      const deployed = await client.callTool({ name: 'deploy', arguments: { env: 'prod' } });
      expect(deployed.content).toEqual([
        { type: 'text', text: `modern ${REVISION}: deployed to prod` },
      ]);
      // One run per round: ask, ask again, answer.
      expect(runs).toBe(3);
      await client.close();
    },
  );

  it('still serves a 2025 client on the same endpoint', async () => {
    const { url } = await start();
    const client = await connectV2(url, 'legacy');
    expect(client.getProtocolEra()).toBe('legacy');
    expect(await client.callTool({ name: 'add', arguments: { a: 1, b: 1 } })).toMatchObject({
      content: [{ type: 'text', text: '2' }],
    });
    await client.close();
  });

  it('answers list results and server/discover with the configured cache hints', async () => {
    const { url } = await start({ cache: { ttlMs: 60_000, scope: 'private' } });
    const listed = await post(url, 'tools/list', { _meta: envelope() });
    expect(listed.body.result).toMatchObject({
      resultType: 'complete',
      ttlMs: 60_000,
      cacheScope: 'private',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'modern', version: '2.0.0' } },
    });
    const discovered = await post(url, 'server/discover', { _meta: envelope() });
    expect(discovered.body.result).toMatchObject({
      supportedVersions: [REVISION],
      capabilities: { tools: {} },
      ttlMs: 60_000,
      cacheScope: 'private',
    });
  });

  it('lets a retry reach another replica that shares the requestState secret', async () => {
    const first = await start({ requestStateSecret: SECRET });
    const second = await start({ requestStateSecret: SECRET });
    const stranger = await start({ requestStateSecret: `another ${SECRET}` });
    const call = { name: 'deploy', arguments: { env: 'prod' }, _meta: envelope() };
    const round1 = await post(first.url, 'tools/call', call);
    expect(round1.body.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { 'input-0': { method: 'elicitation/create' } },
    });
    const retry = {
      ...call,
      inputResponses: { 'input-0': { action: 'accept', content: { ok: true } } },
      requestState: String(round1.body.result?.requestState),
    };
    const round2 = await post(second.url, 'tools/call', retry);
    expect(round2.body.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { really: { method: 'elicitation/create' } },
    });
    const refused = await post(stranger.url, 'tools/call', retry);
    expect(refused.body.error).toMatchObject({
      code: -32602,
      message: 'Invalid or expired requestState',
    });
  });

  it('refuses a requestState that was issued for other arguments', async () => {
    const { url } = await start({ requestStateSecret: SECRET });
    const round1 = await post(url, 'tools/call', {
      name: 'deploy',
      arguments: { env: 'dev' },
      _meta: envelope(),
    });
    const replayed = await post(url, 'tools/call', {
      name: 'deploy',
      arguments: { env: 'prod' },
      _meta: envelope(),
      inputResponses: { 'input-0': { action: 'accept', content: { ok: true } } },
      requestState: String(round1.body.result?.requestState),
    });
    expect(replayed.body.error).toEqual({
      code: -32602,
      message:
        'Invalid requestState: it was issued for another request; retry with the same name and arguments as the request that returned it',
    });
  });

  it.each([
    ['tampered', (state: string) => `${state.slice(0, -2)}xx`],
    ['oversized', (state: string) => state + 'a'.repeat(70_000)],
  ])('refuses a %s requestState with -32602', async (_case, spoil) => {
    const { url } = await start();
    const call = { name: 'deploy', arguments: { env: 'prod' }, _meta: envelope() };
    const round1 = await post(url, 'tools/call', call);
    const spoiled = await post(url, 'tools/call', {
      ...call,
      inputResponses: { 'input-0': { action: 'accept', content: { ok: true } } },
      requestState: spoil(String(round1.body.result?.requestState)),
    });
    expect(spoiled.body.error).toMatchObject({ code: -32602 });
  });

  it.each([
    ['not an elicitation result', { 'input-0': 12_345 }],
    ['under another key', { wrong_key: { action: 'accept', content: { ok: true } } }],
  ])('asks again for an input response %s', async (_case, inputResponses) => {
    const { url } = await start();
    const answer = await post(url, 'tools/call', {
      name: 'deploy',
      arguments: { env: 'prod' },
      _meta: envelope(),
      inputResponses,
    });
    expect(answer.body.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: { 'input-0': { method: 'elicitation/create' } },
    });
  });

  it.each([
    ['a missing client capability', { _meta: envelope({}) }, {}, 400, -32_021],
    [
      'an Mcp-Name header that names another tool',
      { _meta: envelope() },
      { 'mcp-name': 'add' },
      400,
      -32_020,
    ],
    [
      'an unsupported protocol version',
      {
        _meta: { ...envelope(), 'io.modelcontextprotocol/protocolVersion': '2099-01-01' },
      },
      { 'mcp-protocol-version': '2099-01-01' },
      400,
      -32_022,
    ],
  ])('refuses %s with the revision’s code', async (_case, extra, headers, status, code) => {
    const { url } = await start();
    const answer = await post(
      url,
      'tools/call',
      { name: 'deploy', arguments: { env: 'prod' }, ...extra },
      headers,
    );
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatchObject({ code });
  });

  it.each([
    ['agrees', { 'mcp-param-region': 'eu-west-1' }, 200],
    ['disagrees', { 'mcp-param-region': 'us-east-1' }, 400],
    ['is missing', {}, 400],
  ])('answers a tools/call whose Mcp-Param header %s with %i', async (_case, headers, status) => {
    const { url } = await start();
    const answer = await post(
      url,
      'tools/call',
      { name: 'forecast', arguments: { region: 'eu-west-1' }, _meta: envelope() },
      headers,
    );
    expect(answer.status).toBe(status);
    if (status === 200) {
      expect(answer.body.result).toMatchObject({ content: [{ text: 'sunny in eu-west-1' }] });
    } else {
      expect(answer.body.error).toMatchObject({ code: -32_020 });
    }
  });

  it('serves a 2026 request that carries a stale Mcp-Session-Id (the header means nothing there)', async () => {
    const { url } = await start({ mode: 'stateful' });
    const answer = await post(
      url,
      'tools/call',
      { name: 'add', arguments: { a: 1, b: 2 }, _meta: envelope() },
      { 'mcp-session-id': 'expired-session' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.result).toMatchObject({ content: [{ type: 'text', text: '3' }] });
  });

  it('refuses a requestState secret shorter than 32 bytes at start-up', () => {
    expect(() =>
      createAgentCoreServer({ name: 'short', version: '1.0.0', requestStateSecret: 'too short' }),
    ).toThrow(/requestState secret .* is 9 bytes; use at least 32/);
  });

  it('warns at start-up when requestState is signed with a per-process key', async () => {
    const previous = process.env.MCP_REQUEST_STATE_SECRET;
    delete process.env.MCP_REQUEST_STATE_SECRET;
    try {
      const { lines } = await start();
      expect(lines.some((line) => String(line.msg).includes('MCP_REQUEST_STATE_SECRET'))).toBe(
        true,
      );
      const { lines: quiet } = await start({ requestStateSecret: SECRET });
      expect(quiet.some((line) => String(line.msg).includes('MCP_REQUEST_STATE_SECRET'))).toBe(
        false,
      );
    } finally {
      if (previous !== undefined) process.env.MCP_REQUEST_STATE_SECRET = previous;
    }
  });
});
