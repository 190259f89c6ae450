import { CliError, type CliErrorCode } from '../errors.js';
import type { ConfigurePrompts } from './configurePrompts.js';

/** Asks for values missing from the command line, or fails naming the flag. */
export interface MissingValueAsker {
  /** Whether prompting is possible: a terminal, and no `--non-interactive`. */
  readonly canPrompt: boolean;
  /**
   * Asks one question, or throws when prompting is not possible.
   *
   * @param flag - The flag that would have given the value, for the error.
   * @param question - The question to ask.
   * @param code - The error's code. Default: `ERR_INVALID_INPUT`.
   * @throws {@link CliError} "Missing <flag>" without a terminal.
   */
  ask<TAnswer>(
    flag: string,
    question: (prompts: ConfigurePrompts) => Promise<TAnswer>,
    code?: CliErrorCode,
  ): Promise<TAnswer>;
}

/**
 * Creates the asker of one `configure` run.
 *
 * @param canPrompt - A terminal is attached and `--non-interactive` was not given.
 * @param prompts - The questions to ask.
 * @returns The asker.
 * @example
 * ```ts
 * const asker = createMissingValueAsker(false, createConfigurePrompts(context.prompts));
 * await asker.ask('--region', (p) => p.askRegion('us-east-1')); // throws: Missing --region …
 * ```
 */
export function createMissingValueAsker(
  canPrompt: boolean,
  prompts: ConfigurePrompts,
): MissingValueAsker {
  return {
    canPrompt,
    async ask(flag, question, code = 'ERR_INVALID_INPUT') {
      if (!canPrompt) {
        throw new CliError(
          code,
          `Missing ${flag}: pass it on the command line (configure prompts only on a terminal without --non-interactive)`,
        );
      }
      return question(prompts);
    },
  };
}
