import { spawn } from 'node:child_process';

import type { BenchContext } from '../context.js';
import { callAddTool } from '../mcpHttp.js';
import { median } from '../measure/stats.js';
import { appEntry, benchServerEntry } from '../paths.js';
import { startApp, type StartedApp } from '../procs/startApp.js';
import { GATEWAY_TARGET, startGatewayService } from '../procs/startGatewayService.js';

/** One app's cold start. */
export interface ColdStartRow {
  readonly id: string;
  readonly label: string;
  /** Median ms from spawn to the first right tools/call answer. */
  readonly firstCallMs: number;
  /** Median ms from spawn to the listening line. */
  readonly listeningMs: number;
  /** firstCallMs ÷ the SDK v1 reference's. */
  readonly ratio: number;
  readonly runsMs: readonly number[];
}

/** Issue §5's results. */
export interface ColdStartResult {
  /** Median ms for `node -e ""` to start and exit: the floor any Node app pays. */
  readonly nodeMs: number;
  /** The SDK v1 reference first (baseline), then example-server and gateway-service. */
  readonly rows: readonly ColdStartRow[];
}

interface ColdSubject {
  readonly id: string;
  readonly label: string;
  readonly tool: string;
  readonly start: () => Promise<StartedApp>;
}

/**
 * Issue §5: process start → first successful tools/call, for the SDK v1 reference server,
 * example-server and gateway-service (in front of a running example-server, so its time includes
 * discovering that target), in alternating rounds.
 *
 * @param context - Settings, scratch directory, log.
 * @returns Medians per app and the `node` floor.
 */
export async function benchColdStart(context: BenchContext): Promise<ColdStartResult> {
  const { settings, log } = context;
  log('§5 cold start: process start → first successful tools/call');
  const upstream = await startApp(appEntry('example-server'));
  try {
    const subjects: ColdSubject[] = [
      {
        id: 'sdk-reference',
        label: 'SDK v1 reference server',
        tool: 'add_numbers',
        start: () => startApp(benchServerEntry('referenceServer')),
      },
      {
        id: 'example-server',
        label: 'example-server',
        tool: 'add_numbers',
        start: () => startApp(appEntry('example-server')),
      },
      {
        id: 'gateway-service',
        label: 'gateway-service (1 HTTP target)',
        tool: `${GATEWAY_TARGET}___add_numbers`,
        start: () => startGatewayService(context.scratchDir, { url: upstream.url }, 'cold.json'),
      },
    ];
    const runs = subjects.map((): { first: number; listening: number }[] => []);
    const nodeRuns: number[] = [];
    for (let round = 0; round < settings.coldStartRuns; round++) {
      nodeRuns.push(await timeNodeStart());
      for (let step = 0; step < subjects.length; step++) {
        const index = (round + step) % subjects.length;
        const subject = subjects[index];
        if (subject === undefined) continue;
        const started = performance.now();
        const app = await subject.start();
        try {
          await callAddTool(app.url, subject.tool);
          runs[index]?.push({
            first: performance.now() - started,
            listening: app.listeningAfterMs,
          });
        } finally {
          await app.stop();
        }
      }
    }
    const firstCall = runs.map((list) => median(list.map((run) => run.first)));
    const baseline = firstCall[0] ?? Number.NaN;
    const rows = subjects.map((subject, index) => ({
      id: subject.id,
      label: subject.label,
      firstCallMs: firstCall[index] ?? Number.NaN,
      listeningMs: median((runs[index] ?? []).map((run) => run.listening)),
      ratio: (firstCall[index] ?? Number.NaN) / baseline,
      runsMs: (runs[index] ?? []).map((run) => run.first),
    }));
    for (const row of rows) log(`  ${row.label}: ${row.firstCallMs.toFixed(0)} ms`);
    return { nodeMs: median(nodeRuns), rows };
  } finally {
    await upstream.stop();
  }
}

function timeNodeStart(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - started));
  });
}
