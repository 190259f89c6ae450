import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';

import {
  type AgentCoreServer,
  createAgentCoreServer,
  defineTool,
  ToolError,
} from '../src/index.js';
import { createRecordingLogger } from './helpers.js';

// server-kit's fast lane answers tools/call and tools/list without the SDK. These tests send the
// same raw requests to a server with the lane and to one without it (every request through the
// SDK), and require the same JSON-RPC messages back, in both eras.

const REVISION = '2026-07-28';
const YES_NO = {
  type: 'object' as const,
  properties: { ok: { type: 'boolean' as const } },
  required: ['ok'],
};

const tools = [
  defineTool({
    name: 'add',
    description: 'Adds two numbers',
    input: { a: z.number(), b: z.number() },
    handler: ({ a, b }) => a + b,
  }),
  defineTool({
    name: 'refuse',
    description: 'Always fails as a tool error',
    input: {},
    handler: () => {
      throw new ToolError('the answer is no');
    },
  }),
  defineTool({
    name: 'broken',
    description: 'Returns a result that is not a CallToolResult',
    input: {},
    handler: () => ({ content: [{ type: 'hologram' }] }),
  }),
  defineTool({
    name: 'whoami',
    description: 'Reports the client and the runtime headers it sees',
    input: {},
    handler: (_args, context) =>
      JSON.stringify({
        client: context.client,
        session: context.runtime.sessionId,
        tenant: context.runtime.headers['x-amzn-bedrock-agentcore-runtime-custom-tenant'],
        aborted: context.signal.aborted,
      }),
  }),
  defineTool({
    name: 'chatty',
    description: 'Reports progress and logs before answering',
    input: {},
    handler: async (_args, context) => {
      await context.reportProgress(1, 2, 'half way');
      await context.log.info('almost done');
      await context.log.debug('details');
      return 'done';
    },
  }),
  defineTool({
    name: 'confirm',
    description: 'Asks before answering',
    input: {},
    handler: async (_args, context) => {
      const answer = await context.elicit({ message: 'Sure?', requestedSchema: YES_NO });
      return answer.content?.ok === true ? 'confirmed' : 'declined';
    },
  }),
];

interface Lane {
  server: AgentCoreServer;
  url: string;
  lines: Record<string, unknown>[];
}

async function start(fastLane: boolean): Promise<Lane> {
  const { logger, lines } = createRecordingLogger();
  const server = createAgentCoreServer({
    name: 'lanes',
    version: '1.0.0',
    host: '127.0.0.1',
    port: 0,
    tools,
    logger,
    fastLane,
    requestStateSecret: 'a shared requestState secret of at least 32 bytes',
  });
  const { url } = await server.listen();
  return { server, url, lines };
}

let fast: Lane;
let sdk: Lane;
beforeAll(async () => {
  [fast, sdk] = await Promise.all([start(true), start(false)]);
});
afterAll(async () => {
  await Promise.all([fast.server.close(), sdk.server.close()]);
});

interface Exchange {
  status: number;
  contentType: string;
  /** The lane sends `Content-Length`; the SDK's 2026-07-28 path streams a chunked body. */
  chunked: boolean;
  messages: Record<string, unknown>[];
}

/** POSTs one JSON-RPC request and reads every message of the answer, JSON or SSE. */
async function send(
  url: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Exchange> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  const messages = contentType.startsWith('text/event-stream')
    ? text
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => JSON.parse(line.slice(5)) as Record<string, unknown>)
    : [JSON.parse(text) as Record<string, unknown>];
  const chunked = response.headers.get('content-length') === null;
  return { status: response.status, contentType, chunked, messages };
}

function legacyCall(name: string, args: object = {}, meta?: object) {
  return {
    jsonrpc: '2.0',
    id: 7,
    method: 'tools/call',
    params: { name, arguments: args, ...(meta ? { _meta: meta } : {}) },
  };
}

function modernEnvelope(capabilities: object = {}, extra: object = {}) {
  return {
    'io.modelcontextprotocol/protocolVersion': REVISION,
    'io.modelcontextprotocol/clientCapabilities': capabilities,
    'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1.0.0' },
    ...extra,
  };
}

function modernCall(name: string, args: object = {}, envelope = modernEnvelope()) {
  return {
    body: {
      jsonrpc: '2.0',
      id: 'm1',
      method: 'tools/call',
      params: { name, arguments: args, _meta: envelope },
    },
    headers: { 'mcp-protocol-version': REVISION, 'mcp-method': 'tools/call', 'mcp-name': name },
  };
}

