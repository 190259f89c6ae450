import type { RuntimeProject } from '../project/projectConfig.js';
import type { DeployCommandEnvironment, DeployContext } from './deployContext.js';
import { openRuntimeContext } from './openRuntimeContext.js';
import { getRuntimeStatus, type RuntimeStatusResult } from './runtimeStatus.js';
import { formatStatusReport } from './statusReport.js';

/** Options of `agentcore-mcp status`. */
export interface StatusCommandOptions {
  /** `--name`: the runtime. Default: the project's default runtime. */
  readonly name?: string | undefined;
  /** `--region`. Default: the runtime's region in the project file. */
  readonly region?: string | undefined;
  /** `--profile`. Default: the standard credential chain. */
  readonly profile?: string | undefined;
  /** `--json`: print the status as one JSON object. Default: off. */
  readonly json?: boolean | undefined;
}

/**
 * `agentcore-mcp status`: prints the runtime's state, version, last update, failure reason,
 * protocol, authorizer type, `DEFAULT` endpoint state, ARN and invocation URL.
 *
 * @param options - The parsed command-line options.
 * @param environment - Output, working directory and environment.
 * @returns The status (also printed).
 * @throws {@link DeployError} `ERR_NOT_CONFIGURED` / `ERR_NOT_DEPLOYED`; {@link AwsRequestError}.
 * @example
 * ```ts
 * await runStatusCommand({ json: true }, { output, cwd: process.cwd(), env: process.env });
 * ```
 */
export async function runStatusCommand(
  options: StatusCommandOptions,
  environment: DeployCommandEnvironment,
): Promise<RuntimeStatusResult> {
  const { context, runtime } = openRuntimeContext(environment, options);
  return showStatus(context, runtime, options);
}

/**
 * Fetches and prints one runtime's status: the body of {@link runStatusCommand}, for tests.
 *
 * @param context - The deployment context.
 * @param runtime - The configured runtime.
 * @param options - `json`.
 * @returns The status.
 */
export async function showStatus(
  context: DeployContext,
  runtime: RuntimeProject,
  options: Pick<StatusCommandOptions, 'json'> = {},
): Promise<RuntimeStatusResult> {
  const result = await getRuntimeStatus(context, runtime);
  if (options.json) context.output.result(JSON.stringify(result, null, 2));
  else for (const line of formatStatusReport(result)) context.output.result(line);
  return result;
}
