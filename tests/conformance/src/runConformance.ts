// Runs the official MCP conformance suite against the server-kit fixture server, stateful and
// stateless, each directly and through a gateway in front of it, and prints one table of the four
// runs. Usage: node dist/runConformance.js [--verbose] [--suite active|all|pending]. Exits 1 on any
// unexpected result, including a scenario whose verdict through the gateway differs from direct.
import { setDefaultResultOrder } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { createLogger } from '@agentcore-mcp/server-kit';

import { classifyScenario, type ScenarioVerdict } from './classifyScenario.js';
import { CONFORMANCE_RUNS, type ConformanceRun } from './conformanceRuns.js';
import { findRouteMismatches } from './findRouteMismatches.js';
import { formatResultsTable } from './formatResultsTable.js';
import { readExpectedFailures } from './readExpectedFailures.js';
import { readScenarioChecks } from './readScenarioChecks.js';
import { runSuite, type SuiteRunResult } from './runSuite.js';
import { startServerUnderTest } from './startServerUnderTest.js';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join(PACKAGE_DIR, '.conformance-results');
const EXPECTED_FAILURES_FILE = join(PACKAGE_DIR, 'expected-failures.stateless.yml');

interface RunResult {
  readonly run: ConformanceRun;
  readonly suite: SuiteRunResult;
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

async function execute(run: ConformanceRun): Promise<RunResult> {
  const expectedFailuresFile = run.mode === 'stateless' ? EXPECTED_FAILURES_FILE : undefined;
  const expected = expectedFailuresFile
    ? await readExpectedFailures(expectedFailuresFile)
    : new Set<string>();
  const logger = createLogger({
    name: `conformance-${run.id}`,
    level: verbose ? 'warn' : 'silent',
  });
  const server = await startServerUnderTest(run, logger);
  const outputDir = join(RESULTS_DIR, run.id);
  await rm(outputDir, { recursive: true, force: true });
  let result: SuiteRunResult;
  try {
    result = await runSuite({
      url: `http://localhost:${server.port}/mcp`,
      suite,
      outputDir,
      ...(expectedFailuresFile ? { expectedFailuresFile } : {}),
    });
  } finally {
    await server.close();
  }
  const checks = await readScenarioChecks(outputDir);
  const verdicts = new Map(
    result.scenarios.map((scenario) => [
      scenario,
      classifyScenario(checks.get(scenario), expected.has(scenario)),
    ]),
  );
  return { run, suite: result, verdicts };
}

function countOutcomes({ run, verdicts }: RunResult): string {
  const counts = new Map<string, number>();
  for (const { outcome } of verdicts.values()) {
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  const parts = [...counts].map(([outcome, count]) => `${count} ${outcome.toLowerCase()}`);
  return `${run.label} ${parts.join(', ') || 'no scenarios'}`;
}

/** Problems that make the run fail: unexpected verdicts, and a CLI exit code that disagrees. */
function findProblems({ run, suite: result, verdicts }: RunResult): string[] {
  const problems = [...verdicts]
    .filter(([, verdict]) => verdict.unexpected)
    .map(([scenario, verdict]) =>
      verdict.outcome === 'UNEXPECTED PASS'
        ? `${run.label}: ${scenario} passes: remove it from expected-failures.stateless.yml`
        : `${run.label}: ${scenario} fails: ${verdict.message ?? 'see the output above'}`,
    );
  if (verdicts.size === 0) problems.push(`${run.label}: the conformance CLI ran no scenario`);
  if (result.exitCode !== 0 && problems.length === 0) {
    problems.push(`${run.label}: the conformance CLI exited with code ${result.exitCode}`);
  }
  return problems;
}

/** Each gateway run against the direct run of its mode: the verdicts must be the same. */
function findMismatches(results: readonly RunResult[]): string[] {
  return results
    .filter(({ run }) => run.route === 'gateway')
    .flatMap((gateway) => {
      const direct = results.find(
        ({ run }) => run.route === 'direct' && run.mode === gateway.run.mode,
      );
      return direct
        ? findRouteMismatches(direct.verdicts, gateway.verdicts).map(
            (mismatch) => `${gateway.run.label}: ${mismatch}`,
          )
        : [];
    });
}

async function main(): Promise<number> {
  await assertLocalhostIsIpv4Loopback();
  const results: RunResult[] = [];
  for (const run of CONFORMANCE_RUNS) results.push(await execute(run));

  const problems = [...results.flatMap(findProblems), ...findMismatches(results)];
  // The suite's own output ends with "Total: N passed, N failed", which CI reads as the test
  // summary. It was captured, so it is printed (only when useful) before our table and summary.
  for (const { run, suite: result, verdicts } of results) {
    const unexpected = [...verdicts.values()].some((verdict) => verdict.unexpected);
    if (verbose || unexpected || result.exitCode !== 0) {
      process.stdout.write(
        `\n===== conformance CLI output (${run.label}) =====\n${result.output}\n`,
      );
    }
  }

  const scenarios = [...new Set(results.flatMap(({ suite: result }) => result.scenarios))];
  const table = formatResultsTable(
    results.map(({ run }) => run.label),
    scenarios.map((scenario) => ({
      scenario,
      verdicts: results.map(({ verdicts }) => verdicts.get(scenario)),
    })),
  );
  process.stdout.write(
    `\nMCP conformance (${suite} suite), server-kit fixture server, direct and through the gateway:\n\n`,
  );
  process.stdout.write(`${table}\n\n`);
  for (const problem of problems) process.stdout.write(`unexpected: ${problem}\n`);
  const summary = results.map(countOutcomes).join('; ');
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
