import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { createCleanup } from './support/deferCleanup.js';
import { startFaultGateway } from './support/faultGateway.js';
import { launchFixtureUpstream, stdioFixtureTarget } from './support/faultUpstreams.js';
import { pollUntil } from './support/pollUntil.js';
import { settleToolCall } from './support/settleToolCall.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/** JSON-RPC codes of a target that is down: unavailable (-32003) or failed mid-request (-32004). */
const TARGET_DOWN_CODES = [-32_003, -32_004];

describe('a target killed and restarted', () => {
  it('restarts a killed stdio child with backoff, failing fast meanwhile, while the other target answers', async () => {
    const marker = join(tmpdir(), `gateway-faults-${process.pid}-${randomUUID()}`);
    cleanup.add({ close: () => Promise.resolve(rmSync(marker, { force: true })) });
    const beta = cleanup.add(await launchFixtureUpstream({ name: 'beta', tools: ['echo'] }));
    const gateway = cleanup.add(
      await startFaultGateway({
        mcpServers: {
          alpha: stdioFixtureTarget({ name: 'alpha', tools: ['echo', 'pid'], exitIfFile: marker }),
          beta: { url: beta.url },
        },
        gateway: {
          healthCheck: { intervalMs: 100, failureThreshold: 3, cooldownMs: 500 },
          // listen() waits for the stdio child's listing however long a loaded runner takes.
          discovery: { startupWaitMs: 600_000 },
        },
      }),
    );
    const client = await gateway.connect();
    const alphaStatus = async () =>
      (await gateway.status()).targets.find((target) => target.name === 'alpha');
    const first = await settleToolCall(client, 'alpha___pid');
    if (!first.ok) throw new Error(`alpha___pid failed: ${first.message}`);
    const pid = Number(first.text);

    // Kill the child, and make its restarts fail until the marker is removed.
    writeFileSync(marker, '');
    process.kill(pid, 'SIGKILL');

    const failure = await pollUntil(
      async () => {
        const call = await settleToolCall(client, 'alpha___echo', { message: 'anyone?' });
        return !call.ok && call.code === -32_003 ? call : undefined;
      },
      { what: 'a call to the killed stdio target to fail fast', intervalMs: 20 },
    );
    expect(failure.message).toMatch(/^Target "alpha" is unavailable until the gateway reconnects/);
    expect(failure.message).not.toContain('\n');
    expect(failure.data).toEqual({ code: 'ERR_TARGET_UNAVAILABLE', target: 'alpha' });
    expect(await settleToolCall(client, 'beta___echo', { message: 'still here' })).toEqual({
      ok: true,
      text: 'beta: still here',
      isError: false,
    });

    // A failed restart reports the child's last stderr line, and another restart is scheduled.
    const failedRestart = await pollUntil(
      async () => {
        const status = await alphaStatus();
        return status?.lastError?.includes('refusing to start') ? status : undefined;
      },
      { what: 'a failed restart of the stdio target' },
    );
    expect(failedRestart.lastError).toMatch(/^Cannot connect to target "alpha"/);
    expect(failedRestart).toMatchObject({ healthy: false });
    expect(failedRestart.restarts).toBeGreaterThanOrEqual(1);
    rmSync(marker);

    const newPid = await pollUntil(
      async () => {
        const call = await settleToolCall(client, 'alpha___pid');
        return call.ok ? Number(call.text) : undefined;
      },
      { what: 'the restarted stdio target to answer' },
    );
    expect(newPid).not.toBe(pid);
    expect(await settleToolCall(client, 'alpha___echo', { message: 'back' })).toMatchObject({
      ok: true,
      text: 'alpha: back',
    });
    const recovered = await alphaStatus();
    expect(recovered).toMatchObject({ healthy: true, transport: 'stdio' });
    expect(recovered?.restarts).toBeGreaterThanOrEqual(2);
  });

  it('re-initializes the session transparently after a stateful HTTP target restarts on its port', async () => {
    const alpha = await launchFixtureUpstream({ name: 'alpha', mode: 'stateful', tools: ['echo'] });
    cleanup.add(alpha);
    const gateway = cleanup.add(
      await startFaultGateway({
        mcpServers: { alpha: { url: alpha.url } },
        // No pings and a high threshold: the first call after the restart meets the stale session.
        gateway: { healthCheck: { intervalMs: 600_000, failureThreshold: 10, cooldownMs: 500 } },
      }),
    );
    const client = await gateway.connect();
    expect(await settleToolCall(client, 'alpha___echo', { message: 'one' })).toMatchObject({
      ok: true,
      text: 'alpha: one',
    });

    await alpha.kill();
    const failure = await settleToolCall(client, 'alpha___echo', { message: 'two' });
    expect(failure).toMatchObject({ ok: false, data: { target: 'alpha' } });
    if (failure.ok) return;
    expect(TARGET_DOWN_CODES).toContain(failure.code);
    expect(failure.message).toContain('"alpha"');
    expect(failure.message).not.toContain('\n');

    cleanup.add(
      await launchFixtureUpstream({
        name: 'alpha',
        mode: 'stateful',
        tools: ['echo'],
        port: alpha.port,
      }),
    );
    expect(await settleToolCall(client, 'alpha___echo', { message: 'three' })).toMatchObject({
      ok: true,
      text: 'alpha: three',
    });
    expect((await gateway.status()).targets[0]).toMatchObject({ name: 'alpha', healthy: true });
  });
});
