import type { AwsContext } from '../aws/awsContext.js';
import type { RuntimeProject } from '../project/projectConfig.js';
import { getRuntimeStatus, type RuntimeStatusResult } from './runtimeStatus.js';
import { formatStatusReport } from './statusReport.js';

/**
 * Fetches and prints one runtime's status (`agentcore-mcp status`): state, version, last update,
 * failure reason, protocol, authorizer type, `DEFAULT` endpoint state, ARN and invocation URL.
 *
 * @param context - The AWS context.
 * @param runtime - The configured runtime.
 * @param options - `json`: print one JSON object instead of lines. Default: off.
 * @returns The status.
 * @throws {@link CliError} `ERR_NOT_DEPLOYED`; `AwsRequestError` when a request fails.
 * @example
 * ```ts
 * await showStatus(context, runtime, { json: true });
 * ```
 */
export async function showStatus(
  context: AwsContext,
  runtime: RuntimeProject,
  options: { readonly json?: boolean | undefined } = {},
): Promise<RuntimeStatusResult> {
  const result = await getRuntimeStatus(context, runtime);
  if (options.json) context.output.result(JSON.stringify(result, null, 2));
  else for (const line of formatStatusReport(result)) context.output.result(line);
  return result;
}
