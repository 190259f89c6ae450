import type { ConformanceCheck } from './readScenarioChecks.js';

/** How one scenario ended against what was expected of it. */
export type ScenarioOutcome = 'PASS' | 'FAIL' | 'EXPECTED FAIL' | 'UNEXPECTED PASS';

/** A scenario's outcome, whether it breaks the run, and the first error it reported. */
export interface ScenarioVerdict {
  readonly outcome: ScenarioOutcome;
  /** True for `FAIL` and `UNEXPECTED PASS`: the run must exit non-zero. */
  readonly unexpected: boolean;
  /** The first failing check's error message, if it failed. */
  readonly message: string | undefined;
}

/**
 * Classifies a scenario the way the CLI's `--expected-failures` mode does: it failed when any check
 * is a FAILURE or a WARNING (or it wrote no checks at all); a listed scenario that fails is
 * expected, an unlisted one is not, and a listed one that passes is a stale baseline entry.
 *
 * @param checks - The scenario's checks; `undefined` when it wrote none (it crashed).
 * @param expectedToFail - Whether the scenario is listed in the expected-failures file.
 * @returns The verdict.
 */
export function classifyScenario(
  checks: readonly ConformanceCheck[] | undefined,
  expectedToFail: boolean,
): ScenarioVerdict {
  const failing = checks?.find((check) => check.status === 'FAILURE' || check.status === 'WARNING');
  const failed = checks === undefined || failing !== undefined;
  const message =
    checks === undefined
      ? 'no checks.json was written (the scenario crashed; run with --verbose)'
      : failing && describeFailure(failing);
  if (failed) {
    return expectedToFail
      ? { outcome: 'EXPECTED FAIL', unexpected: false, message }
      : { outcome: 'FAIL', unexpected: true, message };
  }
  return expectedToFail
    ? { outcome: 'UNEXPECTED PASS', unexpected: true, message: undefined }
    : { outcome: 'PASS', unexpected: false, message: undefined };
}

function describeFailure(check: ConformanceCheck): string {
  if (check.errorMessage !== undefined) return check.errorMessage;
  const detail = check.details?.message;
  return `${check.status}: ${typeof detail === 'string' ? detail : check.description}`;
}
