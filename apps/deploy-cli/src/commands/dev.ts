import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';
import type { DevOptions } from '../dev/runDev.js';

const DEV_HELP = `
What runs:
  a server project   src/main.ts (or --entry) with Node.js; TypeScript through the project's own
                     tsx (node --import tsx), so tsx must be in its devDependencies
  a gateway project  (gateway.json and @agentcore-mcp/gateway-service in package.json)
                     agentcore-mcp-gateway --config gateway.json
It listens on 127.0.0.1 and a free port (env HOST and PORT), with the runtime's configured
environment. dev watches src/ and package.json, tsconfig.json or gateway.json, and restarts it on
the same port when they change; requests sent meanwhile wait for it. A crash at the first start
is an error (exit 1); a crash later is reported, and the next change starts it again.

In front of it: the local AgentCore Runtime emulator (as in agentcore-mcp local), serving the
runtime's ARN: the one launch recorded, else one built from the name and region in
.agentcore-mcp.yaml (or, without it, from package.json and AWS_REGION) with the placeholder
account 123456789012. It enforces the runtime's JWT authorizer. --local-auth replaces that with a
local Cognito (needs: npm install -D cognito-local@5.3.0) and prints a token.
Restart dev after changing .agentcore-mcp.yaml.
`;

/**
 * Adds `agentcore-mcp dev` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addDevCommand(program, context);
 * ```
 */
export function addDevCommand(program: Command, context: CommandContext): void {
  program
    .command('dev')
    .description(
      "run the project's server behind the local AgentCore emulator, restarting it on change",
    )
    .option('--name <name>', "runtime in .agentcore-mcp.yaml (default: the project's default)")
    .option('--entry <file>', 'the server entry (default: src/main.ts)')
    .option('--port <port>', "the emulator's port on 127.0.0.1 (0: a free one)", '9000')
    .option('--local-auth', 'check tokens from a local Cognito (cognito-local) and print one')
    .addHelpText('after', DEV_HELP)
    .action(async (options: DevOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp dev`: the project's server behind the local AgentCore Runtime emulator, restarted
 * on change, until Ctrl-C (then exit code 0).
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` when the server fails at its first start,
 *   `ERR_NOT_CONFIGURED` when there is nothing to run or a dependency is missing,
 *   `ERR_LISTEN_FAILED` when the port is taken.
 * @example
 * ```ts
 * await run({ port: '0' }, context);
 * ```
 */
export async function run(options: DevOptions, context: CommandContext): Promise<void> {
  const { runDev } = await import('../dev/runDev.js');
  await runDev(options, context);
}