/** The same request to both servers: the messages must be equal (a `requestState` is a fresh signature each time). */
async function expectSameAnswer(
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Exchange> {
  const [viaLane, viaSdk] = await Promise.all([
    send(fast.url, body, headers),
    send(sdk.url, body, headers),
  ]);
  const unsign = (messages: Record<string, unknown>[]) =>
    JSON.parse(
      JSON.stringify(messages).replace(/"requestState":"[^"]+"/g, '"requestState":"…"'),
    ) as unknown;
  expect(viaLane.status).toBe(viaSdk.status);
  expect(unsign(viaLane.messages)).toEqual(unsign(viaSdk.messages));
  return viaLane;
}

describe('the fast lane answers like the SDK', () => {
  it.each([
    ['a tools/call', legacyCall('add', { a: 2, b: 40 })],
    ['a tool error', legacyCall('refuse')],
    ['an unknown tool', legacyCall('nope')],
    ['invalid arguments', legacyCall('add', { a: 'two' })],
    ['the client and runtime headers', legacyCall('whoami')],
    ['tools/list', { jsonrpc: '2.0', id: 8, method: 'tools/list' }],
  ])('2025 stateless: %s', async (_what, body) => {
    const answer = await expectSameAnswer(body, {
      'x-amzn-bedrock-agentcore-runtime-session-id': 'session-1',
      'x-amzn-bedrock-agentcore-runtime-custom-tenant': 'acme',
    });
    // Plain JSON where the SDK's 2025 transport opens an SSE stream: the lane answered.
    expect(answer.contentType).toMatch(/^application\/json/);
  });

  it.each([
    ['a tools/call', modernCall('add', { a: 2, b: 40 })],
    ['a tool error', modernCall('refuse')],
    ['an unknown tool', modernCall('nope')],
    ['invalid arguments', modernCall('add', { a: 'two' })],
    ['the client and runtime headers', modernCall('whoami')],
    [
      'input_required for a client that can answer',
      modernCall('confirm', {}, modernEnvelope({ elicitation: { form: {} } })),
    ],
    ['-32021 for a client that cannot answer', modernCall('confirm')],
  ])('2026-07-28: %s', async (_what, { body, headers }) => {
    const answer = await expectSameAnswer(body, {
      ...headers,
      'x-amzn-bedrock-agentcore-runtime-session-id': 'session-1',
      'x-amzn-bedrock-agentcore-runtime-custom-tenant': 'acme',
    });
    expect(answer.chunked).toBe(false);
  });

  it('2026-07-28: tools/list with the cache hints', async () => {
    const answer = await expectSameAnswer(
      { jsonrpc: '2.0', id: 9, method: 'tools/list', params: { _meta: modernEnvelope() } },
      { 'mcp-protocol-version': REVISION, 'mcp-method': 'tools/list' },
    );
    expect(answer.messages[0]).toMatchObject({
      result: { resultType: 'complete', ttlMs: 300_000, cacheScope: 'public' },
    });
  });

  it('streams progress and log notifications before the result', async () => {
    const legacy = await expectSameAnswer(legacyCall('chatty', {}, { progressToken: 'p1' }));
    expect(legacy.contentType).toMatch(/^text\/event-stream/);
    expect(legacy.messages.map((message) => message.method ?? 'result')).toEqual([
      'notifications/progress',
      'notifications/message',
      'notifications/message',
      'result',
    ]);
    const { body, headers } = modernCall(
      'chatty',
      {},
      modernEnvelope({}, { 'io.modelcontextprotocol/logLevel': 'info' }),
    );
    const modern = await expectSameAnswer(
      { ...body, params: { ...body.params, _meta: { ...body.params._meta, progressToken: 'p2' } } },
      headers,
    );
    // At `info`, the debug line is filtered out.
    expect(modern.messages.map((message) => message.method ?? 'result')).toEqual([
      'notifications/progress',
      'notifications/message',
      'result',
    ]);
  });

  it('leaves what it does not serve to the SDK, which words the error', async () => {
    const { body } = modernCall('add', { a: 1, b: 2 });
    // Headers that disagree with the body: -32020 from the SDK.
    const mismatch = await expectSameAnswer(body, {
      'mcp-protocol-version': REVISION,
      'mcp-method': 'tools/list',
      'mcp-name': 'add',
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.messages[0]).toMatchObject({ error: { code: -32020 } });
    // A 2025 batch, and a 2025 request in a session the server does not know.
    await expectSameAnswer([legacyCall('add', { a: 1, b: 2 })] as never);
    await expectSameAnswer(legacyCall('add', { a: 1, b: 2 }), { 'mcp-session-id': 'unknown' });
  });

  it.each([
    ['2025', legacyCall('broken'), {}],
    ['2026-07-28', modernCall('broken').body, modernCall('broken').headers],
  ])(
    '%s: refuses a malformed tool result with -32602, as the SDK does',
    async (_era, body, headers) => {
      const [viaLane, viaSdk] = await Promise.all([
        send(fast.url, body, headers),
        send(sdk.url, body, headers),
      ]);
      expect(viaLane.status).toBe(viaSdk.status);
      for (const answer of [viaLane, viaSdk]) {
        expect(answer.messages[0]).toMatchObject({
          error: {
            code: -32602,
            message: expect.stringMatching(/^Invalid tools\/call result/) as unknown,
          },
        });
      }
    },
  );

  it('a retry on the SDK path accepts the requestState the lane signed', async () => {
    const { body, headers } = modernCall(
      'confirm',
      {},
      modernEnvelope({ elicitation: { form: {} } }),
    );
    const first = await send(fast.url, body, headers);
    const result = first.messages[0]?.result as {
      resultType: string;
      requestState: string;
      inputRequests: Record<string, unknown>;
    };
    expect(result.resultType).toBe('input_required');
    const [key] = Object.keys(result.inputRequests);
    const retry = await send(
      fast.url,
      {
        ...body,
        params: {
          ...body.params,
          inputResponses: { [key ?? '']: { action: 'accept', content: { ok: true } } },
          requestState: result.requestState,
        },
      },
      headers,
    );
    expect(retry.messages[0]).toMatchObject({
      result: { content: [{ type: 'text', text: 'confirmed' }], resultType: 'complete' },
    });
  });

  it('logs one line per call, like the SDK path', async () => {
    fast.lines.length = 0;
    sdk.lines.length = 0;
    await expectSameAnswer(legacyCall('add', { a: 1, b: 1 }));
    const lineOf = (lines: Record<string, unknown>[]) =>
      lines
        .filter((line) => line.msg === 'tools/call')
        .map(({ tool, outcome }) => ({ tool, outcome }));
    expect(lineOf(fast.lines)).toEqual([{ tool: 'add', outcome: 'ok' }]);
    expect(lineOf(fast.lines)).toEqual(lineOf(sdk.lines));
  });
});
