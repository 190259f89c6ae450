import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

import { createLogger } from '@agentcore-mcp/server-kit';

import { classifyScenario, type ScenarioVerdict } from './classifyScenario.js';
import {
  type ConformanceRun,
  MODERN_CONFORMANCE_RUNS,
  MODERN_GATEWAY_RUN_ENABLED,
} from './conformanceRuns.js';
import {
  installModernConformance,
  MODERN_CONFORMANCE_VERSION,
} from './installModernConformance.js';
import { expectedFailuresOf, readExpectedFailures } from './readExpectedFailures.js';
import { readRequiredScenarios, type RequiredScenarios } from './readRequiredScenarios.js';
import { type ConformanceCheck, readScenarioChecks } from './readScenarioChecks.js';
import { findMismatches, reportLeg, type RunResult } from './reportLeg.js';
import { runSuite, type SuiteRunResult } from './runSuite.js';
import { startServerUnderTest } from './startServerUnderTest.js';

/** The MCP revision of this leg. */
export const MODERN_REVISION = '2026-07-28';

/** Options of {@link runModernLeg}. */
export interface ModernLegOptions {
  /** The package directory: where the expected-failures file and `.conformance-results` are. */
  readonly packageDir: string;
  /** Print the CLI's output and the servers' warnings even when all is as expected. */
  readonly verbose: boolean;
}

/**
 * The 2026-07-28 leg: `conformance server --requirements 2026-07-28` (0.2.0-alpha.12, on Node 22)
 * against the fixture server, directly (and through a gateway when
 * {@link MODERN_GATEWAY_RUN_ENABLED}). Every scenario the revision requires must pass, or fail as
 * `expected-failures.2026-07-28.yml` lists it (whole scenarios, or single checks as
 * `scenario:check-id`); the scenarios the CLI runs without scoring them are reported only.
 *
 * @param options - The package directory and verbosity.
 * @returns Whether every result was as expected (the table and summary are printed).
 * @throws {@link Error} when the CLI cannot be installed or its files cannot be read.
 */
export async function runModernLeg(options: ModernLegOptions): Promise<boolean> {
  const cli = await installModernConformance();
  const required = await readRequiredScenarios(cli.requirementsFile(MODERN_REVISION));
  const expectedFailuresFile = join(options.packageDir, `expected-failures.${MODERN_REVISION}.yml`);
  const expected = await readExpectedFailures(expectedFailuresFile);
  const fileName = basename(expectedFailuresFile);
  const resultsDir = join(options.packageDir, '.conformance-results', MODERN_REVISION);

  const judge = (scenario: string, checks: ConformanceCheck[] | undefined): ScenarioVerdict => {
    const reason = required.notScored.get(scenario);
    if (!required.scored.has(scenario)) return notScored(checks, reason ?? 'not scored');
    return classifyScenario(checks, expectedFailuresOf(expected, scenario));
  };

  async function execute(run: ConformanceRun): Promise<RunResult> {
    const logger = createLogger({
      name: `conformance-${MODERN_REVISION}-${run.id}`,
      level: options.verbose ? 'warn' : 'silent',
    });
    const server = await startServerUnderTest(run, logger);
    const outputDir = join(resultsDir, run.id);
    await rm(outputDir, { recursive: true, force: true });
    let result: SuiteRunResult;
    try {
      result = await runSuite({
        url: `http://localhost:${server.port}/mcp`,
        scenarios: { requirements: MODERN_REVISION },
        outputDir,
        expectedFailuresFile,
        cli,
      });
    } finally {
      await server.close();
    }
    const checks = await readScenarioChecks(outputDir);
    const verdicts = new Map(
      result.scenarios.map((scenario) => [scenario, judge(scenario, checks.get(scenario))]),
    );
    return { run, suite: result, verdicts };
  }

  const results: RunResult[] = [];
  for (const run of MODERN_CONFORMANCE_RUNS) results.push(await execute(run));
  const problems = [
    ...findStaleEntries(expected, required, fileName),
    ...results.flatMap((result) => findProblems(result, required, fileName)),
    ...findMismatches(results),
  ];
  const routes = MODERN_GATEWAY_RUN_ENABLED
    ? 'directly and through the gateway'
    : 'directly (gateway run off: MODERN_GATEWAY_RUN_ENABLED)';
  reportLeg({
    heading: `MCP conformance, requirements ${MODERN_REVISION} (conformance ${MODERN_CONFORMANCE_VERSION} on Node 22), server-kit fixture server, ${routes}:`,
    name: `conformance ${MODERN_REVISION}`,
    results,
    problems,
    verbose: options.verbose,
  });
  return problems.length === 0;
}

/** A scenario the revision does not require: reported, never a reason to fail. */
function notScored(checks: ConformanceCheck[] | undefined, reason: string): ScenarioVerdict {
  const verdict = classifyScenario(checks, false);
  return {
    outcome: 'NOT SCORED',
    unexpected: false,
    message:
      verdict.outcome === 'PASS'
        ? `${reason}; passes`
        : `${reason}; fails: ${verdict.message ?? 'see the output'}`,
  };
}

/** Entries of the expected-failures file that can never match: not a scenario the revision scores. */
function findStaleEntries(
  expected: ReadonlySet<string>,
  required: RequiredScenarios,
  fileName: string,
): string[] {
  return [...expected]
    .filter((entry) => !required.scored.has(entry.split(':')[0] ?? entry))
    .map(
      (entry) =>
        `${fileName} lists ${entry}, which is not a scenario ${MODERN_REVISION} scores: remove it`,
    );
}

/**
 * Problems that make the run fail: unexpected verdicts, required scenarios that did not run, and a
 * CLI exit code that disagrees (it applies the same expected-failures file to the scored scenarios).
 */
function findProblems(
  { run, suite: result, verdicts }: RunResult,
  required: RequiredScenarios,
  fileName: string,
): string[] {
  const problems = [...verdicts]
    .filter(([, verdict]) => verdict.unexpected)
    .map(([scenario, verdict]) =>
      verdict.outcome === 'UNEXPECTED PASS'
        ? `${run.label}: ${scenario} passes${verdict.message ? ` (${verdict.message})` : ''}: remove it from ${fileName}`
        : `${run.label}: ${scenario} fails: ${verdict.message ?? 'see the output above'}`,
    );
  const missing = [...required.scored].filter((scenario) => !verdicts.has(scenario));
  if (missing.length > 0) {
    problems.push(`${run.label}: required scenarios did not run: ${missing.join(', ')}`);
  }
  if (result.exitCode !== 0 && problems.length === 0) {
    problems.push(`${run.label}: the conformance CLI exited with code ${result.exitCode}`);
  }
  return problems;
}
