import type { Prompts } from '../prompts.js';

/** The questions `configure` may ask on a terminal. */
export interface ConfigurePrompts {
  /** Asks for the app directory, or a file in it (`--entrypoint`). */
  askEntrypoint(): Promise<string>;
  /** Asks for the AWS region (`--region`), suggesting `suggested`. */
  askRegion(suggested: string): Promise<string>;
  /** Asks whether to use the authorizer file found in the project root (`--authorizer-config`). */
  askUseAuthorizerFile(file: string): Promise<boolean>;
}

const required = (value: string): true | string =>
  value.trim() === '' ? 'A value is required' : true;

/**
 * The questions of `configure`, asked through the command's prompts. Only ask them when stdin and
 * stdout are a terminal and `--non-interactive` was not given.
 *
 * @param prompts - The command's prompts (`CommandContext.prompts`).
 * @returns The questions; answers come back trimmed.
 * @example
 * ```ts
 * const entrypoint = await createConfigurePrompts(context.prompts).askEntrypoint();
 * ```
 */
export function createConfigurePrompts(prompts: Prompts): ConfigurePrompts {
  return {
    askEntrypoint: async () =>
      (
        await prompts.input({
          message:
            'App directory to deploy (where its package.json and Dockerfile are), or a file in it, e.g. . or src/server.ts:',
          validate: required,
        })
      ).trim(),
    askRegion: async (suggested) =>
      (
        await prompts.input({ message: 'AWS region:', default: suggested, validate: required })
      ).trim(),
    askUseAuthorizerFile: (file) =>
      prompts.confirm({
        message: `Use ${file} as the JWT authorizer? (No: callers sign with AWS credentials, IAM/SigV4)`,
        default: true,
      }),
  };
}
