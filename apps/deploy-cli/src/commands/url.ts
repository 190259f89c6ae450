import { buildInvocationUrl } from '@agentcore-mcp/core';
import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';

/** Options of `agentcore-mcp url`. */
export interface UrlOptions {
  /** The runtime ARN (`--arn`). Required. */
  readonly arn: string;
  /** The runtime endpoint name (`--qualifier`). Default: `'DEFAULT'`. */
  readonly qualifier?: string | undefined;
  /** An origin to use instead of AWS (`--endpoint`), e.g. `http://127.0.0.1:9000`. Default: AWS. */
  readonly endpoint?: string | undefined;
}

/**
 * Adds `agentcore-mcp url` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addUrlCommand(program, context);
 * ```
 */
export function addUrlCommand(program: Command, context: CommandContext): void {
  program
    .command('url')
    .description('print the invocation URL an MCP client posts to for a runtime')
    .requiredOption(
      '--arn <arn>',
      'runtime ARN, arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>',
    )
    .option('--qualifier <name>', 'runtime endpoint name', 'DEFAULT')
    .option('--endpoint <url>', 'origin to use instead of AWS, e.g. http://127.0.0.1:9000')
    .action((options: UrlOptions) => run(options, context));
}

/**
 * `agentcore-mcp url`: prints the invocation URL an MCP client posts to for a runtime.
 *
 * @param options - The parsed command-line options.
 * @param context - Where to print the URL.
 * @throws `AgentCoreMcpError` `ERR_INVALID_ARN`, `ERR_INVALID_QUALIFIER` or `ERR_INVALID_ENDPOINT`
 *   when an option is malformed.
 * @example
 * ```ts
 * run({ arn: 'arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/a-0123456789' }, context);
 * ```
 */
export function run(options: UrlOptions, context: CommandContext): void {
  context.output.result(buildInvocationUrl(options));
}
