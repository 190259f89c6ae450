import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

/**
 * Connects the real MCP SDK client to a streamable HTTP endpoint and completes `initialize`.
 *
 * @param url - The MCP endpoint, e.g. `http://127.0.0.1:8000/mcp`.
 * @param headers - Extra request headers (e.g. `Authorization`).
 * @returns A connected client; close it in `finally`/`afterAll`.
 * @example
 * ```ts
 * const client = await connectMcpClient(app.url);
 * const { tools } = await client.listTools();
 * ```
 */
export async function connectMcpClient(
  url: string,
  headers: Record<string, string> = {},
): Promise<Client> {
  const client = new Client({ name: 'agentcore-mcp-tests', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }),
  );
  return client;
}
