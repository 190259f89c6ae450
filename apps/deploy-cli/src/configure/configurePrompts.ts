import { confirm, input } from '@inquirer/prompts';

import { DeployError } from '../deploy/deployError.js';

/** The questions `configure` may ask on a terminal; tests pass their own answers. */
export interface ConfigurePrompts {
  /** Asks for the app directory (`--entrypoint`). */
  askEntrypoint(): Promise<string>;
  /** Asks for the AWS region (`--region`), suggesting `suggested`. */
  askRegion(suggested: string): Promise<string>;
  /** Asks whether to use the authorizer file found in the project root (`--authorizer-config`). */
  askUseAuthorizerFile(file: string): Promise<boolean>;
}

const required = (value: string): true | string =>
  value.trim() === '' ? 'A value is required' : true;

/**
 * Creates the terminal prompts of `configure` (@inquirer/prompts). Only call them when stdin and
 * stdout are a terminal and `--non-interactive` was not given.
 *
 * @returns The prompts.
 * @example
 * ```ts
 * const entrypoint = await createConfigurePrompts().askEntrypoint();
 * ```
 */
export function createConfigurePrompts(): ConfigurePrompts {
  return {
    askEntrypoint: async () =>
      (
        await cancellable(
          input({
            message: 'App directory to deploy (with its Dockerfile), e.g. apps/example-server:',
            validate: required,
          }),
        )
      ).trim(),
    askRegion: async (suggested) =>
      (
        await cancellable(input({ message: 'AWS region:', default: suggested, validate: required }))
      ).trim(),
    askUseAuthorizerFile: (file) =>
      cancellable(
        confirm({
          message: `Use ${file} as the JWT authorizer? (No: callers sign with AWS credentials, IAM/SigV4)`,
          default: true,
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
      throw new DeployError(
        'ERR_INVALID_INPUT',
        'Cancelled at the prompt, nothing was written: pass the values as flags to skip the prompts',
        { cause: error },
      );
    }
    throw error;
  }
}
