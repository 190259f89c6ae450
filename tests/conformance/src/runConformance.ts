// Runs the official MCP conformance suite against the server-kit fixture server, once stateful and
// once stateless, and prints one table of both runs. Usage: node dist/runConformance.js
// [--verbose] [--suite active|all|pending]. Exits 1 on any unexpected result.
import { setDefaultResultOrder } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { createLogger, type SessionMode } from '@agentcore-mcp/server-kit';

import { classifyScenario, type ScenarioVerdict } from './classifyScenario.js';
import { createFixtureServer } from './fixtureServer.js';
import { formatResultsTable, type ResultsRow } from './formatResultsTable.js';
import { readExpectedFailures } from './readExpectedFailures.js';
import { readScenarioChecks } from './readScenarioChecks.js';
import { runSuite, type SuiteRunResult } from './runSuite.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(PACKAGE_DIR, '.conformance-results');
const EXPECTED_FAILURES_FILE = join(PACKAGE_DIR, 'expected-failures.stateless.yml');
const MODES: readonly SessionMode[] = ['stateful', 'stateless'];

interface ModeRun {
  readonly mode: SessionMode;
  readonly run: SuiteRunResult;
  readonly verdicts: Map<string, ScenarioVerdict>;
}

const { values: flags } = parseArgs({
  options: { verbose: { type: 'boolean', default: false }, suite: { type: 'string' } },
});
const verbose = flags.verbose ?? false;
const suite = flags.suite ?? 'active';

/**
 * `dns-rebinding-protection` only runs against a localhost URL, so the suite gets
 * `http://localhost:<port>/mcp` while the server binds 127.0.0.1: make sure both mean the same.
 * The CLI is started with `--dns-result-order=ipv4first` to resolve it the same way.
 */
async function assertLocalhostIsIpv4Loopback(): Promise<void> {
  setDefaultResultOrder('ipv4first');
  const { address } = await lookup('localhost');
  if (address !== '127.0.0.1') {
    throw new Error(
      `localhost resolves to ${address}, not 127.0.0.1: add "127.0.0.1 localhost" to /etc/hosts`,
    );
  }
}

async function runMode(mode: SessionMode): Promise<ModeRun> {
  const expected =
    mode === 'stateless' ? await readExpectedFailures(EXPECTED_FAILURES_FILE) : new Set<string>();
  const logger = createLogger({ name: `conformance-${mode}`, level: verbose ? 'warn' : 'silent' });
  const server = createFixtureServer({ mode, logger });
  const { port } = await server.listen();
  const outputDir = join(RESULTS_DIR, mode);
  await rm(outputDir, { recursive: true, force: true });
  let run: SuiteRunResult;
  try {
    run = await runSuite({
      url: `http://localhost:${port}/mcp`,
      suite,
      outputDir,
      ...(mode === 'stateless' ? { expectedFailuresFile: EXPECTED_FAILURES_FILE } : {}),
    });
  } finally {
    await server.close();
  }
  const checks = await readScenarioChecks(outputDir);
  const verdicts = new Map(
    run.scenarios.map((scenario) => [
      scenario,
      classifyScenario(checks.get(scenario), expected.has(scenario)),
    ]),
  );
  return { mode, run, verdicts };
}

function countOutcomes(run: ModeRun): string {
  const counts = new Map<string, number>();
  for (const { outcome } of run.verdicts.values()) {
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  const parts = [...counts].map(([outcome, count]) => `${count} ${outcome.toLowerCase()}`);
  return `${run.mode} ${parts.join(', ') || 'no scenarios'}`;
}

/** Problems that make the run fail: unexpected verdicts, and a CLI exit code that disagrees. */
function findProblems(run: ModeRun): string[] {
  const problems = [...run.verdicts]
    .filter(([, verdict]) => verdict.unexpected)
    .map(([scenario, verdict]) =>
      verdict.outcome === 'UNEXPECTED PASS'
        ? `${run.mode}: ${scenario} passes: remove it from expected-failures.stateless.yml`
        : `${run.mode}: ${scenario} fails: ${verdict.message ?? 'see the output above'}`,
    );
  if (run.verdicts.size === 0) problems.push(`${run.mode}: the conformance CLI ran no scenario`);
  if (run.run.exitCode !== 0 && problems.length === 0) {
    problems.push(`${run.mode}: the conformance CLI exited with code ${run.run.exitCode}`);
  }
  return problems;
}

async function main(): Promise<number> {
  await assertLocalhostIsIpv4Loopback();
  const runs: ModeRun[] = [];
  for (const mode of MODES) runs.push(await runMode(mode));

  const problems = runs.flatMap(findProblems);
  // The suite's own output ends with "Total: N passed, N failed", which CI reads as the test
  // summary. It was captured, so it is printed (only when useful) before our table and summary.
  for (const { mode, run, verdicts } of runs) {
    const unexpected = [...verdicts.values()].some((verdict) => verdict.unexpected);
    if (verbose || unexpected || run.exitCode !== 0) {
      process.stdout.write(`\n===== conformance CLI output (${mode}) =====\n${run.output}\n`);
    }
  }

  const verdictsOf = (mode: SessionMode) => runs.find((run) => run.mode === mode)?.verdicts;
  const scenarios = [...new Set(runs.flatMap(({ run }) => run.scenarios))];
  const rows: ResultsRow[] = scenarios.map((scenario) => ({
    scenario,
    stateful: verdictsOf('stateful')?.get(scenario),
    stateless: verdictsOf('stateless')?.get(scenario),
  }));
  process.stdout.write(`\nMCP conformance (${suite} suite), server-kit fixture server:\n\n`);
  process.stdout.write(`${formatResultsTable(rows)}\n\n`);
  for (const problem of problems) process.stdout.write(`unexpected: ${problem}\n`);
  const summary = runs.map(countOutcomes).join('; ');
  process.stdout.write(
    problems.length === 0
      ? `conformance ok: ${scenarios.length} scenarios; ${summary}\n`
      : `conformance FAILED: ${problems.length} unexpected results; ${summary}\n`,
  );
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
