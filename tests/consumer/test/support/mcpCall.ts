import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

/** The protocol era a call is made in: MCP 2026-07-28 (stateless) or 2025 (`initialize`). */
export type McpEra = 'modern' | 'legacy';

/** What one connection to an MCP endpoint saw. */
export interface McpCallResult {
  /** The revision the client and server agreed on, e.g. `2026-07-28` or `2025-11-25`. */
  readonly protocolVersion: string | undefined;
  /** The names `tools/list` returned. */
  readonly tools: readonly string[];
  /** The text of the called tool's first content block. */
  readonly text: string;
}

/**
 * Connects the MCP SDK v2 client to an endpoint in one era, lists its tools and calls one. The
 * modern era is pinned (`server/discover`, then stateless requests; no fallback), the legacy one
 * is the 2025 `initialize` handshake.
 *
 * @param url - e.g. `http://127.0.0.1:41234/mcp`.
 * @param era - The protocol era.
 * @param call - The tool to call and its arguments.
 * @returns The agreed revision, the tool names and the call's text.
 */
export async function listAndCall(
  url: string,
  era: McpEra,
  call: { name: string; arguments: Record<string, unknown> },
): Promise<McpCallResult> {
  const client = new Client(
    { name: 'consumer-test', version: '1.0.0' },
    { versionNegotiation: { mode: era === 'modern' ? { pin: '2026-07-28' } : 'legacy' } },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  try {
    const { tools } = await client.listTools();
    const result = await client.callTool(call);
    const [first] = result.content as { type: string; text?: string }[];
    return {
      protocolVersion: client.getNegotiatedProtocolVersion(),
      tools: tools.map((tool) => tool.name),
      text: first?.text ?? '',
    };
  } finally {
    await client.close();
  }
}
