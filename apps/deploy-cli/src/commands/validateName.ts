import { assertRuntimeName } from '@agentcore-mcp/core';
import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';

/** The argument of `agentcore-mcp validate-name`. */
export interface ValidateNameOptions {
  /** The proposed runtime name. */
  readonly name: string;
}

/**
 * Adds `agentcore-mcp validate-name NAME` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addValidateNameCommand(program, context);
 * ```
 */
export function addValidateNameCommand(program: Command, context: CommandContext): void {
  program
    .command('validate-name')
    .description('check an AgentCore runtime name and print it back')
    .argument('<name>', 'proposed runtime name, e.g. weather_server')
    .action(async (name: string) => {
      await run({ name }, context);
    });
}

/**
 * `agentcore-mcp validate-name NAME`: checks a runtime name, and that `configure` would accept it
 * (every AWS name derived from it is valid: no trailing `_`, no `__`), and prints it back, so
 * scripts can use `name=$(agentcore-mcp validate-name "$name")`.
 *
 * @param options - The proposed name.
 * @param context - Where to print the name.
 * @throws `AgentCoreMcpError` / `CliError` `ERR_INVALID_RUNTIME_NAME` with a suggested
 *   valid name.
 * @example
 * ```ts
 * await run({ name: 'weather_server' }, context); // prints weather_server
 * ```
 */
export async function run(options: ValidateNameOptions, context: CommandContext): Promise<void> {
  assertRuntimeName(options.name);
  const { assertDeployableRuntimeName } = await import('../aws/deployableRuntimeName.js');
  // The names derived from a runtime name break AWS's rules in every region or in none.
  assertDeployableRuntimeName(options.name, 'us-east-1');
  context.output.result(options.name);
}
