import type { ConformanceCheck } from './readScenarioChecks.js';

/**
 * How one scenario ended against what was expected of it. `NOT SCORED`: the scenario runs but the
 * spec revision under test does not require it (an extension, or pending in the suite itself).
 */
export type ScenarioOutcome = 'PASS' | 'FAIL' | 'EXPECTED FAIL' | 'UNEXPECTED PASS' | 'NOT SCORED';

/** A scenario's outcome, whether it breaks the run, and the first error it reported. */
export interface ScenarioVerdict {
  readonly outcome: ScenarioOutcome;
  /** True for `FAIL` and `UNEXPECTED PASS`: the run must exit non-zero. */
  readonly unexpected: boolean;
  /** The first failing check's error message, if it failed (or why it is not scored). */
  readonly message: string | undefined;
}

const isFailing = (check: ConformanceCheck) =>
  check.status === 'FAILURE' || check.status === 'WARNING';

/**
 * Classifies a scenario the way the CLI's `--expected-failures` mode does: it failed when any check
 * is a FAILURE or a WARNING (or it wrote no checks at all); a listed scenario that fails is
 * expected, an unlisted one is not, and a listed one that passes is a stale baseline entry. When
 * only some checks are listed (the 0.2 CLI's `scenario:check-id` entries), the scenario fails
 * unexpectedly on any other failing check, and a listed check that now succeeds is stale.
 *
 * @param checks - The scenario's checks; `undefined` when it wrote none (it crashed).
 * @param expected - `true` when the whole scenario is listed in the expected-failures file, else
 *   the ids of its listed checks (`false` or `[]`: nothing is expected to fail).
 * @returns The verdict.
 */
export function classifyScenario(
  checks: readonly ConformanceCheck[] | undefined,
  expected: boolean | readonly string[],
): ScenarioVerdict {
  if (checks === undefined) {
    const message = 'no checks.json was written (the scenario crashed; run with --verbose)';
    return expected === true
      ? { outcome: 'EXPECTED FAIL', unexpected: false, message }
      : { outcome: 'FAIL', unexpected: true, message };
  }
  if (typeof expected !== 'boolean') return classifyByCheck(checks, expected);
  const failing = checks.find(isFailing);
  if (failing) {
    const message = describeFailure(failing);
    return expected
      ? { outcome: 'EXPECTED FAIL', unexpected: false, message }
      : { outcome: 'FAIL', unexpected: true, message };
  }
  return expected
    ? { outcome: 'UNEXPECTED PASS', unexpected: true, message: undefined }
    : { outcome: 'PASS', unexpected: false, message: undefined };
}

function classifyByCheck(
  checks: readonly ConformanceCheck[],
  expectedChecks: readonly string[],
): ScenarioVerdict {
  const worst = worstPerCheck(checks);
  const failing = worst.filter(isFailing);
  const unexpected = failing.find((check) => !expectedChecks.includes(check.id));
  if (unexpected) {
    return { outcome: 'FAIL', unexpected: true, message: describeFailure(unexpected) };
  }
  const stale = expectedChecks.filter(
    (id) => worst.find((check) => check.id === id)?.status === 'SUCCESS',
  );
  if (stale.length > 0) {
    return {
      outcome: 'UNEXPECTED PASS',
      unexpected: true,
      message: `listed check${stale.length > 1 ? 's' : ''} now pass${stale.length > 1 ? '' : 'es'}: ${stale.join(', ')}`,
    };
  }
  const [first] = failing;
  return first
    ? { outcome: 'EXPECTED FAIL', unexpected: false, message: describeFailure(first) }
    : { outcome: 'PASS', unexpected: false, message: undefined };
}

/**
 * One check per id, its worst status (FAILURE > WARNING > SUCCESS), as the CLI judges a check that
 * a scenario reports more than once; INFO checks are dropped.
 */
function worstPerCheck(checks: readonly ConformanceCheck[]): ConformanceCheck[] {
  const rank = (status: ConformanceCheck['status']) =>
    status === 'FAILURE' ? 3 : status === 'WARNING' ? 2 : status === 'SUCCESS' ? 1 : 0;
  const byId = new Map<string, ConformanceCheck>();
  for (const check of checks) {
    if (check.status === 'INFO') continue;
    const seen = byId.get(check.id);
    if (seen === undefined || rank(check.status) >= rank(seen.status)) byId.set(check.id, check);
  }
  return [...byId.values()];
}

function describeFailure(check: ConformanceCheck): string {
  if (check.errorMessage !== undefined) return check.errorMessage;
  const detail = check.details?.message;
  return `${check.status}: ${typeof detail === 'string' ? detail : check.description}`;
}
