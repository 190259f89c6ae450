import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { toolText } from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectAgentCore } from '../../src/connectAgentCore.js';
import { sendJson, startFront, startMcpServer, type TestMcpServer } from './helpers.js';
import { type LegacyOnlyServer, startLegacyOnlyServer } from './legacyOnlyServer.js';

describe('connectAgentCore protocol eras', () => {
  let legacyOnly: LegacyOnlyServer;
  let dual: TestMcpServer;

  beforeAll(async () => {
    legacyOnly = await startLegacyOnlyServer();
    dual = await startMcpServer();
  });
  afterAll(async () => {
    await legacyOnly.close();
    await dual.server.close();
  });

  it('falls back to initialize in auto mode when a 2025-only server does not answer server/discover', async () => {
    const front = await startFront(legacyOnly.url);
    const client = await connectAgentCore({ url: `${front.origin}/mcp` });
    try {
      expect(client.getProtocolEra()).toBe('legacy');
      expect(client.getNegotiatedProtocolVersion()).toMatch(/^2025-/);
      const result = await client.callTool({ name: 'echo', arguments: { message: 'old' } });
      expect(toolText(result)).toBe('Echo: old');
      expect(front.requests.map((request) => request.rpcMethod).slice(0, 2)).toEqual([
        'server/discover',
        'initialize',
      ]);
    } finally {
      await client.close();
      await front.close();
    }
  });

  it('fails a pinned 2026-07-28 connection to a 2025-only server with one line saying what to pass', async () => {
    const error = await connectAgentCore({ url: legacyOnly.url, protocol: '2026-07-28' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({ code: 'ERR_CONFIG_INVALID' });
    const { message, cause } = error as AgentCoreMcpError;
    expect(message).toBe(
      `${legacyOnly.url} does not offer MCP 2026-07-28 (its answer to server/discover is not a 2026-07-28 one, as from an MCP 2025 server); connect with protocol: 'auto' to fall back to initialize, or 'legacy'`,
    );
    expect(cause).toMatchObject({ name: 'SdkError', code: 'ERA_NEGOTIATION_FAILED' });
  });

  it('never re-initializes in the 2026-07-28 era: a 404 reaches the caller', async () => {
    const front = await startFront(dual.url, (request, res) =>
      request.rpcMethod === 'tools/call'
        ? sendJson(res, 404, { jsonrpc: '2.0', id: null, error: { code: -32001, message: 'gone' } })
        : 'forward',
    );
    const client = await connectAgentCore({ url: `${front.origin}/mcp` });
    try {
      expect(client.getProtocolEra()).toBe('modern');
      const error = await client
        .callTool({ name: 'echo', arguments: { message: 'x' } })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Error);
      expect(front.requests.map((request) => request.rpcMethod)).toEqual([
        'server/discover',
        'tools/call',
      ]);
    } finally {
      await client.close();
      await front.close();
    }
  });
});
