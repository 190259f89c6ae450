import type { Command } from 'commander';

import type { RefreshStoredTokenOptions } from '../cognito/refreshStoredToken.js';
import type { CommandContext } from '../commandContext.js';

/** Options of `agentcore-mcp token`. */
export interface TokenOptions extends RefreshStoredTokenOptions {
  /** `--shell`: print `export BEARER_TOKEN=<token>`. Default: just the token. */
  readonly shell?: boolean | undefined;
}

/**
 * Adds `agentcore-mcp token` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addTokenCommand(program, context);
 * ```
 */
export function addTokenCommand(program: Command, context: CommandContext): void {
  program
    .command('token')
    .description('print a fresh access token for the credentials setup-cognito stored')
    .option('--credentials <file>', 'credentials file', '.agentcore-mcp/cognito-credentials.json')
    .option(
      '--shell',
      'print export BEARER_TOKEN=<token>, for eval "$(agentcore-mcp token --shell)"',
    )
    .option('--m2m', "a client-credentials token from setup-cognito --m2m's machine client")
    .option(
      '--endpoint <url>',
      'Cognito endpoint (default: the one stored in the credentials file)',
    )
    .action(async (options: TokenOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp token`: prints a fresh access token for the credentials `setup-cognito` stored
 * (the test user's, or with `--m2m` the machine client's) and stores it back in the file.
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for a missing or broken credentials file;
 *   `AwsRequestError` when Cognito refuses or cannot be reached.
 * @example
 * ```ts
 * await run({ shell: true }, context); // prints export BEARER_TOKEN=eyJ…
 * ```
 */
export async function run(options: TokenOptions, context: CommandContext): Promise<void> {
  const { refreshStoredToken } = await import('../cognito/refreshStoredToken.js');
  const token = await refreshStoredToken(options, context);
  context.output.result(options.shell ? `export BEARER_TOKEN=${token}` : token);
}
