import type { Command } from 'commander';

import type { CommandContext } from '../commandContext.js';
import type { InvokeOptions } from '../invoke/invokeRuntime.js';
import { repeatableOption } from './sharedOptions.js';

/**
 * Adds `agentcore-mcp invoke METHOD [TARGET]` to the program.
 *
 * @param program - The program.
 * @param context - What the command runs with.
 * @example
 * ```ts
 * addInvokeCommand(program, context);
 * ```
 */
export function addInvokeCommand(program: Command, context: CommandContext): void {
  program
    .command('invoke')
    .description(
      "call a runtime over MCP: tools/list, tools/call NAME --args '{…}', resources/list, resources/read URI, prompts/list, prompts/get NAME --args '{…}'",
    )
    .argument(
      '<method>',
      'tools/list, tools/call, resources/list, resources/read, prompts/list or prompts/get',
    )
    .argument(
      '[target]',
      'the tool (tools/call), resource URI (resources/read) or prompt (prompts/get)',
    )
    .option('--arn <arn>', 'runtime ARN (AWS, or the emulator with --local/--endpoint)')
    .option('--url <url>', 'a plain MCP endpoint URL instead of an ARN')
    .option('--qualifier <name>', 'runtime endpoint name', 'DEFAULT')
    .option('--endpoint <url>', 'send ARN requests here instead of AWS')
    .option('--local', 'use the local emulator (agentcore-mcp local) on http://127.0.0.1:9000')
    .option(
      '--args <json>',
      'tool or prompt arguments as a JSON object (prompt arguments are strings)',
      '{}',
    )
    .option('--token <token>', 'bearer token (default: env BEARER_TOKEN)')
    .option(
      '--credentials <file>',
      "setup-cognito's credentials file; tokens are refreshed as needed",
    )
    .option('--sigv4', 'sign with your AWS credentials (IAM-authorized runtimes)')
    .option('--region <region>', 'SigV4 region when it is not in the ARN')
    .addOption(repeatableOption('--header <name:value>', 'extra request header (repeatable)'))
    .option('--user-id <id>', 'sends X-Amzn-Bedrock-AgentCore-Runtime-User-Id')
    .option(
      '--protocol <era>',
      "MCP era: auto (2026-07-28 if the server offers it, else 2025), legacy (2025's initialize) or 2026-07-28",
      'auto',
    )
    .option('--json', 'print the raw MCP result (for lists: every item) as JSON')
    .action(
      (method: string, name: string | undefined, options: Omit<InvokeOptions, 'method' | 'name'>) =>
        run({ ...options, method, name }, context),
    );
}

/**
 * `agentcore-mcp invoke`: calls a runtime (by ARN, through AWS or a local emulator) or an MCP URL
 * with `tools/list`, `tools/call NAME --args '{…}'`, `resources/list`, `resources/read URI`,
 * `prompts/list` or `prompts/get NAME --args '{…}'`, in the MCP era `--protocol` asks for, printing
 * a readable result (or JSON) on stdout and the revision it spoke on stderr.
 *
 * @param options - The method, the tool, resource URI or prompt, and the flags.
 * @param context - What the command runs with.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for bad options, `ERR_TOOL_FAILED` when the tool
 *   reports an error; the client's one-line errors for HTTP and JSON-RPC failures (an unknown
 *   resource or prompt) and for `--protocol 2026-07-28` against a 2025-only server.
 * @example
 * ```ts
 * await run({ method: 'tools/list', url: 'http://127.0.0.1:8000/mcp' }, context);
 * ```
 */
export async function run(options: InvokeOptions, context: CommandContext): Promise<void> {
  const { invokeRuntime } = await import('../invoke/invokeRuntime.js');
  await invokeRuntime(options, context);
}
