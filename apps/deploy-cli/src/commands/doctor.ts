import { createDeployContext, type DeployCommandEnvironment } from '../deploy/deployContext.js';
import { type DoctorOptions, type DoctorReport, runDoctor } from '../doctor/runDoctor.js';

/** Options of `agentcore-mcp doctor`. */
export interface DoctorCommandOptions extends DoctorOptions {
  /** `--region`. Default: the runtime's region in the project, then AWS_REGION. */
  readonly region?: string | undefined;
  /** `--profile`. Default: AWS_PROFILE, then the standard credential chain. */
  readonly profile?: string | undefined;
}

/**
 * `agentcore-mcp doctor`: checks, one line each, the project file, AWS credentials, the
 * authorizer's discovery URL, the token, that the runtime is READY, and that it answers MCP
 * `initialize`; skips what depends on a failed check. Sends only read requests.
 *
 * @param options - The parsed command-line options.
 * @param environment - Output, working directory and environment from `cli.ts`.
 * @returns The report; the CLI exits with 1 when `ok` is false.
 * @example
 * ```ts
 * const { ok } = await runDoctorCommand({}, { output, cwd: process.cwd(), env: process.env });
 * ```
 */
export function runDoctorCommand(
  options: DoctorCommandOptions,
  environment: DeployCommandEnvironment,
): Promise<DoctorReport> {
  return runDoctor(options, {
    ...environment,
    openContext: (projectRegion) =>
      createDeployContext(environment, {
        region: options.region,
        profile: options.profile,
        projectRegion,
      }),
  });
}
