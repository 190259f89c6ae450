import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/** What one session with an MCP endpoint saw. */
export interface McpCallResult {
  /** The names `tools/list` returned. */
  readonly tools: readonly string[];
  /** The text of the called tool's first content block. */
  readonly text: string;
}

/**
 * Connects the MCP SDK client to an endpoint, lists its tools and calls one.
 *
 * @param url - e.g. `http://127.0.0.1:41234/mcp`.
 * @param name - The tool to call.
 * @param args - Its arguments.
 * @returns The tool names and the call's text.
 */
export async function listAndCall(
  url: string,
  name: string,
  args: Record<string, unknown>,
): Promise<McpCallResult> {
  const client = new Client({ name: 'consumer-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  try {
    const { tools } = await client.listTools();
    const result = await client.callTool({ name, arguments: args });
    const [first] = result.content as { type: string; text?: string }[];
    return { tools: tools.map((tool) => tool.name), text: first?.text ?? '' };
  } finally {
    await client.close();
  }
}
