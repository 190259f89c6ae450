import type { AwsCommandOptions, AwsContext } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type { RuntimeStatusResult } from '../runtime/runtimeStatus.js';
import { AWS_CHECK, checkAwsCredentials, openDoctorAws } from './checkAwsCredentials.js';
import { checkDiscovery, DISCOVERY_CHECK } from './checkDiscovery.js';
import { checkMcpEndpoint, MCP_ENDPOINT_CHECK, type McpEndpointAuth } from './checkMcpEndpoint.js';
import { checkProject, PROJECT_CHECK } from './checkProject.js';
import { checkRuntimeReady, RUNTIME_CHECK } from './checkRuntimeReady.js';
import { checkToken, TOKEN_CHECK } from './checkToken.js';
import { type DoctorCheck, formatDoctorCheck, skipped } from './doctorCheck.js';
import { type DoctorTokenOptions, findTokenSource } from './findTokenSource.js';

/** Options of `agentcore-mcp doctor`. */
export interface DoctorOptions
  extends DoctorTokenOptions, Pick<AwsCommandOptions, 'region' | 'profile'> {
  /** `--name`: the runtime. Default: the project's default. */
  readonly name?: string | undefined;
  /** `--endpoint`: send the MCP requests here instead of AWS (e.g. the local emulator). */
  readonly endpoint?: string | undefined;
}

/** Every check, in order, and whether all of them passed or were skipped for a reason. */
export interface DoctorReport {
  readonly checks: readonly DoctorCheck[];
  /** `false` when at least one check failed. */
  readonly ok: boolean;
}

/**
 * Runs the doctor's checks in order and prints one line for each as it finishes: the project
 * file, AWS credentials (STS), the authorizer's discovery URL, the token, the runtime READY, and
 * which MCP eras the endpoint serves (`server/discover` for 2026-07-28, `initialize` for 2025). A check whose prerequisite failed is skipped, with the reason.
 * Ends with a summary line.
 *
 * @param options - `--name`, `--region`, `--profile`, `--token`, `--credentials`, `--endpoint`.
 * @param environment - The command's context.
 * @returns The checks; `ok` is `false` when any failed (the CLI then exits with 1).
 * @example
 * ```ts
 * const { ok } = await runDoctor({}, context);
 * ```
 */
export async function runDoctor(
  options: DoctorOptions,
  environment: CommandContext,
): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  const record = (check: DoctorCheck): boolean => {
    checks.push(check);
    environment.output.result(formatDoctorCheck(check));
    return check.status === 'pass';
  };

  const { check: projectCheck, runtime } = checkProject(environment.cwd, options.name);
  record(projectCheck);

  const opened = await openDoctorAws(environment, options, runtime?.region);
  const context = 'context' in opened ? opened.context : undefined;
  if ('check' in opened) record(opened.check);
  const awsOk = context !== undefined && record(await checkAwsCredentials(context));

  const authorizer = runtime?.authorizer?.customJWTAuthorizer;
  const needsProject = `needs the ${PROJECT_CHECK} check`;
  const iamAuth = 'the runtime uses IAM (SigV4) auth, not a JWT authorizer';
  let token: string | undefined;
  if (runtime === undefined || authorizer === undefined) {
    const reason = runtime === undefined ? needsProject : iamAuth;
    record(skipped(DISCOVERY_CHECK, reason));
    record(skipped(TOKEN_CHECK, reason));
  } else if (!record(await checkDiscovery(authorizer))) {
    record(skipped(TOKEN_CHECK, `needs the ${DISCOVERY_CHECK}`));
  } else {
    const result = await checkToken(authorizer, findTokenSource(options, environment));
    record(result.check);
    token = result.token;
  }

  let status: RuntimeStatusResult | undefined;
  if (runtime === undefined) record(skipped(RUNTIME_CHECK, needsProject));
  else if (context === undefined || !awsOk) record(skipped(RUNTIME_CHECK, `needs ${AWS_CHECK}`));
  else {
    const result = await checkRuntimeReady(context, runtime);
    record(result.check);
    status = result.status;
  }

  if (status === undefined || context === undefined) {
    record(skipped(MCP_ENDPOINT_CHECK, 'needs a READY runtime'));
  } else {
    const auth = chooseAuth(status, { token, context });
    if (typeof auth === 'string') record(skipped(MCP_ENDPOINT_CHECK, auth));
    else {
      record(await checkMcpEndpoint({ arn: status.runtimeArn, endpoint: options.endpoint, auth }));
    }
  }

  const failures = checks.filter((check) => check.status === 'fail').length;
  environment.output.result(
    failures === 0
      ? 'No problems found.'
      : `${failures} ${failures === 1 ? 'check' : 'checks'} failed: fix the first ✗ above, then run agentcore-mcp doctor again.`,
  );
  return { checks, ok: failures === 0 };
}

/** The deployed runtime's own auth type decides: a verified token, or SigV4 with our credentials. */
function chooseAuth(
  status: RuntimeStatusResult,
  input: { token: string | undefined; context: AwsContext },
): McpEndpointAuth | string {
  if (status.authorizer === 'IAM') {
    const { sts, target } = input.context.clients;
    return { sigv4: { region: target.region, credentials: () => sts.config.credentials() } };
  }
  return input.token === undefined
    ? `the runtime has a JWT authorizer and needs a valid ${TOKEN_CHECK}`
    : { token: input.token };
}
