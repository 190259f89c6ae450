import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { findFreePort, startServerProcess } from '@agentcore-mcp/server-kit/process';

import type { BenchContext } from '../context.js';
import { postJsonRpc } from '../mcpHttp.js';
import { median } from '../measure/stats.js';
import { appEntry, benchServerEntry } from '../paths.js';

/** How long the slow stdio target stays silent before it answers. */
export const SLOW_TARGET_DELAY_MS = 6_000;

/** One gateway start-up: when `/ping` first answered, and when the live target's tool was listed. */
export interface StartUpTimes {
  readonly pingMs: number;
  readonly toolsMs: number;
}

/** §3's start-up row: gateway-service with the live target alone, then with a slow and a dead one. */
export interface StartUpResult {
  readonly runs: number;
  /** Medians with the live HTTP target alone (the baseline). */
  readonly alone: StartUpTimes;
  /** Medians with the live target, a stdio target silent for {@link SLOW_TARGET_DELAY_MS} and a refused port. */
  readonly withSlowAndDead: StartUpTimes;
  /** withSlowAndDead ÷ alone, for `/ping` and for the live tool. */
  readonly pingRatio: number;
  readonly toolsRatio: number;
}

/**
 * Issue 16's start-up row: spawn gateway-service (its bundle, `gateway.discovery` defaults) and
 * time, from the spawn, the first `GET /ping` answer and the first `tools/list` that holds the live
 * target's tool. Once with the live HTTP target alone, once with a stdio target that stays silent for
 * 6 s and a target on a port nobody listens on as well; alternating runs, medians.
 *
 * @param context - Settings, scratch directory, log.
 * @param liveUrl - A running MCP endpoint whose tool `tool_0` is listed as `live___tool_0`.
 * @returns The medians and their ratios.
 */
export async function benchStartUp(context: BenchContext, liveUrl: string): Promise<StartUpResult> {
  const { settings, log } = context;
  const runs = settings.coldStartRuns;
  const live = { url: liveUrl };
  const slow = {
    command: process.execPath,
    args: [benchServerEntry('stdioServer')],
    env: { START_DELAY_MS: String(SLOW_TARGET_DELAY_MS) },
  };
  const dead = { url: `http://127.0.0.1:${await findFreePort()}/mcp` };
  const samples = { alone: [] as StartUpTimes[], withSlowAndDead: [] as StartUpTimes[] };
  for (let run = 0; run < runs; run++) {
    samples.alone.push(await timeStartUp(context.scratchDir, { live }));
    samples.withSlowAndDead.push(await timeStartUp(context.scratchDir, { live, slow, dead }));
  }
  const medians = (list: readonly StartUpTimes[]): StartUpTimes => ({
    pingMs: median(list.map((times) => times.pingMs)),
    toolsMs: median(list.map((times) => times.toolsMs)),
  });
  const alone = medians(samples.alone);
  const withSlowAndDead = medians(samples.withSlowAndDead);
  log(
    `  start-up: /ping ${alone.pingMs.toFixed(0)} vs ${withSlowAndDead.pingMs.toFixed(0)} ms, ` +
      `live tool ${alone.toolsMs.toFixed(0)} vs ${withSlowAndDead.toolsMs.toFixed(0)} ms`,
  );
  return {
    runs,
    alone,
    withSlowAndDead,
    pingRatio: withSlowAndDead.pingMs / alone.pingMs,
    toolsRatio: withSlowAndDead.toolsMs / alone.toolsMs,
  };
}

/** Starts gateway-service on `targets`, times `/ping` and the live tool, and stops it. */
async function timeStartUp(
  scratchDir: string,
  targets: Readonly<Record<string, unknown>>,
): Promise<StartUpTimes> {
  const port = await findFreePort();
  const configPath = join(scratchDir, 'gateway-startup.json');
  writeFileSync(
    configPath,
    JSON.stringify({ mcpServers: targets, gateway: { host: '127.0.0.1' } }),
  );
  const started = performance.now();
  const gateway = await startServerProcess(
    process.execPath,
    [appEntry('gateway-service'), '--config', configPath],
    { env: { PORT: String(port), LOG_LEVEL: 'warn' }, ready: { kind: 'port', port } },
  );
  try {
    const origin = `http://127.0.0.1:${port}`;
    await pollUntil(async () => (await fetch(`${origin}/ping`)).ok);
    const pingMs = performance.now() - started;
    await pollUntil(async () => {
      const { reply } = await postJsonRpc(`${origin}/mcp`, {
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/list',
      });
      return JSON.stringify(reply?.result ?? {}).includes('"live___tool_0"');
    });
    return { pingMs, toolsMs: performance.now() - started };
  } finally {
    await gateway.stop();
  }
}

/** Retries `probe` every 5 ms until it returns true (a throw counts as false), for up to 30 s. */
async function pollUntil(probe: () => Promise<boolean>): Promise<void> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (performance.now() > deadline) throw new Error('gave up after 30 s');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
