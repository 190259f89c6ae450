import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';
import type { LocalOptions } from '../local/serveLocalRuntimes.js';
import { repeatableOption } from './sharedOptions.js';

/**
 * Adds `agentcore-mcp local` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addLocalCommand(program, context);
 * ```
 */
export function addLocalCommand(program: Command, context: CommandContext): void {
  program
    .command('local')
    .description(
      'run a local AgentCore Runtime emulator: /runtimes/<ARN>/invocations mapped to local MCP servers',
    )
    .addOption(
      repeatableOption(
        '--runtime <arn=url>',
        'a runtime ARN and the local MCP server it maps to (repeatable)',
      ),
    )
    .addOption(
      repeatableOption(
        '--start <arn=command>',
        'a server command to start (HOST=127.0.0.1, a free PORT) and map to the ARN (repeatable)',
      ),
    )
    .option(
      '--name <name>',
      "without --runtime/--start: the runtime of .agentcore-mcp.yaml to start (default: the project's default)",
    )
    .option('--qualifier <name>', 'endpoint name the runtimes answer on', 'DEFAULT')
    .option(
      '--authorizer-config <json|file>',
      "customJWTAuthorizer to enforce (as setup-cognito writes it; default: the project runtime's)",
    )
    .option('--request-header-allowlist <list>', 'comma-separated headers forwarded to the servers')
    .option('--host <address>', 'address to bind', '127.0.0.1')
    .option('--port <port>', 'port to bind', '9000')
    .action(async (options: LocalOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp local`: runs the local AgentCore Runtime emulator until Ctrl-C (SIGINT) or
 * SIGTERM, mapping runtime ARNs to MCP servers on this machine (`--runtime`, or `--start` to start
 * them). Without either, in a project with `.agentcore-mcp.yaml`, it starts the project's runtime
 * under the ARN `dev` uses (the deployed one, else one with a placeholder account).
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for bad options, `ERR_LISTEN_FAILED` when the port
 *   is taken; `AgentCoreMcpError` `ERR_INVALID_ARN` / `ERR_INVALID_HEADER_ALLOWLIST`.
 * @example
 * ```ts
 * await run({ runtime: [`${arn}=http://127.0.0.1:8000/mcp`] }, context);
 * ```
 */
export async function run(options: LocalOptions, context: CommandContext): Promise<void> {
  const { serveLocalRuntimes } = await import('../local/serveLocalRuntimes.js');
  await serveLocalRuntimes(options, context);
}
