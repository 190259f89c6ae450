import type { ScenarioVerdict } from './classifyScenario.js';
import type { ConformanceRun } from './conformanceRuns.js';
import { findRouteMismatches } from './findRouteMismatches.js';
import { formatResultsTable } from './formatResultsTable.js';
import type { SuiteRunResult } from './runSuite.js';

/** One run of a leg: what the CLI did, and the verdict on each scenario it ran. */
export interface RunResult {
  readonly run: ConformanceRun;
  readonly suite: SuiteRunResult;
  readonly verdicts: ReadonlyMap<string, ScenarioVerdict>;
}

/** What {@link reportLeg} prints. */
export interface LegReport {
  /** The line above the table, e.g. `MCP conformance (active suite), … :`. */
  readonly heading: string;
  /** How the closing line starts: `<name> ok: …` or `<name> FAILED: …`. */
  readonly name: string;
  readonly results: readonly RunResult[];
  /** The unexpected results, one line each; none means the leg passed. */
  readonly problems: readonly string[];
  /** Print the CLI's output even when every result is as expected. */
  readonly verbose: boolean;
}

/** `direct stateless 30 pass, 2 expected fail`: the outcomes of one run, counted. */
function countOutcomes({ run, verdicts }: RunResult): string {
  const counts = new Map<string, number>();
  for (const { outcome } of verdicts.values()) {
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  const parts = [...counts].map(([outcome, count]) => `${count} ${outcome.toLowerCase()}`);
  return `${run.label} ${parts.join(', ') || 'no scenarios'}`;
}

/**
 * Each gateway run against the direct run of its mode: the verdicts must be the same.
 *
 * @param results - The runs of one leg.
 * @returns One line per scenario that ends differently through the gateway.
 */
export function findMismatches(results: readonly RunResult[]): string[] {
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

/**
 * Prints a leg's results: the CLI output of each run that needs a look (or all, when verbose), then
 * the table with a column per run, the unexpected results and one closing line. The suite's own
 * output ends with "Total: N passed, N failed", which CI reads as the test summary, so it is
 * printed before our table and summary, never after.
 *
 * @param report - The leg's heading, name, runs, problems and verbosity.
 */
export function reportLeg(report: LegReport): void {
  const { results, problems } = report;
  for (const { run, suite, verdicts } of results) {
    const unexpected = [...verdicts.values()].some((verdict) => verdict.unexpected);
    if (report.verbose || unexpected || suite.exitCode !== 0) {
      process.stdout.write(
        `\n===== conformance CLI output (${run.label}) =====\n${suite.output}\n`,
      );
    }
  }

  const scenarios = [...new Set(results.flatMap(({ suite }) => suite.scenarios))];
  const table = formatResultsTable(
    results.map(({ run }) => run.label),
    scenarios.map((scenario) => ({
      scenario,
      verdicts: results.map(({ verdicts }) => verdicts.get(scenario)),
    })),
  );
  process.stdout.write(`\n${report.heading}\n\n`);
  process.stdout.write(`${table}\n\n`);
  for (const problem of problems) process.stdout.write(`unexpected: ${problem}\n`);
  const summary = results.map(countOutcomes).join('; ');
  process.stdout.write(
    problems.length === 0
      ? `${report.name} ok: ${scenarios.length} scenarios; ${summary}\n`
      : `${report.name} FAILED: ${problems.length} unexpected results; ${summary}\n`,
  );
}
