import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';
import type { ConfigureOptions } from '../configure/configureRuntime.js';
import type { RuntimeProject } from '../project/projectConfig.js';
import {
  observabilityOption,
  REGION_DEFAULTS,
  regionOption,
  repeatableOption,
} from './sharedOptions.js';

/**
 * Adds `agentcore-mcp configure` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addConfigureCommand(program, context);
 * ```
 */
export function addConfigureCommand(program: Command, context: CommandContext): void {
  program
    .command('configure')
    .description(
      'validate the deployment settings of an MCP server and write them to .agentcore-mcp.yaml',
    )
    .option(
      '-e, --entrypoint <path>',
      'the app directory (with its package.json), or a file in it such as src/server.ts',
    )
    .option('-n, --name <name>', "runtime name (default: from the app's package.json or directory)")
    .option('-p, --protocol <protocol>', 'server protocol; this toolkit deploys MCP servers', 'MCP')
    .addOption(regionOption(REGION_DEFAULTS.environment, '-r, --region <region>'))
    .option(
      '--authorizer-config <json|file>',
      'customJWTAuthorizer, inline JSON or a file (default: none, IAM/SigV4 auth)',
    )
    .option('--skip-discovery-check', "do not fetch the authorizer's discovery URL (offline use)")
    .option('--request-header-allowlist <list>', 'comma-separated headers forwarded to the server')
    .addOption(
      repeatableOption(
        '--env <KEY=VALUE>',
        'container environment variable, stored in plain text (repeatable)',
      ),
    )
    .option('--allow-plaintext-env', 'accept --env names that look like secrets (KEY, TOKEN…)')
    .option('--idle-timeout <seconds>', 'idle session timeout, 60-28800 (AgentCore default 900)')
    .option('--max-lifetime <seconds>', 'session max lifetime, 60-28800 (AgentCore default 28800)')
    .addOption(observabilityOption())
    .addOption(
      repeatableOption(
        '--outbound-oauth-provider <name>',
        'AgentCore Identity OAuth2 credential provider the server takes tokens from; launch lets the execution role use it (repeatable)',
      ),
    )
    .option('--dockerfile <path>', "the Dockerfile (default: the app directory's Dockerfile)")
    .option('--default', "make this the project's default runtime")
    .option('--non-interactive', 'never prompt: a missing value is an error')
    .action(async (options: ConfigureOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp configure`: validates the deployment settings of one MCP server and writes them
 * to `.agentcore-mcp.yaml`, prompting on a terminal for what is missing. Sends no AWS request.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns The runtime written.
 * @throws {@link CliError} `ERR_INVALID_INPUT` / `ERR_INVALID_REGION`; `AgentCoreMcpError`
 *   `ERR_INVALID_RUNTIME_NAME` / `ERR_INVALID_HEADER_ALLOWLIST` / `ERR_CONFIG_INVALID`.
 * @example
 * ```ts
 * await run({ entrypoint: '.', region: 'us-east-1' }, context);
 * ```
 */
export async function run(
  options: ConfigureOptions,
  context: CommandContext,
): Promise<RuntimeProject> {
  const { configureRuntime } = await import('../configure/configureRuntime.js');
  return configureRuntime(options, context);
}
