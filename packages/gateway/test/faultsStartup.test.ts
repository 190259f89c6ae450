// Start-up is never held up by a target: the port answers while targets start, the live ones are
// served as soon as they are listed, dead ones are unhealthy at once, and a slow one joins later
// with list_changed. Nothing here is timed: the slow target starts only when the test says so.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { findFreePort } from '@agentcore-mcp/server-kit/process';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';

import { createGateway, type GatewayStatus, parseGatewayConfig } from '../src/index.js';
import { createCleanup } from './support/deferCleanup.js';
import { launchFixtureUpstream, stdioFixtureTarget, unusedPort } from './support/faultUpstreams.js';
import { pollUntil } from './support/pollUntil.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

describe('start-up with slow and dead targets', () => {
  it('answers /ping and serves the live target at once; the slow target joins with list_changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-startup-'));
    const gate = join(dir, 'slow-may-start');
    const refuse = join(dir, 'crashing-refuses');
    writeFileSync(refuse, '');
    const alpha = cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['echo'] }));
    const port = await findFreePort();
    const gateway = createGateway(
      parseGatewayConfig(
        {
          mcpServers: {
            alpha: { url: alpha.url },
            slow: stdioFixtureTarget({ name: 'slow', tools: ['echo'], startWhenFile: gate }),
            refused: { url: `http://127.0.0.1:${await unusedPort()}/mcp` },
            crashing: stdioFixtureTarget({ name: 'crashing', exitIfFile: refuse }),
          },
          // listen() would wait this long for the slow target; the port must not.
          gateway: { host: '127.0.0.1', port, discovery: { startupWaitMs: 600_000 } },
        },
        { env: {} },
      ),
      { logger: pino({ level: 'silent' }) },
    );
    let listened = false;
    const listening = gateway.listen().then((address) => {
      listened = true;
      return address;
    });
    cleanup.add({ close: () => gateway.close() });
    const origin = `http://127.0.0.1:${port}`;

    const ping = await pollUntil(
      async () => (await fetch(`${origin}/ping`)).json() as Promise<{ status: string }>,
      { what: 'GET /ping to answer' },
    );
    expect(ping.status).toBe('HealthyBusy');

    const client = new Client(
      { name: 'startup-test', version: '1.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    await client.connect(new StreamableHTTPClientTransport(new URL(`${origin}/mcp`)));
    cleanup.add(client);
    const toolNames = async () =>
      (await client.listTools(undefined, { cacheMode: 'refresh' })).tools.map((tool) => tool.name);
    await pollUntil(async () => ((await toolNames()).includes('alpha___echo') ? true : undefined), {
      what: "alpha's tools in tools/list",
    });
    const settled = (status: GatewayStatus) =>
      status.targets.every((target) => target.name === 'slow' || !target.starting);
    const status = await pollUntil(
      () => {
        const now = gateway.status();
        return settled(now) ? now : undefined;
      },
      { what: 'every target but slow to settle' },
    );
    const byName = Object.fromEntries(status.targets.map((target) => [target.name, target]));
    expect(status.status).toBe('starting');
    expect(byName.alpha).toMatchObject({ healthy: true, starting: false, toolCount: 1 });
    expect(byName.slow).toMatchObject({ healthy: false, starting: true, toolCount: 0 });
    expect(byName.refused).toMatchObject({ healthy: false, starting: false });
    expect(byName.refused?.lastError).toContain('ECONNREFUSED');
    expect(byName.crashing).toMatchObject({ healthy: false, starting: false });
    expect(byName.crashing?.lastError).toContain('refusing to start');
    expect(listened).toBe(false);
    await expect(
      client.callTool({ name: 'slow___echo', arguments: { message: 'early' } }),
    ).rejects.toThrow(
      'Unknown tool "slow___echo": call tools/list to see the 2 available tools; still starting, their tools join when listed: "slow"',
    );

    let announced!: () => void;
    const changed = new Promise<void>((resolve) => (announced = resolve));
    client.setNotificationHandler('notifications/tools/list_changed', () => announced());
    const subscription = await client.listen({ toolsListChanged: true });

    writeFileSync(gate, '');
    await changed;
    expect(await toolNames()).toEqual(['alpha___echo', 'slow___echo', 'gateway_status']);
    const address = await listening;
    expect(address.port).toBe(port);
    expect(gateway.status().status).toBe('running');
    expect(await (await fetch(`${origin}/ping`)).json()).toMatchObject({ status: 'Healthy' });
    await subscription.close();
  });
});
