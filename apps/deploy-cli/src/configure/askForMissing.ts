import { DeployError } from '../deploy/deployError.js';
import type { ConfigurePrompts } from './configurePrompts.js';

/** Asks for values missing from the command line, or fails naming the flag. */
export interface MissingValueAsker {
  /** Whether prompting is possible: a terminal, and no `--non-interactive`. */
  readonly canPrompt: boolean;
  /**
   * Asks one question, or throws when prompting is not possible.
   *
   * @throws {@link DeployError} `ERR_INVALID_INPUT` "Missing <flag>" without a terminal.
   */
  ask<TAnswer>(
    flag: string,
    question: (prompts: ConfigurePrompts) => Promise<TAnswer>,
  ): Promise<TAnswer>;
}

/**
 * Creates the asker of one `configure` run. The @inquirer/prompts module is loaded only when a
 * question is actually asked, unless `prompts` is given (tests).
 *
 * @param canPrompt - A terminal is attached and `--non-interactive` was not given.
 * @param prompts - The prompts to use. Default: {@link createConfigurePrompts}.
 * @returns The asker.
 * @example
 * ```ts
 * const asker = createMissingValueAsker(false);
 * await asker.ask('--region', (p) => p.askRegion('us-east-1')); // throws: Missing --region …
 * ```
 */
export function createMissingValueAsker(
  canPrompt: boolean,
  prompts?: ConfigurePrompts,
): MissingValueAsker {
  let loaded = prompts;
  return {
    canPrompt,
    async ask(flag, question) {
      if (!canPrompt) {
        throw new DeployError(
          'ERR_INVALID_INPUT',
          `Missing ${flag}: pass it on the command line (configure prompts only on a terminal without --non-interactive)`,
        );
      }
      loaded ??= (await import('./configurePrompts.js')).createConfigurePrompts();
      return question(loaded);
    },
  };
}
