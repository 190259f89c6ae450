import { afterEach, describe, expect, it } from 'vitest';

import { createCleanup } from './support/deferCleanup.js';
import { startFaultGateway } from './support/faultGateway.js';
import { launchFixtureUpstream } from './support/faultUpstreams.js';
import { pollUntil } from './support/pollUntil.js';
import { settleToolCall } from './support/settleToolCall.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const CIRCUIT_OPEN =
  /^Target "alpha" is unavailable: circuit open after \d+ consecutive failures \(last error: Target "alpha" [^\n]+\); the gateway retries in \d+ s, see GET \/status$/;

describe('the circuit breaker', () => {
  it('opens after failureThreshold failed calls and lets a call probe it closed after the cooldown', async () => {
    const alpha = cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['echo'] }));
    const gateway = cleanup.add(
      await startFaultGateway({
        mcpServers: { alpha: { url: alpha.url } },
        // No pings: only the calls below count.
        gateway: { healthCheck: { intervalMs: 600_000, failureThreshold: 2, cooldownMs: 1_000 } },
      }),
    );
    const client = await gateway.connect();
    const echo = (message: string) => settleToolCall(client, 'alpha___echo', { message });
    expect(await echo('up')).toMatchObject({ ok: true, text: 'alpha: up' });

    await alpha.kill();
    for (const attempt of ['one', 'two']) {
      expect(await echo(attempt)).toMatchObject({
        ok: false,
        code: -32_004,
        data: { code: 'ERR_TARGET_FAILED', target: 'alpha' },
      });
    }
    const failFast = await echo('three');
    expect(failFast).toMatchObject({
      ok: false,
      code: -32_003,
      data: { code: 'ERR_TARGET_UNAVAILABLE', target: 'alpha' },
    });
    expect(failFast.ok ? '' : failFast.message).toMatch(CIRCUIT_OPEN);
    expect((await gateway.status()).targets[0]).toMatchObject({ circuit: 'open', healthy: false });
    expect((await gateway.get('/metrics')).text).toContain(
      'mcp_gateway_target_circuit_open{target="alpha"} 1',
    );

    cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['echo'], port: alpha.port }));
    const back = await pollUntil(
      async () => {
        const call = await echo('back');
        return call.ok ? call : undefined;
      },
      { what: 'a probe call to close the circuit', intervalMs: 100 },
    );
    expect(back.text).toBe('alpha: back');
    expect((await gateway.status()).targets[0]).toMatchObject({ circuit: 'closed', healthy: true });
  });

  it('is opened by failed health checks and closed by a health-check probe once the target is back', async () => {
    const alpha = cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['echo'] }));
    const gateway = cleanup.add(
      await startFaultGateway({
        mcpServers: { alpha: { url: alpha.url } },
        gateway: { healthCheck: { intervalMs: 100, failureThreshold: 3, cooldownMs: 2_000 } },
      }),
    );
    const client = await gateway.connect();
    const alphaStatus = async () => (await gateway.status()).targets[0];

    await alpha.kill();
    await pollUntil(async () => ((await alphaStatus())?.circuit === 'open' ? true : undefined), {
      what: 'the circuit to open',
    });
    const failFast = await pollUntil(
      async () => {
        const call = await settleToolCall(client, 'alpha___echo', { message: 'x' });
        return !call.ok && call.code === -32_003 ? call : undefined;
      },
      { what: 'a call to fail fast on the open circuit' },
    );
    expect(failFast.message).toMatch(CIRCUIT_OPEN);

    cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['echo'], port: alpha.port }));
    await pollUntil(
      async () => {
        const status = await alphaStatus();
        return status?.circuit === 'closed' && status.healthy ? true : undefined;
      },
      { what: 'a health-check probe to close the circuit' },
    );
    expect(await settleToolCall(client, 'alpha___echo', { message: 'back' })).toMatchObject({
      ok: true,
      text: 'alpha: back',
    });
  });
});
