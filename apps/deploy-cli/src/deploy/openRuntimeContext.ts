import type { ProjectConfig, RuntimeProject } from '../project/projectConfig.js';
import { requireRuntime } from '../project/projectConfigFile.js';
import {
  type AwsCommandOptions,
  createDeployContext,
  type DeployCommandEnvironment,
  type DeployContext,
} from './deployContext.js';

/** What a command that works on one configured runtime starts from. */
export interface RuntimeCommandStart {
  readonly context: DeployContext;
  readonly project: ProjectConfig;
  readonly runtime: RuntimeProject;
}

/**
 * Reads the project file, picks the runtime (`--name` or the default) and builds the deployment
 * context in the runtime's region (unless `--region` says otherwise).
 *
 * @param environment - Output, working directory and environment from `cli.ts`.
 * @param options - `--name`, `--region`, `--profile`, `--dry-run`.
 * @returns The context, the project and the runtime.
 * @throws {@link DeployError} `ERR_NOT_CONFIGURED` when there is no such runtime.
 * @example
 * ```ts
 * const { context, runtime } = openRuntimeContext(environment, { name: 'example_server' });
 * ```
 */
export function openRuntimeContext(
  environment: DeployCommandEnvironment,
  options: AwsCommandOptions & { readonly name?: string | undefined },
): RuntimeCommandStart {
  const { project, runtime } = requireRuntime(environment.cwd, options.name);
  const context = createDeployContext(environment, { ...options, projectRegion: runtime.region });
  return { context, project, runtime };
}
