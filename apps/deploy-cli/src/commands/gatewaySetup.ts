import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';
import type { GatewaySetupOptions, GatewaySetupResult } from '../gateway/setUpGateway.js';
import { repeatableOption } from './sharedOptions.js';

/**
 * Adds `setup` to the `gateway` command.
 *
 * @param gateway - The `gateway` command.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addGatewaySetupCommand(program.command('gateway'), context);
 * ```
 */
export function addGatewaySetupCommand(gateway: Command, context: CommandContext): void {
  gateway
    .command('setup')
    .description(
      'collect targets (flags, or prompts on a terminal), test each with MCP, write gateway.json with the authorizer',
    )
    .addOption(repeatableOption('--target <name=url>', 'an HTTP MCP server (repeatable)'))
    .addOption(
      repeatableOption(
        '--stdio <name=command>',
        "a server the gateway starts, e.g. files='node server.js' (repeatable)",
      ),
    )
    .addOption(
      repeatableOption(
        '--header <name:Header=value>',
        "a header for an HTTP target; secrets as ${VAR}, e.g. weather:Authorization='Bearer ${TOKEN}' (repeatable)",
      ),
    )
    .option('--out <file>', 'the config file to write', 'gateway.json')
    .option('--auth <file>', 'customJWTAuthorizer file (default: authorizer_config.json)')
    .option('--no-auth', 'no inbound auth: anyone who can reach the gateway can call its tools')
    .option('--create-cognito', 'run setup-cognito first and use the authorizer it writes')
    .option(
      '--region <region>',
      'AWS region for --create-cognito (default: AWS_REGION, then AWS_DEFAULT_REGION)',
    )
    .action(async (options: GatewaySetupOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp gateway setup`: collects the gateway's targets (flags, or prompts on a terminal),
 * tests each HTTP target with MCP, picks the inbound authorizer and writes our gateway's config.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns The file written and each target's test result.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for bad flags, no targets, or a missing authorizer
 *   config (saying to run setup-cognito).
 * @example
 * ```ts
 * await run({ target: ['weather=http://127.0.0.1:8001/mcp'], auth: false }, context);
 * ```
 */
export async function run(
  options: GatewaySetupOptions,
  context: CommandContext,
): Promise<GatewaySetupResult> {
  const { setUpGateway } = await import('../gateway/setUpGateway.js');
  return setUpGateway(options, context);
}
