import { CliError } from './errors.js';

/** A question with a typed answer. */
export interface InputQuestion {
  /** The question, e.g. `AWS region:`. */
  readonly message: string;
  /** The answer suggested when the user just presses Enter. Default: none. */
  readonly default?: string | undefined;
  /** Checks an answer: `true`, or what is wrong (shown, and the question is asked again). */
  readonly validate?: ((value: string) => true | string) | undefined;
}

/** A yes/no question. */
export interface ConfirmQuestion {
  readonly message: string;
  /** The answer when the user just presses Enter. Default: `true`. */
  readonly default?: boolean | undefined;
}

/** A question answered by picking one of a few choices. */
export interface SelectQuestion<TValue extends string> {
  readonly message: string;
  /** What is shown (`name`) and what is returned (`value`). */
  readonly choices: readonly { readonly name: string; readonly value: TValue }[];
}

/**
 * The questions a command may ask on a terminal. Commands ask only when `CommandContext.interactive`
 * is true; tests pass their own answers.
 */
export interface Prompts {
  /** Asks for a line of text; the answer is returned as typed (not trimmed). */
  input(question: InputQuestion): Promise<string>;
  /** Asks a yes/no question. */
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** Asks to pick one of `choices`. */
  select<TValue extends string>(question: SelectQuestion<TValue>): Promise<TValue>;
}

/**
 * Creates the terminal prompts (@inquirer/prompts, loaded on the first question). Ctrl-C at a
 * prompt becomes one clear error line instead of a crash.
 *
 * @returns The prompts.
 * @throws {@link CliError} `ERR_INVALID_INPUT` (from each question) when the user cancels with
 *   Ctrl-C.
 * @example
 * ```ts
 * const region = await createTerminalPrompts().input({ message: 'AWS region:', default: 'us-east-1' });
 * ```
 */
export function createTerminalPrompts(): Prompts {
  const load = () => import('@inquirer/prompts');
  return {
    input: async (question) => cancellable((await load()).input({ ...question })),
    confirm: async (question) => cancellable((await load()).confirm({ ...question })),
    select: async <TValue extends string>(question: SelectQuestion<TValue>) =>
      cancellable(
        (await load()).select<TValue>({
          message: question.message,
          choices: [...question.choices],
        }),
      ),
  };
}

/** Ctrl-C at a prompt (inquirer's ExitPromptError) becomes one clear line instead of a crash. */
async function cancellable<TAnswer>(prompt: Promise<TAnswer>): Promise<TAnswer> {
  try {
    return await prompt;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExitPromptError') {
      throw new CliError(
        'ERR_INVALID_INPUT',
        'Cancelled at the prompt, nothing was written: pass the values as flags to skip the prompts',
        { cause: error },
      );
    }
    throw error;
  }
}
