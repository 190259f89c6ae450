import type { BenchContext } from '../context.js';
import { type LoadResult, runWrk } from '../load/runWrk.js';
import { callAddTool } from '../mcpHttp.js';
import { appEntry } from '../paths.js';
import { imageNodeOptions } from '../procs/imageNodeOptions.js';
import { type MemoryReading, readMemory } from '../procs/processStats.js';
import { startApp } from '../procs/startApp.js';
import { GATEWAY_TARGET, writeGatewayConfig } from '../procs/startGatewayService.js';

/** RSS of the gateway and of its upstream at one point of the run. */
export interface MemoryPoint {
  /** What had happened by then, e.g. `after 50,000 calls`. */
  readonly label: string;
  /** Calls through the gateway so far. */
  readonly calls: number;
  readonly gateway: MemoryReading;
  readonly upstream: MemoryReading;
}

/** Issue §4's results. */
export interface MemoryResult {
  /** Calls in the measured part (after warm-up). */
  readonly calls: number;
  readonly connections: number;
  readonly points: readonly MemoryPoint[];
  /** Gateway RSS at the end ÷ after warm-up. */
  readonly gatewayRatio: number;
  /** The same for the upstream example-server (the baseline). */
  readonly upstreamRatio: number;
  /** Gateway RSS growth per 10,000 calls over the second half of the run, in MiB. */
  readonly gatewayGrowthPer10kMiB: number;
  readonly errors: number;
  readonly reqPerSec: number;
  /** The `NODE_OPTIONS` each process ran with: its image's (see `imageNodeOptions`). */
  readonly nodeOptions: {
    readonly gateway: string | undefined;
    readonly upstream: string | undefined;
  };
}

const CONNECTIONS = 10;

/**
 * Issue §4: gateway-service RSS (and its upstream's, as the baseline) after start, after a
 * warm-up, halfway and at the end of `memoryCalls` tools/call requests at 10 connections. Both run
 * with their images' `NODE_OPTIONS` (`imageNodeOptions`), so the rows are what a deployment holds.
 *
 * @param context - Settings, wrk script, log.
 * @returns The readings and ratios.
 */
export async function benchMemory(context: BenchContext): Promise<MemoryResult> {
  const { settings, log } = context;
  const calls = settings.memoryCalls;
  log(`§4 memory: gateway RSS over ${calls.toLocaleString('en-US')} calls`);
  // Each process runs as its image runs it, with the image's NODE_OPTIONS (V8's young generation
  // can only be sized at start-up; the images set it).
  const nodeOptions = {
    gateway: imageNodeOptions('gateway-service'),
    upstream: imageNodeOptions('example-server'),
  };
  const envOf = (options: string | undefined): Record<string, string> =>
    options === undefined ? {} : { NODE_OPTIONS: options };
  const upstream = await startApp(appEntry('example-server'), { env: envOf(nodeOptions.upstream) });
  try {
    const config = writeGatewayConfig(context.scratchDir, { url: upstream.url }, 'gateway.json');
    const gateway = await startApp(appEntry('gateway-service'), {
      args: ['--config', config],
      env: envOf(nodeOptions.gateway),
    });
    try {
      const tool = `${GATEWAY_TARGET}___add_numbers`;
      await callAddTool(gateway.url, tool);
      const points: MemoryPoint[] = [];
      let done = 1;
      const read = (label: string) =>
        points.push({
          label,
          calls: done,
          gateway: readMemory(gateway.pid),
          upstream: readMemory(upstream.pid),
        });
      read('after start and 1 call');
      const loads: LoadResult[] = [];
      // wrk runs for a time, not a count: send in short runs until `count` right answers.
      const send = async (count: number) => {
        const target = done + count;
        while (done < target) {
          const load = await runWrk({
            url: gateway.url,
            call: { kind: 'call', tool },
            connections: CONNECTIONS,
            durationS: settings.durationS,
            scriptPath: context.scriptPath,
          });
          if (load.good === 0) throw new Error(`no right answers: ${load.firstError ?? 'errors'}`);
          done += load.good;
          loads.push(load);
        }
      };
      await send(Math.min(10_000, Math.max(2_000, calls / 10)));
      read('after warm-up');
      loads.length = 0;
      await send(calls / 2);
      read('halfway');
      await send(calls / 2);
      read('at the end');
      const [, warm, half, end] = points as [MemoryPoint, MemoryPoint, MemoryPoint, MemoryPoint];
      const measured = end.calls - warm.calls;
      log(
        `  gateway RSS ${warm.gateway.rssMiB.toFixed(1)} → ${end.gateway.rssMiB.toFixed(1)} MiB ` +
          `over ${measured} calls`,
      );
      return {
        calls: measured,
        connections: CONNECTIONS,
        points,
        gatewayRatio: end.gateway.rssMiB / warm.gateway.rssMiB,
        upstreamRatio: end.upstream.rssMiB / warm.upstream.rssMiB,
        gatewayGrowthPer10kMiB:
          ((end.gateway.rssMiB - half.gateway.rssMiB) * 10_000) / (end.calls - half.calls),
        errors: loads.reduce((sum, load) => sum + load.errors, 0),
        reqPerSec:
          loads.reduce((sum, load) => sum + load.good, 0) /
          loads.reduce((sum, load) => sum + load.durationS, 0),
        nodeOptions,
      };
    } finally {
      await gateway.stop();
    }
  } finally {
    await upstream.stop();
  }
}
