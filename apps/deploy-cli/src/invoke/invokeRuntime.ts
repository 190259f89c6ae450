import { type Client, connectAgentCore } from '@agentcore-mcp/client';

import type { CommandContext } from '../commandContext.js';
import { CliError } from '../errors.js';
import {
  formatContent,
  formatPromptMessages,
  formatPrompts,
  formatResourceContents,
  formatResources,
  formatTools,
} from './formatInvokeResult.js';
import { type InvokeCall, parseInvokeCall } from './parseInvokeCall.js';
import { type InvokeConnectionOptions, toConnectOptions } from './toConnectOptions.js';

export { LOCAL_EMULATOR_ENDPOINT } from './toConnectOptions.js';

/** Options of `agentcore-mcp invoke`: its two arguments and its flags. */
export interface InvokeOptions extends InvokeConnectionOptions {
  /**
   * The MCP method: `tools/list`, `tools/call`, `resources/list`, `resources/read`,
   * `prompts/list` or `prompts/get`.
   */
  method: string;
  /** The tool (`tools/call`), resource URI (`resources/read`) or prompt (`prompts/get`). */
  name?: string | undefined;
  /** `--args`: the tool's or prompt's arguments as a JSON object. Default: `{}`. */
  args?: string;
  /** `--json`: print the raw MCP result. */
  json?: boolean;
}

/**
 * Calls a runtime (by ARN, through AWS or a local emulator) or an MCP URL with one MCP request —
 * `tools/list`, `tools/call NAME --args '{…}'`, `resources/list`, `resources/read URI`,
 * `prompts/list` or `prompts/get NAME --args '{…}'` — and prints a readable result (or, with
 * `--json`, the raw one) on stdout, then the MCP revision it spoke on stderr
 * (`protocol: 2026-07-28`, or `protocol: 2025-11-25` after a fallback to `initialize`), so that
 * stdout stays the result alone. Lists follow `nextCursor` to the end. A tool that reports an
 * error makes the command fail, with nothing on stderr but the error line.
 *
 * @param options - The method, the tool/URI/prompt and the flags.
 * @param context - Output, environment and working directory.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for bad options, `ERR_TOOL_FAILED` for a tool that
 *   reports an error; the client's errors (401, 403, 424…) and `ERR_SERVER_ERROR` for a JSON-RPC
 *   error (an unknown resource or prompt), each with a one-line message.
 * @example
 * ```ts
 * await invokeRuntime({ method: 'resources/read', name: 'docs://readme', url }, context);
 * ```
 */
export async function invokeRuntime(
  options: InvokeOptions,
  context: CommandContext,
): Promise<void> {
  const call = parseInvokeCall(options.method, options.name, options.args);
  const client = await connectAgentCore(toConnectOptions(options, context));
  const protocol = client.getNegotiatedProtocolVersion() ?? 'unknown';
  let reply: Reply;
  try {
    reply = await request(client, call, options.json === true);
  } finally {
    await client.close();
  }
  for (const line of reply.lines) context.output.result(line);
  if (reply.failure !== undefined) throw reply.failure;
  context.output.note(`protocol: ${protocol}`);
}

/** What to print, and the failure to report after it (a tool that reported an error). */
interface Reply {
  readonly lines: readonly string[];
  readonly failure?: CliError;
}

/** Sends the call; the reply is readable lines, or the raw result as JSON. */
async function request(client: Client, call: InvokeCall, json: boolean): Promise<Reply> {
  const reply = (value: unknown, readable: () => string[]): Reply => ({
    lines: json ? [JSON.stringify(value, null, 2)] : readable(),
  });
  switch (call.method) {
    case 'tools/list': {
      const tools = await listAll(async (cursor) => {
        const page = await client.listTools({ cursor });
        return { items: page.tools, nextCursor: page.nextCursor };
      });
      return reply(tools, () => formatTools(tools));
    }
    case 'resources/list': {
      const resources = await listAll(async (cursor) => {
        const page = await client.listResources({ cursor });
        return { items: page.resources, nextCursor: page.nextCursor };
      });
      return reply(resources, () => formatResources(resources));
    }
    case 'prompts/list': {
      const prompts = await listAll(async (cursor) => {
        const page = await client.listPrompts({ cursor });
        return { items: page.prompts, nextCursor: page.nextCursor };
      });
      return reply(prompts, () => formatPrompts(prompts));
    }
    case 'resources/read': {
      const result = await client.readResource({ uri: call.uri });
      return reply(result, () => [formatResourceContents(result.contents)]);
    }
    case 'prompts/get': {
      const result = await client.getPrompt({ name: call.name, arguments: call.args });
      return reply(result, () => formatPromptMessages(result.messages));
    }
    case 'tools/call': {
      const result = await client.callTool({ name: call.name, arguments: call.args });
      const text = formatContent(result.content);
      if (!result.isError) return reply(result, () => [text]);
      // With --json the raw result is printed too (the script asked for it), then the failure.
      return {
        lines: json ? [JSON.stringify(result, null, 2)] : [],
        failure: new CliError('ERR_TOOL_FAILED', `Tool "${call.name}" reported an error: ${text}`),
      };
    }
  }
}

/** Every item of a paginated list: follows `nextCursor` until the server stops giving one. */
async function listAll<TItem>(
  page: (
    cursor: string | undefined,
  ) => Promise<{ items: readonly TItem[]; nextCursor?: string | undefined }>,
): Promise<TItem[]> {
  const items: TItem[] = [];
  let cursor: string | undefined;
  do {
    const result = await page(cursor);
    items.push(...result.items);
    cursor = result.nextCursor;
  } while (cursor !== undefined);
  return items;
}
