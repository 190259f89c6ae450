import { createServer, type Socket } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { createCleanup } from './support/deferCleanup.js';
import { startFaultGateway } from './support/faultGateway.js';
import { launchFixtureUpstream, unusedPort } from './support/faultUpstreams.js';
import { settleToolCall } from './support/settleToolCall.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/** A TCP server that accepts connections and never answers: a target hung before `initialize`. */
async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('slow and dead targets', () => {
  it('answers -32001 naming the target and its timeout while another target answers', async () => {
    const alpha = cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['slow'] }));
    const beta = cleanup.add(await launchFixtureUpstream({ name: 'beta', tools: ['echo'] }));
    const gateway = cleanup.add(
      await startFaultGateway({
        mcpServers: { alpha: { url: alpha.url, timeoutMs: 2_000 }, beta: { url: beta.url } },
      }),
    );
    const client = await gateway.connect();

    let slowSettled = false;
    const slow = settleToolCall(client, 'alpha___slow', { ms: 20_000 }).finally(() => {
      slowSettled = true;
    });
    const echo = await settleToolCall(client, 'beta___echo', { message: 'meanwhile' });
    expect(echo).toEqual({ ok: true, text: 'beta: meanwhile', isError: false });
    expect(slowSettled).toBe(false);

    expect(await slow).toEqual({
      ok: false,
      code: -32_001,
      message:
        'Target "alpha" did not answer tools/call within 2000 ms; raise mcpServers.alpha.timeoutMs or check the target',
      data: { code: 'ERR_TIMEOUT', target: 'alpha' },
    });
    expect(await settleToolCall(client, 'beta___echo', { message: 'after' })).toMatchObject({
      ok: true,
      text: 'beta: after',
    });
  });

  it('starts, lists and shuts down while one target refuses connections and another never answers', async () => {
    const alpha = cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['echo'] }));
    const deadUrl = `http://127.0.0.1:${await unusedPort()}/mcp`;
    const silent = cleanup.add(await startSilentServer());
    const gateway = cleanup.add(
      await startFaultGateway({
        mcpServers: {
          alpha: { url: alpha.url },
          dead: { url: deadUrl },
          // Longer than the test's own timeout: start-up must not wait for it.
          silent: { url: silent.url, timeoutMs: 120_000 },
        },
        gateway: { discovery: { startupWaitMs: 1_000 } },
      }),
    );
    const status = await gateway.status();
    // silent's first discovery is still under way: the gateway says it is starting.
    expect(status).toMatchObject({ status: 'starting', healthyTargets: 1, totalTargets: 3 });
    const dead = status.targets.find((target) => target.name === 'dead');
    expect(dead).toMatchObject({ healthy: false, toolCount: 0, circuit: 'closed' });
    expect(dead?.lastError).toContain(`Cannot connect to target "dead" (${deadUrl})`);
    expect(dead?.lastError).toContain('ECONNREFUSED');
    expect(status.targets.find((target) => target.name === 'silent')).toMatchObject({
      healthy: false,
      starting: true,
      toolCount: 0,
    });
    expect(dead).toMatchObject({ starting: false });
    expect(JSON.parse((await gateway.get('/ping')).text)).toMatchObject({ status: 'HealthyBusy' });

    const client = await gateway.connect();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['alpha___echo', 'gateway_status']);
    expect(await settleToolCall(client, 'alpha___echo', { message: 'up' })).toMatchObject({
      ok: true,
      text: 'alpha: up',
    });

    // Shutting down does not wait for the silent target's initialize (bounded by the test timeout).
    await gateway.close();
  });
});
