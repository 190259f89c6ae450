import { AwsRequestError } from '../errors.js';

/** How one doctor check ended: passed, failed, or skipped because an earlier one failed. */
export type DoctorCheckStatus = 'pass' | 'fail' | 'skip';

/** One line of `agentcore-mcp doctor`. */
export interface DoctorCheck {
  /** What was checked, e.g. `AWS credentials`. */
  readonly name: string;
  readonly status: DoctorCheckStatus;
  /** What was found (pass, fail), or why the check did not run (skip). */
  readonly detail: string;
  /** For a failure: the fix, in a few words. */
  readonly fix?: string | undefined;
}

const MARKS: Readonly<Record<DoctorCheckStatus, string>> = { pass: '✓', fail: '✗', skip: '–' };

/**
 * A check that passed.
 *
 * @param name - What was checked.
 * @param detail - What was found.
 * @example
 * ```ts
 * passed('AWS credentials', 'arn:aws:iam::123456789012:user/dev in us-east-1');
 * ```
 */
export function passed(name: string, detail: string): DoctorCheck {
  return { name, status: 'pass', detail };
}

/**
 * A check that failed, with its fix.
 *
 * @param name - What was checked.
 * @param detail - What is wrong.
 * @param fix - What to do, in a few words.
 * @example
 * ```ts
 * failed('token', 'expired 3 min ago', 'run agentcore-mcp token');
 * ```
 */
export function failed(name: string, detail: string, fix: string): DoctorCheck {
  return { name, status: 'fail', detail, fix };
}

/**
 * A check that did not run.
 *
 * @param name - What would have been checked.
 * @param reason - Why not, e.g. `needs AWS credentials`.
 * @example
 * ```ts
 * skipped('runtime READY', 'needs AWS credentials');
 * ```
 */
export function skipped(name: string, reason: string): DoctorCheck {
  return { name, status: 'skip', detail: reason };
}

/**
 * Formats a check as its one output line: `✓ name: detail`, `✗ name: detail; fix: …` or
 * `– name: skipped, reason`.
 *
 * @param check - The check.
 * @returns The line, without a newline.
 * @example
 * ```ts
 * formatDoctorCheck(skipped('token', 'the runtime uses IAM (SigV4) auth')); // '– token: skipped, the runtime uses IAM (SigV4) auth'
 * ```
 */
export function formatDoctorCheck(check: DoctorCheck): string {
  const mark = MARKS[check.status];
  switch (check.status) {
    case 'pass': {
      return `${mark} ${check.name}: ${check.detail}`;
    }
    case 'fail': {
      return `${mark} ${check.name}: ${check.detail}${check.fix ? `; fix: ${check.fix}` : ''}`;
    }
    case 'skip': {
      return `${mark} ${check.name}: skipped, ${check.detail}`;
    }
  }
}

/**
 * A failed check from what a step threw: an AWS failure shows what failed as the detail and its
 * hint as the fix; anything else shows its message and `fallbackFix`.
 *
 * @param name - What was checked.
 * @param error - The caught value.
 * @param fallbackFix - The fix when the error carries none.
 * @returns The failed check.
 * @example
 * ```ts
 * return failedWithError(AWS_CHECK, error, 'check your AWS credentials');
 * ```
 */
export function failedWithError(name: string, error: unknown, fallbackFix: string): DoctorCheck {
  if (error instanceof AwsRequestError) return failed(name, error.summary, error.hint);
  return failed(name, errorMessage(error), fallbackFix);
}

/**
 * The message of anything thrown, on one line.
 *
 * @param error - The caught value.
 * @returns The message.
 * @example
 * ```ts
 * errorMessage(new Error('a\n b')); // 'a b'
 * ```
 */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
