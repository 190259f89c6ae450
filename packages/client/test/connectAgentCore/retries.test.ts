import { toolText } from '@agentcore-mcp/test-support';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { AgentCoreClientError } from '../../src/agentCoreClientError.js';
import { connectAgentCore } from '../../src/connectAgentCore.js';
import {
  FAST_RETRIES,
  type FrontHandler,
  INIT_TIMEOUT_BODY,
  sendJson,
  startFront,
  startMcpServer,
  type TestFront,
  type TestMcpServer,
} from './helpers.js';

// The same policy in both eras; only the request that opens the connection differs.
describe.each([
  { protocol: 'legacy', opening: 'initialize' },
  { protocol: '2026-07-28', opening: 'server/discover' },
] as const)('connectAgentCore retries and errors ($protocol)', ({ protocol, opening }) => {
  let mcp: TestMcpServer;
  const fronts: TestFront[] = [];
  const front = async (handle: FrontHandler) => {
    const started = await startFront(mcp.url, handle);
    fronts.push(started);
    return started;
  };
  const countOf = (started: TestFront, rpcMethod: string) =>
    started.requests.filter((request) => request.rpcMethod === rpcMethod).length;

  beforeAll(async () => {
    mcp = await startMcpServer();
  });
  afterEach(async () => {
    await Promise.all(fronts.splice(0).map((started) => started.close()));
  });
  afterAll(async () => {
    await mcp.server.close();
  });

  it('retries a cold start (424 "initialization time exceeded") and then connects', async () => {
    let refusals = 2;
    const started = await front((_request, res) =>
      refusals-- > 0 ? sendJson(res, 424, INIT_TIMEOUT_BODY) : 'forward',
    );
    const client = await connectAgentCore({
      url: `${started.origin}/mcp`,
      protocol,
      retries: FAST_RETRIES,
    });
    try {
      expect(countOf(started, opening)).toBe(3);
      expect((await client.listTools()).tools.length).toBe(3);
    } finally {
      await client.close();
    }
  });

  it('gives up on 424 after maxAttempts with ERR_RUNTIME_INIT_TIMEOUT', async () => {
    const started = await front((_request, res) => sendJson(res, 424, INIT_TIMEOUT_BODY));
    const error = await connectAgentCore({
      url: `${started.origin}/mcp`,
      protocol,
      retries: FAST_RETRIES,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentCoreClientError);
    expect(error).toMatchObject({ code: 'ERR_RUNTIME_INIT_TIMEOUT', status: 424 });
    expect((error as Error).message).toMatch(/3 attempts.*0\.0\.0\.0:8000\/mcp within 30 s/);
    expect((error as Error).message).not.toContain('\n');
    expect(countOf(started, opening)).toBe(3);
  });

  it('never repeats a tools/call after a 500, and surfaces the error', async () => {
    let failed = false;
    const started = await front(async (request, res) => {
      if (request.rpcMethod !== 'tools/call' || failed) return 'forward';
      failed = true;
      // The call reaches the server (the tool runs), then the answer is lost in a 500.
      const headers = { ...request.headers } as Record<string, string>;
      delete headers.host;
      delete headers['content-length'];
      await (await fetch(mcp.url, { method: 'POST', headers, body: request.body })).text();
      return sendJson(res, 500, { message: 'Internal server error' });
    });
    const client = await connectAgentCore({
      url: `${started.origin}/mcp`,
      protocol,
      retries: FAST_RETRIES,
    });
    try {
      const before = mcp.executions();
      const error = await client
        .callTool({ name: 'count', arguments: {} })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AgentCoreClientError);
      expect(error).toMatchObject({ code: 'ERR_UPSTREAM_UNAVAILABLE', status: 500 });
      expect((error as Error).message).toMatch(/500 to tools\/call.*not retried/);
      expect(mcp.executions() - before).toBe(1);
      expect(countOf(started, 'tools/call')).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('repeats a tools/call refused with 424 or 429 (it never reached the server)', async () => {
    const answers = [424, 429];
    const started = await front((request, res) => {
      const status = request.rpcMethod === 'tools/call' ? answers.shift() : undefined;
      return status === undefined ? 'forward' : sendJson(res, status, INIT_TIMEOUT_BODY);
    });
    const client = await connectAgentCore({
      url: `${started.origin}/mcp`,
      protocol,
      retries: FAST_RETRIES,
    });
    try {
      const before = mcp.executions();
      const result = await client.callTool({ name: 'count', arguments: {} });
      expect(toolText(result)).toMatch(/^run \d+$/);
      expect(mcp.executions() - before).toBe(1);
      expect(countOf(started, 'tools/call')).toBe(3);
    } finally {
      await client.close();
    }
  });

  it('retries tools/list after a 503, honouring Retry-After', async () => {
    let refused = false;
    const started = await front((request, res) => {
      if (request.rpcMethod !== 'tools/list' || refused) return 'forward';
      refused = true;
      return sendJson(res, 503, { message: 'busy' }, { 'retry-after': '1' });
    });
    const client = await connectAgentCore({
      url: `${started.origin}/mcp`,
      protocol,
      retries: FAST_RETRIES,
    });
    try {
      const began = Date.now();
      expect((await client.listTools()).tools.length).toBe(3);
      expect(Date.now() - began).toBeGreaterThanOrEqual(950);
      expect(countOf(started, 'tools/list')).toBe(2);
    } finally {
      await client.close();
    }
  });

  it('fails with ERR_TIMEOUT, without repeating the tools/call, when no answer comes', async () => {
    const started = await front((request) =>
      request.rpcMethod === 'tools/call' ? 'handled' : 'forward',
    );
    const client = await connectAgentCore({
      url: `${started.origin}/mcp`,
      protocol,
      retries: FAST_RETRIES,
      timeoutMs: 300,
    });
    try {
      const error = await client
        .callTool({ name: 'count', arguments: {} })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'ERR_TIMEOUT' });
      expect((error as Error).message).toMatch(/within 300 ms \(not retried/);
      expect(countOf(started, 'tools/call')).toBe(1);
    } finally {
      await client.close();
    }
  });

  it('retries a refused connection, then fails with ERR_UPSTREAM_UNAVAILABLE', async () => {
    const started = await front(() => 'forward');
    const url = `${started.origin}/mcp`;
    await started.close();
    fronts.length = 0;
    const error = await connectAgentCore({ url, protocol, retries: FAST_RETRIES }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'ERR_UPSTREAM_UNAVAILABLE' });
    expect((error as Error).message).toMatch(/connection refused, 3 attempts/);
  });

  it('explains a 406 (Accept header lost on the way)', async () => {
    const started = await front((_request, res) =>
      sendJson(res, 406, {
        jsonrpc: '2.0',
        id: null,
        error: { code: -32000, message: 'Not Acceptable' },
      }),
    );
    const error = await connectAgentCore({ url: `${started.origin}/mcp`, protocol }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'ERR_NOT_ACCEPTABLE', status: 406 });
    expect((error as Error).message).toMatch(/Accept: application\/json, text\/event-stream/);
  });
});
