import type { Command } from 'commander';

import type { SetupCognitoOptions } from '../cognito/setUpCognito.js';
import type { SetupCognitoResult } from '../cognito/setupCognitoReport.js';
import type { CommandContext } from '../commandContext.js';
import { REGION_DEFAULTS, regionOption } from './sharedOptions.js';

/**
 * Adds `agentcore-mcp setup-cognito` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addSetupCognitoCommand(program, context);
 * ```
 */
export function addSetupCognitoCommand(program: Command, context: CommandContext): void {
  program
    .command('setup-cognito')
    .description(
      'create or reuse a Cognito user pool, app client and test user; write authorizer_config.json and .agentcore-mcp/cognito-credentials.json',
    )
    .option('--pool-name <name>', 'user pool name', 'MCPServerPool')
    .option(
      '--client-name <name>',
      'app client name (the machine client adds -m2m)',
      'MCPServerPoolClient',
    )
    .option(
      '--username <name>',
      'test user, given a fresh generated password on every run',
      'testuser',
    )
    .addOption(regionOption(REGION_DEFAULTS.environment))
    .option(
      '--endpoint <url>',
      'Cognito endpoint instead of AWS, e.g. cognito-local (default: AGENTCORE_MCP_COGNITO_ENDPOINT)',
    )
    .option('--out-dir <dir>', 'where to write authorizer_config.json and .agentcore-mcp/', '.')
    .option(
      '--m2m',
      'also set up client-credentials access: domain, resource server, machine client',
    )
    .option('--json', 'print a machine-readable summary (no secrets)')
    .action(async (options: SetupCognitoOptions) => {
      await run(options, context);
    });
}

/**
 * `agentcore-mcp setup-cognito`: creates or reuses a user pool, a secret-less app client and a
 * test user with a fresh generated password (optionally the machine-to-machine set-up too), signs
 * in, and writes `authorizer_config.json` and `.agentcore-mcp/cognito-credentials.json` (0600).
 *
 * @param options - The parsed command-line options.
 * @param context - What the command runs with.
 * @returns What was set up (also printed).
 * @throws {@link CliError} `ERR_INVALID_REGION` / `ERR_INVALID_ENDPOINT` for bad options;
 *   `AwsRequestError` when a Cognito call fails.
 * @example
 * ```ts
 * await run({ region: 'us-east-1' }, context);
 * ```
 */
export async function run(
  options: SetupCognitoOptions,
  context: CommandContext,
): Promise<SetupCognitoResult> {
  const { setUpCognito } = await import('../cognito/setUpCognito.js');
  return setUpCognito(options, context);
}
