import { randomUUID } from 'node:crypto';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { toolText } from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectAgentCore } from '../../src/connectAgentCore.js';
import { createStaticTokenProvider } from '../../src/index.js';
import { sendJson, startFront, startMcpServer, type TestMcpServer } from './helpers.js';

// The ARN of agentcore.md §2.1, and the path AgentCore serves it under.
const ARN =
  'arn:aws:bedrock-agentcore:us-west-2:776504808937:runtime/strands_agent_inbound_identity-xibPa64Jxi';
const ENCODED_PATH =
  '/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A776504808937%3Aruntime%2Fstrands_agent_inbound_identity-xibPa64Jxi/invocations';

describe('connectAgentCore', () => {
  let mcp: TestMcpServer;

  beforeAll(async () => {
    mcp = await startMcpServer();
  });
  afterAll(async () => {
    await mcp.server.close();
  });

  it('connects by url, lists and calls tools with the real SDK client', async () => {
    const client = await connectAgentCore({ url: mcp.url });
    try {
      const { tools } = await client.listTools();
      expect(tools.map((tool) => tool.name).sort()).toEqual(['count', 'echo', 'whoami']);
      const result = await client.callTool({ name: 'echo', arguments: { message: 'hi' } });
      expect(toolText(result)).toBe('Echo: hi');
    } finally {
      await client.close();
    }
  });

  it('sends the extra headers, the user id and the Accept header on every request', async () => {
    const front = await startFront(mcp.url);
    const client = await connectAgentCore({
      url: `${front.origin}/mcp`,
      headers: { 'X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant': 'acme' },
      userId: 'user-42',
    });
    try {
      const runtime = JSON.parse(
        toolText(await client.callTool({ name: 'whoami', arguments: {} })),
      ) as { userId?: string; headers: Record<string, string> };
      expect(runtime.userId).toBe('user-42');
      expect(runtime.headers['x-amzn-bedrock-agentcore-runtime-custom-tenant']).toBe('acme');
      for (const request of front.requests) {
        expect(request.headers.accept).toBe('application/json, text/event-stream');
        expect(request.headers['x-amzn-bedrock-agentcore-runtime-user-id']).toBe('user-42');
      }
    } finally {
      await client.close();
      await front.close();
    }
  });

  it('connects by arn + endpoint to the encoded invocation path with the qualifier (legacy)', async () => {
    const sessionId = randomUUID();
    const sentSessionIds: (string | string[] | undefined)[] = [];
    // A tiny AgentCore emulator: serves only the runtime's invocation URL and, like the platform,
    // mints an Mcp-Session-Id the client must send back.
    const emulator = await startFront(mcp.url, (request, res) => {
      const [path, query] = request.url.split('?');
      if (path !== ENCODED_PATH) return sendJson(res, 404, { message: `no runtime at ${path}` });
      if (query !== 'qualifier=DEFAULT') return sendJson(res, 404, { message: `bad ${query}` });
      sentSessionIds.push(request.headers['mcp-session-id']);
      request.headers['mcp-session-id'] ??= sessionId;
      res.setHeader('mcp-session-id', sessionId);
      return 'forward';
    });
    const client = await connectAgentCore({
      arn: ARN,
      endpoint: emulator.origin,
      protocol: 'legacy',
    });
    try {
      const runtime = JSON.parse(
        toolText(await client.callTool({ name: 'whoami', arguments: {} })),
      ) as { sessionId?: string };
      expect(runtime.sessionId).toBe(sessionId);
      expect(emulator.requests.length).toBeGreaterThanOrEqual(3);
      for (const request of emulator.requests) {
        expect(request.url).toBe(`${ENCODED_PATH}?qualifier=DEFAULT`);
      }
      // The SDK transport captured the platform's session id and sent it after initialize.
      expect(emulator.requests[0]?.rpcMethod).toBe('initialize');
      const [first, ...later] = sentSessionIds;
      expect(first).toBeUndefined();
      expect(later).toEqual(later.map(() => sessionId));
    } finally {
      await client.close();
      await emulator.close();
    }
  });

  it('echoes the platform session id on 2026-07-28 requests, which the SDK alone never sends', async () => {
    const minted: string[] = [];
    const sent: (string | string[] | undefined)[] = [];
    // Like AgentCore: every answer carries Mcp-Session-Id, a new one when the request had none.
    const emulator = await startFront(mcp.url, (request, res) => {
      sent.push(request.headers['mcp-session-id']);
      if (request.headers['mcp-session-id'] === undefined) {
        minted.push(randomUUID());
        request.headers['mcp-session-id'] = minted.at(-1);
      }
      res.setHeader('mcp-session-id', String(request.headers['mcp-session-id']));
      return 'forward';
    });
    const client = await connectAgentCore({ arn: ARN, endpoint: emulator.origin });
    try {
      expect(client.getProtocolEra()).toBe('modern');
      for (const message of ['a', 'b', 'c']) {
        expect(toolText(await client.callTool({ name: 'echo', arguments: { message } }))).toBe(
          `Echo: ${message}`,
        );
      }
      expect(emulator.requests.map((request) => request.rpcMethod)).toEqual([
        'server/discover',
        'tools/call',
        'tools/call',
        'tools/call',
      ]);
      expect(minted).toHaveLength(1);
      expect(sent).toEqual([undefined, ...Array<string>(3).fill(minted[0]!)]);
      for (const request of emulator.requests) {
        expect(request.headers['mcp-protocol-version']).toBe('2026-07-28');
      }
    } finally {
      await client.close();
      await emulator.close();
    }
  });

  it('sends no session id of its own in the 2026-07-28 era when the server gives none', async () => {
    const front = await startFront(mcp.url);
    const client = await connectAgentCore({ url: `${front.origin}/mcp` });
    try {
      await client.callTool({ name: 'echo', arguments: { message: 'x' } });
      await client.callTool({ name: 'echo', arguments: { message: 'y' } });
      expect(front.requests.length).toBeGreaterThanOrEqual(3);
      for (const request of front.requests) {
        expect(request.headers['mcp-session-id']).toBeUndefined();
      }
    } finally {
      await client.close();
      await front.close();
    }
  });

  it.each([
    ['auto', 'modern', '2026-07-28', 'server/discover'],
    ['2026-07-28', 'modern', '2026-07-28', 'server/discover'],
    ['legacy', 'legacy', '2025-11-25', 'initialize'],
  ] as const)(
    'speaks the era protocol %s asks for against a server of both eras',
    async (protocol, era, version, opening) => {
      const front = await startFront(mcp.url);
      const client = await connectAgentCore({ url: `${front.origin}/mcp`, protocol });
      try {
        expect(client.getProtocolEra()).toBe(era);
        expect(client.getNegotiatedProtocolVersion()).toBe(version);
        expect(front.requests[0]?.rpcMethod).toBe(opening);
        expect(front.requests.some((request) => request.rpcMethod === 'initialize')).toBe(
          era === 'legacy',
        );
      } finally {
        await client.close();
        await front.close();
      }
    },
  );

  it('passes a custom qualifier through', async () => {
    const emulator = await startFront(mcp.url);
    const client = await connectAgentCore({
      arn: ARN,
      endpoint: emulator.origin,
      qualifier: 'prod',
    });
    await client.close();
    await emulator.close();
    expect(emulator.requests[0]?.url).toBe(`${ENCODED_PATH}?qualifier=prod`);
  });

  it('rejects a protocol it does not know, naming the ones it does', async () => {
    const error = await connectAgentCore({
      url: 'http://127.0.0.1:1/mcp',
      // @ts-expect-error -- a JavaScript caller (or a CLI flag) can pass any string
      protocol: '2025-11-25',
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({
      code: 'ERR_CONFIG_INVALID',
      message: `Invalid connectAgentCore options: protocol must be 'auto', 'legacy', '2026-07-28', got "2025-11-25"`,
    });
  });

  it.each([
    [{ url: 'http://127.0.0.1:1/mcp', arn: ARN }, 'ERR_CONFIG_INVALID', /both "url" and "arn"/],
    [{}, 'ERR_CONFIG_INVALID', /neither "url" nor "arn"/],
    [
      { arn: ARN, sigv4: true, tokenProvider: createStaticTokenProvider('t') },
      'ERR_CONFIG_INVALID',
      /"sigv4" and "tokenProvider"/,
    ],
    [{ url: 'http://127.0.0.1:1/mcp', sigv4: true }, 'ERR_CONFIG_INVALID', /signing region/],
    [{ url: 'http://127.0.0.1:1/mcp', timeoutMs: 0 }, 'ERR_CONFIG_INVALID', /timeoutMs/],
    [
      { url: 'http://127.0.0.1:1/mcp', retries: { maxAttempts: 0 } },
      'ERR_CONFIG_INVALID',
      /maxAttempts/,
    ],
    [{ arn: 'arn:nope' }, 'ERR_INVALID_ARN', /./],
  ] as const)('rejects bad options %#', async (options, code, message) => {
    const error = await connectAgentCore(options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) as unknown });
  });
});
