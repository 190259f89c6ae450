import { type AwsCommandOptions, type AwsContext, openAwsContext } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type { ProjectConfig, RuntimeProject } from '../project/projectConfig.js';
import { requireRuntime } from '../project/projectConfigFile.js';

/** What a command that works on one configured runtime starts from. */
export interface OpenedRuntime {
  /** The command's context with AWS opened in the runtime's region (or `--region`). */
  readonly context: AwsContext;
  readonly project: ProjectConfig;
  readonly runtime: RuntimeProject;
}

/**
 * Reads the project file, picks the runtime (`--name` or the default) and opens AWS in the
 * runtime's region (unless `--region` says otherwise).
 *
 * @param context - The command's context.
 * @param options - `--name`, `--region`, `--profile`, `--dry-run`.
 * @returns The AWS context, the project and the runtime.
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` when there is no such runtime,
 *   `ERR_INVALID_REGION` when no region is known.
 * @example
 * ```ts
 * const { context: aws, runtime } = await openRuntime(context, { name: 'example_server' });
 * ```
 */
export async function openRuntime(
  context: CommandContext,
  options: AwsCommandOptions & { readonly name?: string | undefined },
): Promise<OpenedRuntime> {
  const { project, runtime } = requireRuntime(context.cwd, options.name);
  const aws = await openAwsContext(context, { ...options, fallbackRegion: runtime.region });
  return { context: aws, project, runtime };
}
