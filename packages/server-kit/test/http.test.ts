import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AgentCoreServer } from '../src/index.js';
import { MCP_POST_HEADERS, readJsonRpc, startFixtureServer } from './helpers.js';

const toolCall = (id: number, name = 'add', args: unknown = { a: 2, b: 3 }) =>
  JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });

describe('the HTTP contract of AgentCore Runtime', () => {
  let server: AgentCoreServer;
  let url: string;
  let base: string;

  beforeAll(async () => {
    ({ server, url } = await startFixtureServer({ bodyLimit: 64 * 1024 }));
    base = url.replace(/\/mcp$/, '');
  });
  afterAll(() => server.close());

  it('answers GET /ping with the AgentCore health document', async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await fetch(`${base}/ping`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; time_of_last_update: number };
    expect(body.status).toBe('Healthy');
    expect(Number.isInteger(body.time_of_last_update)).toBe(true);
    expect(body.time_of_last_update).toBeLessThanOrEqual(before);
  });

  it('accepts a tools/call without initialize, carrying the platform session headers', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        ...MCP_POST_HEADERS,
        'mcp-session-id': 'platform-generated-session-0123456789abcdef',
        'x-amzn-bedrock-agentcore-runtime-session-id': 'runtime-session-0123456789abcdef0123456789',
        'x-amzn-bedrock-agentcore-runtime-request-id': 'req-42',
        'x-amzn-bedrock-agentcore-runtime-custom-tenant': 'acme',
      },
      body: toolCall(7, 'whoami', {}),
    });
    expect(response.status).toBe(200);
    const message = await readJsonRpc(response);
    expect(message).toMatchObject({ id: 7 });
    const runtime = JSON.parse(
      (message.result as { content: { text: string }[] }).content[0]!.text,
    ) as Record<string, unknown>;
    expect(runtime).toMatchObject({
      sessionId: 'runtime-session-0123456789abcdef0123456789',
      requestId: 'req-42',
      headers: expect.objectContaining({
        'x-amzn-bedrock-agentcore-runtime-custom-tenant': 'acme',
      }) as unknown,
    });
  });

  it('answers 413 with a JSON-RPC error for a body over the limit', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: MCP_POST_HEADERS,
      body: toolCall(1, 'add', { a: 1, b: 2, padding: 'x'.repeat(70 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: -32600,
        message:
          "Request body is larger than the 64 KiB limit: send a smaller request or raise the server's bodyLimit",
      },
    });
  });

  it('answers malformed JSON with 400 and a -32700 parse error, and keeps serving', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: MCP_POST_HEADERS,
      body: '{"jsonrpc": "2.0", "id": 1,',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: number; message: string } };
    expect(body.error.code).toBe(-32700);
    expect(body.error.message).toMatch(/^Parse error: the request body is not valid JSON/);
    const next = await fetch(url, { method: 'POST', headers: MCP_POST_HEADERS, body: toolCall(2) });
    expect(await readJsonRpc(next)).toMatchObject({ id: 2, result: { content: [{ text: '5' }] } });
  });

  it.each([
    ['an object without method', '{"hello":"world"}'],
    ['a number', '42'],
    ['a method that is not a string', '{"jsonrpc":"2.0","id":1,"method":5}'],
    ['a fractional id', '{"jsonrpc":"2.0","id":1.5,"method":"ping"}'],
    ['params as an array', '{"jsonrpc":"2.0","id":1,"method":"tools/list","params":[1]}'],
    ['an unknown top-level key', '{"jsonrpc":"2.0","id":1,"method":"ping","x":1}'],
    ['an empty batch', '[]'],
    ['a batch with a junk entry', '[{"jsonrpc":"2.0","id":1,"method":"ping"},2]'],
  ])(
    'answers JSON that is not a JSON-RPC message (%s) with 400 and -32600 Invalid Request',
    async (_what, body) => {
      const response = await fetch(url, { method: 'POST', headers: MCP_POST_HEADERS, body });
      expect(response.status).toBe(400);
      const answer = (await response.json()) as {
        id: unknown;
        error: { code: number; message: string };
      };
      expect(answer).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } });
      expect(answer.error.message).toMatch(
        /^Invalid Request: .+; expected a JSON-RPC 2\.0 message/,
      );
    },
  );

  it.each([
    [
      'arguments that are not an object',
      'tools/call',
      { name: 'add', arguments: 'str' },
      /^Invalid params: params\.arguments: /,
    ],
    [
      'a tools/call without a name',
      'tools/call',
      { arguments: {} },
      /^Invalid params: params\.name: /,
    ],
    [
      'an unknown log level',
      'logging/setLevel',
      { level: 'loud' },
      /^Invalid params: params\.level: /,
    ],
  ])(
    'answers params the SDK schema rejects (%s) with -32602 and one line naming the field',
    async (_what, method, params, message) => {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 9, method, params });
      const response = await fetch(url, { method: 'POST', headers: MCP_POST_HEADERS, body });
      const answer = (await readJsonRpc(response)) as {
        id: number;
        error: { code: number; message: string };
      };
      expect(answer).toMatchObject({ id: 9, error: { code: -32602 } });
      expect(answer.error.message).toMatch(message);
      expect(answer.error.message).not.toContain('\n');
    },
  );

  it('answers an empty body with 400 and a -32700 parse error', async () => {
    const response = await fetch(url, { method: 'POST', headers: MCP_POST_HEADERS, body: '' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      id: null,
      error: {
        code: -32700,
        message: expect.stringMatching(/^Parse error: the request body is empty/) as unknown,
      },
    });
  });

  it('still passes requests with _meta and client responses on to the transport', async () => {
    const withMeta = JSON.stringify({
      jsonrpc: '2.0',
      id: 3,
      method: 'tools/list',
      params: { _meta: { progressToken: 'p1' } },
    });
    const listed = await fetch(url, { method: 'POST', headers: MCP_POST_HEADERS, body: withMeta });
    expect(await readJsonRpc(listed)).toMatchObject({
      id: 3,
      result: { tools: expect.any(Array) as unknown },
    });
    const reply = await fetch(url, {
      method: 'POST',
      headers: MCP_POST_HEADERS,
      body: '{"jsonrpc":"2.0","id":"s1","result":{}}',
    });
    expect(reply.status).toBe(202);
  });

  it('answers 406 when the client does not accept both JSON and SSE', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: toolCall(3),
    });
    expect(response.status).toBe(406);
  });

  it.each([
    ['Host', { host: 'evil.example.com' }, /Host "evil.example.com" is not allowed/],
    [
      'Origin',
      { origin: 'https://evil.example.com' },
      /Origin "https:\/\/evil.example.com" is not allowed/,
    ],
  ])(
    'rejects a foreign %s header with 403 (DNS rebinding protection)',
    async (_header, headers, message) => {
      const response = await fetchRaw(url, { ...MCP_POST_HEADERS, ...headers }, toolCall(4));
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({
        error: { code: -32000, message: expect.stringMatching(message) as unknown },
      });
    },
  );

  it('accepts a loopback Origin such as MCP Inspector on localhost', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...MCP_POST_HEADERS, origin: 'http://localhost:6274' },
      body: toolCall(5),
    });
    expect(response.status).toBe(200);
  });

  it.each(['GET', 'DELETE'])('answers %s /mcp with 405 in stateless mode', async (method) => {
    const response = await fetch(url, { method, headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers unknown paths with 404 naming the MCP endpoint', async () => {
    const response = await fetch(`${base}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      error: { message: 'Not found: GET /nope; the MCP endpoint is POST /mcp' },
    });
  });
});

describe('DNS rebinding protection settings', () => {
  it('is off for a 0.0.0.0 bind unless configured, since AgentCore sends its own Host', async () => {
    const { server, url } = await startFixtureServer({ host: '0.0.0.0' });
    try {
      const response = await fetchRaw(
        url,
        { ...MCP_POST_HEADERS, host: 'bedrock-agentcore.us-east-1.amazonaws.com' },
        toolCall(1),
      );
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('honours an explicit allowedHosts list', async () => {
    const { server, url } = await startFixtureServer({
      dnsRebindingProtection: { allowedHosts: ['mcp.internal'] },
    });
    try {
      expect(
        (await fetchRaw(url, { ...MCP_POST_HEADERS, host: 'mcp.internal:8000' }, toolCall(1)))
          .status,
      ).toBe(200);
      expect(
        (await fetchRaw(url, { ...MCP_POST_HEADERS, host: 'localhost' }, toolCall(1))).status,
      ).toBe(403);
    } finally {
      await server.close();
    }
  });
});

/** fetch() cannot set Host; node:http can. */
async function fetchRaw(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
