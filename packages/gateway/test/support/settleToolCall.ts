import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

/** How one tools/call ended: its text, or the JSON-RPC error the client received. */
export type SettledToolCall =
  | { readonly ok: true; readonly text: string; readonly isError: boolean }
  | {
      readonly ok: false;
      readonly code: number;
      /** The wire message (without the SDK's `MCP error <code>: ` prefix). */
      readonly message: string;
      readonly data: unknown;
    };

/**
 * Calls a tool and reports how it ended instead of throwing: JSON-RPC errors become
 * `{ ok: false, code, message, data }`; anything else (a transport failure) is rethrown.
 */
export async function settleToolCall(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<SettledToolCall> {
  try {
    const result = await client.callTool({ name, arguments: args });
    const content = Array.isArray(result.content) ? (result.content as { text?: unknown }[]) : [];
    const text = content
      .map((block) => (typeof block.text === 'string' ? block.text : ''))
      .join('');
    return { ok: true, text, isError: result.isError === true };
  } catch (error) {
    if (!(error instanceof McpError)) throw error;
    return {
      ok: false,
      code: error.code,
      message: error.message.replace(/^MCP error -?\d+: /, ''),
      data: error.data,
    };
  }
}
