import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type BackgroundLoad, startBackgroundLoad } from './support/backgroundLoad.js';
import { pollUntil } from './support/pollUntil.js';
import {
  answeredText,
  type CallOutcome,
  createRpcClient,
  describeOutcome,
  type RpcClient,
} from './support/rpcClient.js';
import { startGatewayService } from './support/startGatewayService.js';
import type { StartedProcess } from './support/startProcess.js';
import { startUpstream, stdioUpstreamTarget } from './support/startUpstream.js';

/**
 * The gateway's health-check interval; the circuit's cooldown is the same. Recovery must fit in 2
 * intervals, and a stdio restart includes a node child starting on a busy 2-core CI machine (4.7 s
 * seen there), so the interval is 3 s rather than 2.
 */
const HEALTH_INTERVAL_MS = 3_000;
/** The slow target's timeout; the others have {@link TIMEOUT_MS}. */
const SLOW_TARGET_TIMEOUT_MS = 1_000;
const TIMEOUT_MS = 10_000;
/** A call not answered by then counts as hung. */
const DEADLINE_MS = 15_000;
/** Down targets answer -32003 (unavailable: circuit open, restarting) or -32004 (failed). */
const DOWN_CODES = [-32_003, -32_004];

describe('faults under load: targets killed, slowed and restarted behind the gateway', () => {
  const lines: string[] = [];
  const upstreams = new Map<string, StartedProcess>();
  let gateway: StartedProcess;
  let load: BackgroundLoad;
  let probes: RpcClient;
  let loadClient: RpcClient;
  let nextId = 1_000_000;
  const call = (tool: string, args: unknown = { message: 'probe' }) =>
    probes.callTool(nextId++, tool, args);

  beforeAll(async () => {
    for (const name of ['steady', 'victim', 'sloth'])
      upstreams.set(name, await startUpstream(name, { lines }));
    const url = (name: string) => upstreams.get(name)?.url ?? '';
    gateway = await startGatewayService(
      {
        mcpServers: {
          steady: { url: url('steady'), timeoutMs: TIMEOUT_MS },
          victim: { url: url('victim'), timeoutMs: TIMEOUT_MS },
          sloth: { url: url('sloth'), timeoutMs: SLOW_TARGET_TIMEOUT_MS },
          calm: { ...stdioUpstreamTarget('calm'), timeoutMs: TIMEOUT_MS },
          child: { ...stdioUpstreamTarget('child'), timeoutMs: TIMEOUT_MS },
        },
        gateway: {
          healthCheck: {
            intervalMs: HEALTH_INTERVAL_MS,
            failureThreshold: 2,
            cooldownMs: HEALTH_INTERVAL_MS,
          },
          // The `listening` line waits for both stdio children's listings, however long that takes.
          discovery: { startupWaitMs: 600_000 },
        },
      },
      { lines },
    );
    probes = createRpcClient(gateway.url, { connections: 16, deadlineMs: DEADLINE_MS });
    loadClient = createRpcClient(gateway.url, { connections: 8, deadlineMs: DEADLINE_MS });
    load = startBackgroundLoad(loadClient, {
      workers: 8,
      targets: [
        { tool: 'steady___echo', expectedText: (message) => `steady: ${message}` },
        { tool: 'calm___echo', expectedText: (message) => `calm: ${message}` },
      ],
    });
  });
  afterAll(async () => {
    await load?.stop();
    probes?.close();
    loadClient?.close();
    await gateway?.stop();
    await Promise.all([...upstreams.values()].map((upstream) => upstream.stop()));
  });

  it('fails calls to a killed HTTP target fast, naming it, until its circuit opens', async () => {
    await upstreams.get('victim')?.kill();
    const seen = await pollUntil(
      async () => {
        const outcome = await call('victim___echo');
        expectDownAnswer(outcome, 'victim');
        return errorCode(outcome) === -32_003 ? outcome : undefined;
      },
      { what: 'the circuit of the killed HTTP target to open' },
    );
    // Open circuit: answered without trying the target at all.
    expect(seen.ms).toBeLessThan(SLOW_TARGET_TIMEOUT_MS);
  });

  it('recovers the HTTP target within 2 health intervals of its restart on the same port', async () => {
    const port = Number(new URL(upstreams.get('victim')?.url ?? '').port);
    upstreams.set('victim', await startUpstream('victim', { port, lines }));
    const elapsed = await timeRecovery('victim___echo', 'victim');
    expect(elapsed).toBeLessThanOrEqual(2 * HEALTH_INTERVAL_MS);
  });

  it('fails calls to a killed stdio target fast while the gateway restarts it within 2 health intervals', async () => {
    const pid = answeredText(await call('child___pid', {}), nextId - 1);
    expect(pid).toMatch(/^\d+$/);
    process.kill(Number(pid), 'SIGKILL');
    const elapsed = await timeRecovery('child___echo', 'child');
    expect(elapsed).toBeLessThanOrEqual(2 * HEALTH_INTERVAL_MS);
    const newPid = answeredText(await call('child___pid', {}), nextId - 1);
    expect(newPid).toMatch(/^\d+$/);
    expect(newPid).not.toBe(pid);
  });

  it('ends calls to a target slower than its timeout with a timeout error naming it, never hanging', async () => {
    const sloth = upstreams.get('sloth');
    sloth?.child.kill('SIGUSR2');
    // The signal is handled on the upstream's next turn; a call sent before would still be fast.
    await pollUntil(
      () => Promise.resolve(sloth?.lines.includes('slow mode on') === true ? true : undefined),
      { what: 'the sloth upstream to confirm slow mode' },
    );
    const outcomes = [
      ...(await Promise.all(Array.from({ length: 6 }, () => call('sloth___echo')))),
      await call('sloth___echo'),
      await call('sloth___echo'),
    ];
    const wrong = outcomes.filter((outcome) => {
      const code = errorCode(outcome);
      const message = outcome.kind === 'answered' ? outcome.messages[0]?.error?.message : '';
      return (code !== -32_001 && code !== -32_003) || !message?.startsWith('Target "sloth"');
    });
    expect(wrong.map(describeOutcome)).toEqual([]);
    expect(outcomes.map(errorMessage)).toContain(
      `Target "sloth" did not answer tools/call within ${SLOW_TARGET_TIMEOUT_MS} ms; raise mcpServers.sloth.timeoutMs or check the target`,
    );
  });

  it('recovers the slow target within 2 health intervals of its restart', async () => {
    const sloth = upstreams.get('sloth');
    const port = Number(new URL(sloth?.url ?? '').port);
    await sloth?.kill();
    upstreams.set('sloth', await startUpstream('sloth', { port, lines }));
    const elapsed = await timeRecovery('sloth___echo', 'sloth');
    expect(elapsed).toBeLessThanOrEqual(2 * HEALTH_INTERVAL_MS);
  });

  it('answered every call to the healthy HTTP and stdio targets correctly throughout', async () => {
    const report = await load.stop();
    expect(report.failures).toEqual([]);
    expect(report.calls).toBeGreaterThan(100);
    expect(gateway.child.exitCode).toBeNull();
  });

  /**
   * Calls `tool` every 50 ms until it answers, checking that each failure in between is a fast,
   * one-line "target down" error naming `target`; returns the ms from the first call to success.
   */
  async function timeRecovery(tool: string, target: string): Promise<number> {
    const started = performance.now();
    await pollUntil(
      async () => {
        const id = nextId;
        const outcome = await call(tool, { message: 'back' });
        if (answeredText(outcome, id) === `${target}: back`) return true;
        expectDownAnswer(outcome, target);
        return undefined;
      },
      { what: `${tool} to answer again`, timeoutMs: 10 * HEALTH_INTERVAL_MS },
    );
    return performance.now() - started;
  }
});

/** A down target's answer: a one-line -32003/-32004 naming it, well before its timeout. */
function expectDownAnswer(outcome: CallOutcome, target: string): void {
  expect(outcome, describeOutcome(outcome)).toMatchObject({ kind: 'answered', status: 200 });
  expect(DOWN_CODES, describeOutcome(outcome)).toContain(errorCode(outcome));
  const message = errorMessage(outcome) ?? '';
  expect(message).toContain(`Target "${target}"`);
  expect(message).not.toContain('\n');
  expect(outcome.ms).toBeLessThan(TIMEOUT_MS);
}

function errorCode(outcome: CallOutcome): number | undefined {
  return outcome.kind === 'answered' ? outcome.messages[0]?.error?.code : undefined;
}

function errorMessage(outcome: CallOutcome): string | undefined {
  return outcome.kind === 'answered' ? outcome.messages[0]?.error?.message : undefined;
}
