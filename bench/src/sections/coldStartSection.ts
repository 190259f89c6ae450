import { spawn } from 'node:child_process';

import type { BenchContext } from '../context.js';
import { callAddTool } from '../mcpHttp.js';
import { median } from '../measure/stats.js';
import { appEntry } from '../paths.js';
import { resolveNode24 } from '../procs/resolveNode24.js';
import { startApp } from '../procs/startApp.js';
import { type ColdSubject, coldSubjects } from './coldStartSubjects.js';

/** Which Node ran a row: the one running the bench (20 here), or Node 24, which the images run. */
export type ColdStartNode = 'bench' | 'node24';

/** The apps issue 16 sets a cold-start target for. */
export type ColdStartApp = 'example-server' | 'gateway-service';

/** One app's cold start on one Node. */
export interface ColdStartRow {
  /** `sdk-reference` or a {@link ColdStartApp}. */
  readonly id: string;
  readonly label: string;
  readonly node: ColdStartNode;
  /**
   * Whether Node's compile cache (`NODE_COMPILE_CACHE`, Node ≥ 22) was on and warmed by an earlier
   * start, as the images warm it at build time.
   */
  readonly compileCache: boolean;
  /** Median ms from spawn to the first right tools/call answer. */
  readonly firstCallMs: number;
  /** Median ms from spawn to the listening line. */
  readonly listeningMs: number;
  /** firstCallMs ÷ the SDK v1 reference's; `NaN` on Node 24, where the reference does not run. */
  readonly ratio: number;
  /** firstCallMs ÷ the same Node's `node -e ""` (issue 16: ≤ 2.5×). */
  readonly nodeRatio: number;
  readonly runsMs: readonly number[];
}

/** A Node the section ran on. */
export interface ColdStartNodeInfo {
  readonly node: ColdStartNode;
  /** `process.version` of that Node, e.g. `v24.21.0`. */
  readonly version: string;
  /** Median ms for its `node -e ""` to start and exit: the floor any app on it pays. */
  readonly nodeMs: number;
}

/** Issue §5's results. */
export interface ColdStartResult {
  /** Median ms for `node -e ""` of the bench's Node (also in {@link nodes}). */
  readonly nodeMs: number;
  /** The bench's Node, then Node 24 when it could be installed. */
  readonly nodes: readonly ColdStartNodeInfo[];
  /** Why there are no Node 24 rows, when there are none. */
  readonly node24Missing?: string;
  /** On the bench's Node the SDK v1 reference first, then our apps; then Node 24's rows. */
  readonly rows: readonly ColdStartRow[];
}

/**
 * Issue §5: process start → first successful tools/call, for the SDK v1 reference server,
 * example-server and gateway-service (in front of a running example-server, so its time includes
 * discovering that target) on the bench's Node, and for both apps on Node 24 without and with a
 * warmed compile cache (as in the images), in alternating rounds. Each Node's `node -e ""` is timed
 * in the same rounds: issue 16's target is ≤ 2.5× that floor.
 *
 * @param context - Settings, scratch directory, log.
 * @returns Medians per app and Node, and each Node's floor.
 */
export async function benchColdStart(context: BenchContext): Promise<ColdStartResult> {
  const { settings, log, scratchDir } = context;
  log('§5 cold start: process start → first successful tools/call');
  const node24 = await resolveNode24(log);
  const upstream = await startApp(appEntry('example-server'));
  try {
    const subjects = coldSubjects(upstream.url, scratchDir, node24.ok ? node24.node : undefined);
    const floors: { node: ColdStartNode; binary: string; version: string }[] = [
      { node: 'bench', binary: process.execPath, version: process.version },
      ...(node24.ok
        ? [{ node: 'node24' as const, binary: node24.node, version: node24.version }]
        : []),
    ];
    // What the images do at build time: one start writes the compile cache the rows then read.
    for (const subject of subjects.filter((candidate) => candidate.compileCache)) {
      await timeFirstCall(subject);
    }
    const runs = subjects.map((): { first: number; listening: number }[] => []);
    const floorRuns = floors.map((): number[] => []);
    for (let round = 0; round < settings.coldStartRuns; round++) {
      for (const [index, floor] of floors.entries()) {
        floorRuns[index]?.push(await timeNodeStart(floor.binary));
      }
      for (let step = 0; step < subjects.length; step++) {
        const index = (round + step) % subjects.length;
        const subject = subjects[index];
        if (subject !== undefined) runs[index]?.push(await timeFirstCall(subject));
      }
    }
    const nodes = floors.map((floor, index) => ({
      node: floor.node,
      version: floor.version,
      nodeMs: median(floorRuns[index] ?? []),
    }));
    const firstCall = runs.map((list) => median(list.map((run) => run.first)));
    const reference = firstCall[0] ?? Number.NaN;
    const rows = subjects.map((subject, index): ColdStartRow => {
      const first = firstCall[index] ?? Number.NaN;
      const floor = nodes.find((candidate) => candidate.node === subject.node)?.nodeMs;
      return {
        id: subject.id,
        label: subject.label,
        node: subject.node,
        compileCache: subject.compileCache,
        firstCallMs: first,
        listeningMs: median((runs[index] ?? []).map((run) => run.listening)),
        ratio: subject.node === 'bench' ? first / reference : Number.NaN,
        nodeRatio: first / (floor ?? Number.NaN),
        runsMs: (runs[index] ?? []).map((run) => run.first),
      };
    });
    for (const row of rows) {
      log(`  ${row.label} (${row.node}): ${row.firstCallMs.toFixed(0)} ms`);
    }
    return {
      nodeMs: nodes[0]?.nodeMs ?? Number.NaN,
      nodes,
      ...(node24.ok ? {} : { node24Missing: node24.reason }),
      rows,
    };
  } finally {
    await upstream.stop();
  }
}

async function timeFirstCall(subject: ColdSubject): Promise<{ first: number; listening: number }> {
  const started = performance.now();
  const app = await subject.start();
  try {
    await callAddTool(app.url, subject.tool);
    return { first: performance.now() - started, listening: app.listeningAfterMs };
  } finally {
    await app.stop();
  }
}

function timeNodeStart(node: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['-e', ''], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - started));
  });
}
