// Entry of `pnpm bench [--quick]`: runs every benchmark of issue 7 in one process, each figure
// against a baseline measured in the same run, and writes RESULTS.md and results.json (full run)
// or .quick/RESULTS.md and .quick/results.json (--quick, for CI). Exits 1 when a section fails
// or one of our servers gives a wrong answer; a missed performance target does not fail the run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import type { BenchContext } from './context.js';
import { ensureWrk } from './load/ensureWrk.js';
import { WRK_SCRIPT } from './load/wrkScript.js';
import { BENCH_DIR } from './paths.js';
import { ensurePeers } from './procs/ensurePeers.js';
import type { BenchResults, SectionOutcome } from './report/benchResults.js';
import { formatReport } from './report/formatReport.js';
import { currentLoad, readMachineInfo } from './report/machineInfo.js';
import { benchAggregation } from './sections/aggregationSection.js';
import { benchColdStart } from './sections/coldStartSection.js';
import { benchGateway } from './sections/gatewaySection.js';
import { benchMemory } from './sections/memorySection.js';
import { benchServer } from './sections/serverSection.js';
import { benchStdio } from './sections/stdioSection.js';
import { FULL_SETTINGS, QUICK_SETTINGS } from './settings.js';

const OUR_ROW_IDS = new Set([
  'example-server',
  'gateway',
  'gateway-stdio',
  'gateway-1x',
  'gateway-all',
]);

const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const settings = flags.quick ? QUICK_SETTINGS : FULL_SETTINGS;
const started = performance.now();
const log = (line: string) => process.stderr.write(`${line}\n`);
const since = (from: number) => Math.round((performance.now() - from) / 100) / 10;

async function measure<T>(name: string, run: () => Promise<T>): Promise<SectionOutcome<T>> {
  const from = performance.now();
  try {
    const value = await run();
    log(`  ${name} done in ${since(from)} s`);
    return { ok: true, value, seconds: since(from) };
  } catch (error) {
    log(
      `  ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      seconds: since(from),
    };
  }
}

const scratchDir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-bench-'));
try {
  const machine = readMachineInfo(ensureWrk(log));
  const scriptPath = join(scratchDir, 'mcp.lua');
  writeFileSync(scriptPath, WRK_SCRIPT);
  const peers = ensurePeers(join(BENCH_DIR, '.peers'), log);
  if (!peers.ok) log(`peer proxies not available: ${peers.reason}`);
  const context: BenchContext = { settings, scriptPath, scratchDir, peers, log };
  const loadBefore = currentLoad();
  const date = new Date().toISOString();
  const server = await measure('§1 server', () => benchServer(context));
  const gateway = await measure('§2 gateway', () => benchGateway(context));
  const stdio = await measure('§2b stdio', () => benchStdio(context));
  const aggregation = await measure('§3 aggregation', () => benchAggregation(context));
  const memory = await measure('§4 memory', () => benchMemory(context));
  const coldStart = await measure('§5 cold start', () => benchColdStart(context));
  const results: BenchResults = {
    date,
    settings,
    machine,
    load: { before: loadBefore, after: currentLoad() },
    wallSeconds: since(started),
    server,
    gateway,
    stdio,
    aggregation,
    memory,
    coldStart,
  };
  const outDir = settings.quick ? join(BENCH_DIR, '.quick') : BENCH_DIR;
  mkdirSync(outDir, { recursive: true });
  const report = formatReport(results);
  writeFileSync(join(outDir, 'RESULTS.md'), report);
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${report}\n`);
  log(`wrote ${join(outDir, 'RESULTS.md')} and results.json in ${since(started)} s`);

  const sections = [server, gateway, stdio, aggregation, memory, coldStart];
  const wrongAnswers = [
    ...(server.ok ? server.value : []),
    ...(gateway.ok ? gateway.value.rows : []),
    ...(stdio.ok ? stdio.value.rows : []),
    ...(aggregation.ok ? aggregation.value.warmList : []),
  ].filter((row) => OUR_ROW_IDS.has(row.id) && row.errors > 0);
  if (
    sections.some((section) => !section.ok) ||
    wrongAnswers.length > 0 ||
    (memory.ok && memory.value.errors > 0)
  ) {
    log('bench failed: a section did not run or one of our servers gave wrong answers (see above)');
    process.exitCode = 1;
  }
} finally {
  rmSync(scratchDir, { recursive: true, force: true });
}
