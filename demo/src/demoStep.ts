/** Where the demo writes its transcript. */
export type DemoOutput = (line: string) => void;

/**
 * A demo step that failed, and why, in one line: the first line of the cause, plus the app's own
 * `error: …` line when the cause quotes a process's output (an app that exited before listening).
 */
export class DemoStepError extends Error {
  /** @param step - What the demo was doing. @param cause - Why it failed. */
  constructor(step: string, options: { cause: unknown }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    const [first = reason, ...rest] = reason.split('\n');
    const appError = rest.findLast((line) => line.startsWith('error: '));
    super(`${step} failed: ${appError === undefined ? first : `${first} ${appError}`}`, options);
    this.name = 'DemoStepError';
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
