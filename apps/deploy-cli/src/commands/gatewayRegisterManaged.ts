import { type Command, Option } from 'commander';

import type { AwsCommandOptions } from '../aws/awsContext.js';
import type { CommandContext } from '../commandContext.js';
import type {
  GatewayRegisterManagedResult,
  RegisterManagedGatewayOptions,
} from '../gateway/registerManagedGateway.js';
import { TARGET_AUTH_MODES } from '../gateway/targetAuthMode.js';
import {
  addAwsOptions,
  dryRunOption,
  gatewayConfigOption,
  REGION_DEFAULTS,
  repeatableOption,
} from './sharedOptions.js';

/** Options of `agentcore-mcp gateway register-managed`. */
export type GatewayRegisterManagedOptions = AwsCommandOptions & RegisterManagedGatewayOptions;

/**
 * Adds `register-managed` to the `gateway` command.
 *
 * @param gateway - The `gateway` command.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addGatewayRegisterManagedCommand(program.command('gateway'), context);
 * ```
 */
export function addGatewayRegisterManagedCommand(gateway: Command, context: CommandContext): void {
  addAwsOptions(
    gateway
      .command('register-managed')
      .description(
        'create (or reuse) a managed AgentCore Gateway with one mcpServer target per HTTPS target of the config',
      )
      .addOption(gatewayConfigOption())
      .option('--name <name>', 'gateway name (_ becomes -)', 'agentcore-mcp-gateway')
      .option(
        '--role-arn <arn>',
        'execution role to use, never changed (default: one created for the gateway)',
      )
      .addOption(
        new Option(
          '--target-auth <mode>',
          "how the gateway authenticates to AgentCore Runtime targets: auto (the runtime's own: oauth for JWT, iam for IAM), iam, oauth",
        )
          .choices(TARGET_AUTH_MODES)
          .default('auto'),
      )
      .option(
        '--credentials <file>',
        'the M2M client of setup-cognito --m2m, for oauth runtime targets',
        '.agentcore-mcp/cognito-credentials.json',
      )
      .addOption(
        repeatableOption(
          '--target-credential <target>=<credential>',
          'an existing AgentCore Identity credential provider for a non-runtime target: <target>=api-key:<provider>[:<header>] or <target>=oauth:<provider>[:<scope>,…] (<provider>: name or ARN; repeatable)',
        ),
      )
      .option(
        '--prune',
        'delete the targets an earlier run registered that the config no longer registers (default: keep them, and say so)',
      )
      .addOption(dryRunOption()),
    REGION_DEFAULTS.recorded,
  ).action(async (options: GatewayRegisterManagedOptions) => {
    await run(options, context);
  });
}

/**
 * `agentcore-mcp gateway register-managed`: creates (or reuses) a managed AgentCore Gateway with
 * one `mcpServer` target per HTTPS target of our gateway's config (AgentCore Runtime targets with
 * outbound auth per `--target-auth`, others with none or the credential provider of
 * `--target-credential`), in `--region`, else the region an earlier run recorded, else
 * AWS_REGION.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns The gateway, its targets, and the skipped targets.
 * @throws {@link CliError} `ERR_INVALID_INPUT` / `ERR_CONFIG_INVALID` / `ERR_INVALID_REGION` /
 *   `ERR_RUNTIME_FAILED` / `ERR_TIMEOUT`; `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * await run({ config: 'gateway.json', dryRun: true }, context);
 * ```
 */
export async function run(
  options: GatewayRegisterManagedOptions,
  context: CommandContext,
): Promise<GatewayRegisterManagedResult> {
  const { openAwsContext } = await import('../aws/awsContext.js');
  const { readRecordedRegion } = await import('../gateway/managedGatewayState.js');
  const { registerManagedGateway } = await import('../gateway/registerManagedGateway.js');
  const aws = await openAwsContext(context, {
    ...options,
    fallbackRegion: readRecordedRegion(context.cwd),
  });
  return registerManagedGateway(options, aws);
}
