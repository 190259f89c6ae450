import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { type AgentCoreServer, createInMemoryEventStore } from '../src/index.js';
import { connectClient, MCP_POST_HEADERS, readJsonRpc, startFixtureServer } from './helpers.js';

const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: LATEST_PROTOCOL_VERSION,
    capabilities: {},
    clientInfo: { name: 'raw-fetch', version: '1.0.0' },
  },
});

const ADD = JSON.stringify({
  jsonrpc: '2.0',
  id: 2,
  method: 'tools/call',
  params: { name: 'add', arguments: { a: 2, b: 3 } },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('stateful mode: MCP sessions', () => {
  let server: AgentCoreServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(overrides: Parameters<typeof startFixtureServer>[0] = {}) {
    const started = await startFixtureServer({ mode: 'stateful', ...overrides });
    server = started.server;
    return started;
  }

  /** Opens a session with a raw initialize (+ initialized notification) and returns its id. */
  async function openSession(url: string, headers: Record<string, string> = {}): Promise<string> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { ...MCP_POST_HEADERS, ...headers },
      body: INITIALIZE,
    });
    expect(response.status).toBe(200);
    expect(await readJsonRpc(response)).toMatchObject({ id: 1, result: { serverInfo: {} } });
    const sessionId = response.headers.get('mcp-session-id');
    expect(sessionId).not.toBeNull();
    const initialized = await fetch(url, {
      method: 'POST',
      headers: sessionHeaders(sessionId ?? ''),
      body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    });
    expect(initialized.status).toBe(202);
    return sessionId ?? '';
  }

  function sessionHeaders(sessionId: string): Record<string, string> {
    return {
      ...MCP_POST_HEADERS,
      'mcp-session-id': sessionId,
      'mcp-protocol-version': LATEST_PROTOCOL_VERSION,
    };
  }

  it('mints a session id on initialize and the client reuses it on every request', async () => {
    const { url } = await start();
    const client = await connectClient(url);
    try {
      const sessionId = (client.transport as StreamableHTTPClientTransport).sessionId;
      expect(sessionId).toMatch(UUID);
      for (let call = 0; call < 2; call += 1) {
        const result = await client.callTool({ name: 'whoami', arguments: {} });
        const runtime = JSON.parse((result.content as { text: string }[])[0]!.text) as {
          sessionId: string;
        };
        expect(runtime.sessionId).toBe(sessionId);
      }
      expect((client.transport as StreamableHTTPClientTransport).sessionId).toBe(sessionId);
    } finally {
      await client.close();
    }
  });

  it('serves raw requests that carry the session id', async () => {
    const { url } = await start();
    const sessionId = await openSession(url);
    const response = await fetch(url, {
      method: 'POST',
      headers: sessionHeaders(sessionId),
      body: ADD,
    });
    expect(response.status).toBe(200);
    expect(await readJsonRpc(response)).toMatchObject({
      id: 2,
      result: { content: [{ type: 'text', text: '5' }] },
    });
  });

  it('answers an unknown Mcp-Session-Id with 404 and a JSON-RPC error', async () => {
    const { url } = await start();
    const response = await fetch(url, {
      method: 'POST',
      headers: sessionHeaders('no-such-session'),
      body: ADD,
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: -32001,
        message:
          'Session "no-such-session" not found (expired or the server restarted): send initialize again without Mcp-Session-Id',
      },
    });
  });

  it('answers a POST without a session that is not initialize with 400', async () => {
    const { url } = await start();
    const response = await fetch(url, { method: 'POST', headers: MCP_POST_HEADERS, body: ADD });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: -32600,
        message: 'No Mcp-Session-Id header: start a session with an initialize request first',
      },
    });
  });

  it('adopts the Mcp-Session-Id the platform put on initialize', async () => {
    const { url } = await start();
    const platformId = 'platform-session-0123456789abcdef0123456789';
    const sessionId = await openSession(url, { 'mcp-session-id': platformId });
    expect(sessionId).toBe(platformId);
    const response = await fetch(url, {
      method: 'POST',
      headers: sessionHeaders(platformId),
      body: ADD,
    });
    expect(response.status).toBe(200);
    expect(await readJsonRpc(response)).toMatchObject({ id: 2, result: {} });
  });

  it('ends the session on DELETE; later requests with its id get 404', async () => {
    const { url } = await start();
    const sessionId = await openSession(url);
    const deleted = await fetch(url, { method: 'DELETE', headers: sessionHeaders(sessionId) });
    expect(deleted.status).toBe(200);
    const after = await fetch(url, {
      method: 'POST',
      headers: sessionHeaders(sessionId),
      body: ADD,
    });
    expect(after.status).toBe(404);
  });

  it('lets the SDK client end its session with terminateSession', async () => {
    const { url } = await start();
    const client = await connectClient(url);
    const transport = client.transport as StreamableHTTPClientTransport;
    const sessionId = transport.sessionId ?? '';
    await transport.terminateSession();
    await client.close();
    const after = await fetch(url, {
      method: 'POST',
      headers: sessionHeaders(sessionId),
      body: ADD,
    });
    expect(after.status).toBe(404);
  });

  it('closes sessions idle for longer than sessionIdleTimeoutMs', async () => {
    const { url, lines } = await start({ sessionIdleTimeoutMs: 100 });
    const sessionId = await openSession(url);
    // Polling the session would keep it alive, so wait for the sweep's log line instead.
    await vi.waitFor(
      () =>
        expect(lines).toContainEqual(
          expect.objectContaining({ msg: 'closing idle MCP session', sessionId }),
        ),
      { timeout: 10_000, interval: 50 },
    );
    const after = await fetch(url, {
      method: 'POST',
      headers: sessionHeaders(sessionId),
      body: ADD,
    });
    expect(after.status).toBe(404);
  });

  it('with an event store, a client resumes a stream the tool closed and gets the result', async () => {
    const { url } = await start({ eventStore: createInMemoryEventStore(), retryInterval: 10 });
    const resumes: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      const lastEventId = new Headers(init?.headers).get('last-event-id');
      if (init?.method === 'GET' && lastEventId) resumes.push(lastEventId);
      return fetch(input, init);
    };
    const client = new Client({ name: 'test-client', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), { fetch: recordingFetch }),
    );
    try {
      const result = await client.callTool({ name: 'reconnect', arguments: {} });
      expect(result.content).toEqual([
        { type: 'text', text: 'answered after the stream was closed' },
      ]);
      expect(resumes).toHaveLength(1);
    } finally {
      await client.close();
    }
  });

  it('without an event store, streams are not resumable and tools are told so', async () => {
    const { url } = await start();
    const client = await connectClient(url);
    try {
      const result = await client.callTool({ name: 'reconnect', arguments: {} });
      expect(result.content).toEqual([{ type: 'text', text: 'stream not resumable' }]);
    } finally {
      await client.close();
    }
  });
});
