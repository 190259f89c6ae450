import { toolText } from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { connectAgentCore } from '../../src/connectAgentCore.js';
import { startFront, startMcpServer, type TestFront, type TestMcpServer } from './helpers.js';

// Sessions exist only in the 2025 era (MCP 2026-07-28 is stateless), so the client pins it.
describe('connectAgentCore with a stale session (stateful server-kit, legacy era)', () => {
  let mcp: TestMcpServer;
  let front: TestFront;

  beforeAll(async () => {
    mcp = await startMcpServer({ mode: 'stateful' });
    front = await startFront(mcp.url);
  });
  afterAll(async () => {
    await front.close();
    await mcp.server.close();
  });

  const whoami = async (client: Awaited<ReturnType<typeof connectAgentCore>>) =>
    (
      JSON.parse(toolText(await client.callTool({ name: 'whoami', arguments: {} }))) as {
        sessionId: string;
      }
    ).sessionId;

  it('re-initializes once and replays the request after the server drops the session', async () => {
    const client = await connectAgentCore({ url: `${front.origin}/mcp`, protocol: 'legacy' });
    try {
      const first = await whoami(client);
      expect(first).toMatch(/\S/);
      // The server forgets the session, as when AgentCore recycles the microVM.
      const deleted = await fetch(mcp.url, {
        method: 'DELETE',
        headers: { 'mcp-session-id': first, 'mcp-protocol-version': '2025-06-18' },
      });
      expect(deleted.status).toBe(200);

      const result = await client.callTool({ name: 'echo', arguments: { message: 'again' } });
      expect(toolText(result)).toBe('Echo: again');
      const second = await whoami(client);
      expect(second).not.toBe(first);
      expect(await whoami(client)).toBe(second);

      const initializes = front.requests.filter((request) => request.rpcMethod === 'initialize');
      expect(initializes).toHaveLength(2);
      const stale = front.requests.filter(
        (request) => request.headers['mcp-session-id'] === first && request.method === 'POST',
      );
      // Only the request that hit the 404 still carried the old id (plus those before the DELETE).
      expect(stale.filter((request) => request.rpcMethod === 'tools/call')).toHaveLength(2);
    } finally {
      await client.close();
    }
  });
});
