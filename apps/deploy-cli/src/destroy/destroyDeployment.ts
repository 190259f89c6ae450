import type { AwsContext } from '../aws/awsContext.js';
import { CliError } from '../errors.js';
import { PROJECT_CONFIG_FILE, type RuntimeProject } from '../project/projectConfig.js';
import { requireRuntime, withRuntime, writeProjectConfig } from '../project/projectConfigFile.js';
import {
  describeDestroyPlan,
  describeKeptResources,
  type DestroyPlan,
  type DestroySelection,
  planDestroy,
} from './destroyPlan.js';
import { type DestroyStep, executeDestroyPlan } from './executeDestroyPlan.js';

/** What {@link destroyDeployment} deletes and whether it asks first. */
export interface DestroyOptions extends DestroySelection {
  /** `--yes`: do not ask. Required when there is no terminal. Default: ask. */
  readonly yes?: boolean | undefined;
}

/** What `destroy` did. */
export interface DestroyResult {
  readonly plan: DestroyPlan;
  /** `false` when the user answered No (nothing was deleted). */
  readonly confirmed: boolean;
  readonly steps: readonly DestroyStep[];
}

/**
 * Plans, confirms and carries out one `agentcore-mcp destroy`: deletes the runtime (and, with the
 * `--delete-*` selection, the ECR repository, IAM roles, CodeBuild project and source archive,
 * Cognito user pool), then removes the `deployment` section from the project file. Asks first on
 * a terminal (`context.prompts`); needs `yes` otherwise. In a dry run (`context.aws.dryRun`) it
 * prints the requests and changes nothing.
 *
 * @param context - The AWS context.
 * @param runtime - The configured runtime.
 * @param options - The `--delete-*` selection and `--yes`.
 * @returns What was deleted.
 * @throws {@link CliError} `ERR_CONFIRMATION_REQUIRED` without a terminal and `--yes`;
 *   `ERR_NOT_DEPLOYED` / `ERR_NOT_CONFIGURED`; `AwsRequestError` from the first step that fails.
 * @example
 * ```ts
 * await destroyDeployment(context, runtime, { yes: true, deleteEcrRepo: true });
 * ```
 */
export async function destroyDeployment(
  context: AwsContext,
  runtime: RuntimeProject,
  options: DestroyOptions = {},
): Promise<DestroyResult> {
  const { deployment } = runtime;
  if (deployment === undefined) {
    throw new CliError(
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
  context: AwsContext,
  plan: DestroyPlan,
  options: DestroyOptions,
): Promise<boolean> {
  if (options.yes) return true;
  const items = describeDestroyPlan(plan);
  if (!context.interactive) {
    throw new CliError(
      'ERR_CONFIRMATION_REQUIRED',
      `destroy would delete ${items.join('; ')}; there is no terminal to confirm on: run again with --yes (or --dry-run to see the requests)`,
    );
  }
  context.output.result(`agentcore-mcp destroy will delete, in ${context.clients.target.region}:`);
  for (const item of items) context.output.result(`  - ${item}`);
  return context.prompts.confirm({ message: 'Delete these resources?', default: false });
}

/** Re-reads the project file (it may have changed while we waited) and drops `deployment`. */
function forgetDeployment(cwd: string, name: string): void {
  const { project, runtime } = requireRuntime(cwd, name);
  const { deployment: _deployment, ...rest } = runtime;
  writeProjectConfig(cwd, withRuntime(project, rest, false));
}
