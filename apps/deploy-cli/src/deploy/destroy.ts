import { PROJECT_CONFIG_FILE, type RuntimeProject } from '../project/projectConfig.js';
import { requireRuntime, withRuntime, writeProjectConfig } from '../project/projectConfigFile.js';
import type { DeployCommandEnvironment, DeployContext } from './deployContext.js';
import { DeployError } from './deployError.js';
import {
  describeDestroyPlan,
  describeKeptResources,
  type DestroyPlan,
  type DestroySelection,
  planDestroy,
} from './destroyPlan.js';
import { type DestroyStep, executeDestroyPlan } from './executeDestroyPlan.js';
import { openRuntimeContext } from './openRuntimeContext.js';

/** Options of `agentcore-mcp destroy`. */
export interface DestroyCommandOptions extends DestroySelection {
  /** `--name`: the runtime. Default: the project's default runtime. */
  readonly name?: string | undefined;
  /** `--region`. Default: the runtime's region in the project file. */
  readonly region?: string | undefined;
  /** `--profile`. Default: the standard credential chain. */
  readonly profile?: string | undefined;
  /** `--yes`: do not ask. Required when there is no terminal. Default: ask. */
  readonly yes?: boolean | undefined;
  /** `--dry-run`: print the requests as JSON, send none, change nothing. Default: off. */
  readonly dryRun?: boolean | undefined;
}

/** What {@link destroyDeployment} takes besides the command-line options. */
export interface DestroyRunOptions extends DestroyCommandOptions {
  /** Asks the y/N question. Default: an `@inquirer/prompts` confirm defaulting to No. */
  readonly confirm?: ((message: string) => Promise<boolean>) | undefined;
}

/** What `destroy` did. */
export interface DestroyResult {
  readonly plan: DestroyPlan;
  /** `false` when the user answered No (nothing was deleted). */
  readonly confirmed: boolean;
  readonly steps: readonly DestroyStep[];
}

/**
 * `agentcore-mcp destroy`: deletes the runtime (and, with `--delete-*`, the ECR repository, IAM
 * roles, CodeBuild project and source archive, Cognito user pool), then removes the `deployment`
 * section from the project file. Asks first on a terminal; needs `--yes` otherwise.
 *
 * @param options - The parsed command-line options.
 * @param environment - Output, working directory and environment.
 * @returns What was deleted.
 * @throws {@link DeployError} `ERR_CONFIRMATION_REQUIRED` without a terminal and `--yes`;
 *   `ERR_NOT_CONFIGURED` / `ERR_NOT_DEPLOYED`; {@link AwsRequestError}.
 * @example
 * ```ts
 * await runDestroyCommand({ yes: true, deleteEcrRepo: true }, { output, cwd: process.cwd(), env: process.env });
 * ```
 */
export async function runDestroyCommand(
  options: DestroyCommandOptions,
  environment: DeployCommandEnvironment,
): Promise<DestroyResult> {
  const { context, runtime } = openRuntimeContext(environment, options);
  return destroyDeployment(context, runtime, options);
}

/**
 * Plans, confirms and carries out one `destroy`: the body of {@link runDestroyCommand}.
 *
 * @param context - The deployment context (`aws.dryRun` for `--dry-run`).
 * @param runtime - The configured runtime.
 * @param options - The flags, and the confirmation prompt for tests.
 * @returns What was deleted.
 */
export async function destroyDeployment(
  context: DeployContext,
  runtime: RuntimeProject,
  options: DestroyRunOptions = {},
): Promise<DestroyResult> {
  const { deployment } = runtime;
  if (deployment === undefined) {
    throw new DeployError(
      'ERR_NOT_DEPLOYED',
      `${runtime.name} has no deployment in ${PROJECT_CONFIG_FILE} (never launched, or already destroyed): nothing to destroy`,
    );
  }
  const region = context.clients.target.region;
  const plan = planDestroy({ cwd: context.cwd, region, runtime, deployment }, options);
  if (!context.aws.dryRun && !(await confirmDestroy(context, plan, options))) {
    context.output.result('Nothing deleted.');
    return { plan, confirmed: false, steps: [] };
  }
  const steps = await executeDestroyPlan(context, plan);
  if (context.aws.dryRun) {
    context.output.result(JSON.stringify(context.aws.requests, null, 2));
    return { plan, confirmed: true, steps };
  }
  forgetDeployment(context.cwd, runtime.name);
  context.output.result(`Removed the deployment of ${runtime.name} from ${PROJECT_CONFIG_FILE}`);
  const kept = describeKeptResources(plan);
  if (kept.length > 0) context.output.result(`Kept: ${kept.join(', ')}`);
  return { plan, confirmed: true, steps };
}

async function confirmDestroy(
  context: DeployContext,
  plan: DestroyPlan,
  options: DestroyRunOptions,
): Promise<boolean> {
  if (options.yes) return true;
  const items = describeDestroyPlan(plan);
  if (!context.interactive) {
    throw new DeployError(
      'ERR_CONFIRMATION_REQUIRED',
      `destroy would delete ${items.join('; ')}; there is no terminal to confirm on: run again with --yes (or --dry-run to see the requests)`,
    );
  }
  context.output.result(`agentcore-mcp destroy will delete, in ${context.clients.target.region}:`);
  for (const item of items) context.output.result(`  - ${item}`);
  return (options.confirm ?? askYesNo)('Delete these resources?');
}

async function askYesNo(message: string): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  return confirm({ message, default: false });
}

/** Re-reads the project file (it may have changed while we waited) and drops `deployment`. */
function forgetDeployment(cwd: string, name: string): void {
  const { project, runtime } = requireRuntime(cwd, name);
  const { deployment: _deployment, ...rest } = runtime;
  writeProjectConfig(cwd, withRuntime(project, rest, false));
}
