import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { createLogger } from '@agentcore-mcp/server-kit';

import { classifyScenario } from './classifyScenario.js';
import { CONFORMANCE_RUNS, type ConformanceRun } from './conformanceRuns.js';
import { readExpectedFailures } from './readExpectedFailures.js';
import { readScenarioChecks } from './readScenarioChecks.js';
import { findMismatches, reportLeg, type RunResult } from './reportLeg.js';
import { runSuite, type SuiteRunResult } from './runSuite.js';
import { startServerUnderTest } from './startServerUnderTest.js';

/** Options of {@link runLegacyLeg}. */
export interface LegacyLegOptions {
  /** The package directory: where the expected-failures file and `.conformance-results` are. */
  readonly packageDir: string;
  /** The suite of the 0.1.13 CLI: `active`, `all` or `pending`. */
  readonly suite: string;
  /** Print the CLI's output and the servers' warnings even when all is as expected. */
  readonly verbose: boolean;
}

/**
 * The 2025-11-25 leg: the workspace's pinned conformance CLI (0.1.13, on this Node) against the
 * fixture server, stateful and stateless, each directly and through a gateway in front of it. The
 * stateless runs may fail only what `expected-failures.stateless.yml` lists; every scenario must
 * end the same way through the gateway as directly.
 *
 * @param options - The package directory, suite and verbosity.
 * @returns Whether every result was as expected (the table and summary are printed).
 */
export async function runLegacyLeg(options: LegacyLegOptions): Promise<boolean> {
  const expectedFailuresFile = join(options.packageDir, 'expected-failures.stateless.yml');
  const resultsDir = join(options.packageDir, '.conformance-results');

  async function execute(run: ConformanceRun): Promise<RunResult> {
    const runExpectedFailuresFile = run.mode === 'stateless' ? expectedFailuresFile : undefined;
    const expected = runExpectedFailuresFile
      ? await readExpectedFailures(runExpectedFailuresFile)
      : new Set<string>();
    const logger = createLogger({
      name: `conformance-${run.id}`,
      level: options.verbose ? 'warn' : 'silent',
    });
    const server = await startServerUnderTest(run, logger);
    const outputDir = join(resultsDir, run.id);
    await rm(outputDir, { recursive: true, force: true });
    let result: SuiteRunResult;
    try {
      result = await runSuite({
        url: `http://localhost:${server.port}/mcp`,
        scenarios: { suite: options.suite },
        outputDir,
        ...(runExpectedFailuresFile ? { expectedFailuresFile: runExpectedFailuresFile } : {}),
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

  const results: RunResult[] = [];
  for (const run of CONFORMANCE_RUNS) results.push(await execute(run));
  const problems = [...results.flatMap(findProblems), ...findMismatches(results)];
  reportLeg({
    heading: `MCP conformance (${options.suite} suite), server-kit fixture server, direct and through the gateway:`,
    name: 'conformance',
    results,
    problems,
    verbose: options.verbose,
  });
  return problems.length === 0;
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
