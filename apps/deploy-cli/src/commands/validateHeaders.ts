import { parseHeaderAllowlist } from '@agentcore-mcp/core';
import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';

/** The arguments of `agentcore-mcp validate-headers`. */
export interface ValidateHeadersOptions {
  /** The header names from the command line; each may itself be a comma-separated list. */
  readonly headers: readonly string[];
}

/**
 * Adds `agentcore-mcp validate-headers LIST…` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addValidateHeadersCommand(program, context);
 * ```
 */
export function addValidateHeadersCommand(program: Command, context: CommandContext): void {
  program
    .command('validate-headers')
    .description('check a request header allowlist and print it back, comma-separated')
    .argument(
      '<headers...>',
      'header names, comma- or space-separated, e.g. Authorization,X-Api-Key',
    )
    .action((headers: string[]) => run({ headers }, context));
}

/**
 * `agentcore-mcp validate-headers LIST…`: checks a request header allowlist and prints it back
 * normalized (trimmed, comma-separated).
 *
 * @param options - The header names, e.g. `['Authorization,X-Api-Key']`.
 * @param context - Where to print the normalized list.
 * @throws `AgentCoreMcpError` `ERR_INVALID_HEADER_ALLOWLIST` naming the header and the rule.
 * @example
 * ```ts
 * run({ headers: ['Authorization, X-Api-Key'] }, context); // prints Authorization,X-Api-Key
 * ```
 */
export function run(options: ValidateHeadersOptions, context: CommandContext): void {
  context.output.result(parseHeaderAllowlist(options.headers.join(',')).join(','));
}
