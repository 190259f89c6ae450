// What travels with a proxied call, in both gateway modes: progress notifications (under the
// client's own token), the upstream's log lines, and cancellation.
import { toolText } from '@agentcore-mcp/test-support';
import {
  CallToolResultSchema,
  LoggingMessageNotificationSchema,
  type Progress,
  ProgressNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectOwnCancellation } from './support/expectOwnCancellation.js';
import { type ProbeUpstream, startProbeUpstream } from './support/startProbeUpstream.js';
import { type ProxyGateway, startProxyGateway } from './support/startProxyGateway.js';
import { startUpstreamFixture } from './support/upstreamProcesses.js';

type Upstream = Awaited<ReturnType<typeof startUpstreamFixture>>;

describe.each(['stateless', 'stateful'] as const)('forwarding through a %s gateway', (mode) => {
  let upstream: Upstream;
  let holding: ProbeUpstream;
  let proxy: ProxyGateway;

  beforeAll(async () => {
    [upstream, holding] = await Promise.all([
      startUpstreamFixture({ name: 'up', mode }),
      // A stateful upstream: a stateless one cannot receive any cancellation (the notification
      // arrives in a request of its own, at a fresh server), whoever sends it.
      startProbeUpstream(),
    ]);
    proxy = await startProxyGateway({
      mcpServers: { up: { url: upstream.url }, held: { url: holding.url } },
      gateway: { mode },
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await Promise.all([upstream?.stop(), holding?.close()]);
  });

  it('delivers every upstream progress notification to the caller, in order', async () => {
    const client = await proxy.connect();
    const updates: Progress[] = [];
    const result = await client.callTool(
      { name: 'up___progress', arguments: { steps: 3 } },
      CallToolResultSchema,
      { onprogress: (progress) => updates.push(progress) },
    );
    expect(toolText(result)).toBe('up: 3 steps done');
    expect(updates).toEqual([
      { progress: 1, total: 3 },
      { progress: 2, total: 3 },
      { progress: 3, total: 3 },
    ]);
  });

  it("sends progress under the client's own progressToken, not the upstream one", async () => {
    const client = await proxy.connect();
    const seen: unknown[] = [];
    client.setNotificationHandler(ProgressNotificationSchema, (notification) => {
      seen.push(notification.params);
    });
    await client.callTool({
      name: 'up___progress',
      arguments: { steps: 2 },
      _meta: { progressToken: 'client-token-7' },
    });
    expect(seen).toEqual([
      { progressToken: 'client-token-7', progress: 1, total: 2 },
      { progressToken: 'client-token-7', progress: 2, total: 2 },
    ]);
  });

  it("delivers the upstream's log line to the caller while the call runs", async () => {
    const client = await proxy.connect();
    const events: string[] = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, ({ params }) => {
      events.push(`log ${params.level} ${params.logger ?? ''}: ${String(params.data)}`);
    });
    const result = await client.callTool({ name: 'up___progress', arguments: { steps: 1 } });
    events.push(`result ${toolText(result)}`);
    expect(events).toEqual(['log info progress: up: starting 1 steps', 'result up: 1 steps done']);
  });

  it('cancels the upstream call when the client aborts, and stays usable', async () => {
    const client = await proxy.connect();
    const controller = new AbortController();
    const call = client.callTool({ name: 'held___hold', arguments: { label: 'c1' } }, undefined, {
      signal: controller.signal,
      timeout: 120_000,
    });
    const held = await holding.nextCall();
    expect(held.label).toBe('c1');
    controller.abort('user gave up');
    await expect(call).rejects.toThrow('user gave up');
    await held.aborted; // bounded by the test timeout: without cancellation it never resolves
    expect(
      toolText(await client.callTool({ name: 'up___echo', arguments: { message: 'still here' } })),
    ).toBe('up: still here');
    expect(proxy.gateway.status().targets.every((target) => target.healthy)).toBe(true);
  });

  it('cancels only the call of the client that cancelled, when two use the same request id', async () => {
    const connect = (session: string) =>
      proxy.connect({ headers: { 'x-amzn-bedrock-agentcore-runtime-session-id': session } });
    const clients = await Promise.all([connect('session-1'), connect('session-2')]);
    await expectOwnCancellation(clients, {
      probe: holding,
      tool: 'held___hold',
      roundTrip: () => clients[0].callTool({ name: 'up___echo', arguments: { message: 'x' } }),
    });
  });
});
