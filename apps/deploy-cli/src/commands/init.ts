import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';
import type { InitOptions, InitResult } from '../init/runInit.js';

const INIT_HELP = `
Writes a project that builds and runs with plain npm (nothing is installed unless --install):
  server   src/server.ts (server-kit) + src/main.ts, a node:test test, tsconfig.json, Dockerfile
  gateway  gateway.json for @agentcore-mcp/gateway-service, a test, Dockerfile
Both get package.json, README.md, .gitignore and .dockerignore.

Into a new or empty directory it writes every file. Into a directory that has files already (an
existing repository) it adds only the files that do not exist yet and lists the ones it skipped;
--force overwrites them instead. It refuses (and writes nothing) when the directory already has a
package.json and --force is not given: the project would miss the template's dependencies and
scripts. On a terminal it asks for the name and template; --yes takes the defaults.

Examples:
  agentcore-mcp init my-server
  agentcore-mcp init my-gateway --template gateway --yes
  agentcore-mcp init . --name @acme/weather-server --install
`;

/**
 * Adds `agentcore-mcp init` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addInitCommand(program, context);
 * ```
 */
export function addInitCommand(program: Command, context: CommandContext): void {
  program
    .command('init')
    .description('scaffold an MCP server (or gateway) project for AgentCore that builds with npm')
    .argument('[dir]', 'the project directory, created if missing (default: the current one)')
    .option('--name <name>', "npm package name (default: the directory's name)")
    .option('--template <template>', 'server or gateway (default: server)')
    .option('--yes', 'take the defaults instead of asking')
    .option('--force', 'overwrite files that exist already instead of skipping them')
    .option('--install', 'run npm install afterwards')
    .addHelpText('after', INIT_HELP)
    .action(async (dir: string | undefined, options: Omit<InitOptions, 'dir'>) => {
      await run({ ...options, dir }, context);
    });
}

/**
 * `agentcore-mcp init [dir]`: scaffolds a server or gateway project (see `init/planInit.ts` for
 * what happens in a directory that has files already).
 *
 * @param options - The parsed command-line options and `[dir]`.
 * @param context - What the command runs with.
 * @returns What was written.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for an unknown template, a name npm would refuse, a
 *   path that is a file or an existing package.json without `--force` (nothing is written);
 *   `ERR_BUILD_FAILED` when `--install`'s `npm install` fails.
 * @example
 * ```ts
 * await run({ dir: 'my-server', template: 'server', yes: true }, context);
 * ```
 */
export async function run(options: InitOptions, context: CommandContext): Promise<InitResult> {
  const { runInit } = await import('../init/runInit.js');
  return runInit(options, context);
}
