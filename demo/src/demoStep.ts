import { AgentCoreMcpError, type ErrorCode, firstLine } from '@agentcore-mcp/core';

/** Where the demo writes its transcript. */
export type DemoOutput = (line: string) => void;

/**
 * The codes of {@link DemoStepError}: a step fails with the code of what failed in it (an
 * `AgentCoreMcpError` cause passes its code on, e.g. `ERR_PROCESS_EXITED` or `ERR_UNAUTHORIZED`),
 * `ERR_TOOL_FAILED` when a tool answered with an error, and `ERR_INTERNAL` otherwise (a failed
 * check, an unexpected error).
 */
export type DemoStepErrorCode = ErrorCode;

/** Options of the {@link DemoStepError} constructor. */
export interface DemoStepErrorOptions {
  /** Why the step failed. */
  cause: unknown;
  /** The code when the cause has none of its own. Default: `'ERR_INTERNAL'`. */
  code?: DemoStepErrorCode;
}

/**
 * A demo step that failed, and why, in one line: the first line of the cause, plus the app's own
 * `error: …` line when the cause quotes a process's output (a CLI run that failed).
 */
export class DemoStepError extends AgentCoreMcpError {
  declare readonly code: DemoStepErrorCode;

  /**
   * @param step - What the demo was doing.
   * @param options - Why it failed, and the code when the cause has none.
   */
  constructor(step: string, options: DemoStepErrorOptions) {
    const { cause } = options;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const [, ...rest] = reason.split('\n');
    const first = firstLine(reason);
    const appError = rest.findLast((line) => line.startsWith('error: '));
    const code = cause instanceof AgentCoreMcpError ? cause.code : (options.code ?? 'ERR_INTERNAL');
    super(code, `${step} failed: ${appError === undefined ? first : `${first} ${appError}`}`, {
      cause,
    });
  }
}

/**
 * Runs one demo step, turning any failure into a {@link DemoStepError} that names the step.
 *
 * @param name - What the step does, e.g. `Starting example-server`.
 * @param action - The step.
 * @returns What the step returned.
 * @throws {@link DemoStepError} naming the step (an inner step's error passes through unchanged).
 */
export async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DemoStepError) throw error;
    throw new DemoStepError(name, { cause: error });
  }
}
