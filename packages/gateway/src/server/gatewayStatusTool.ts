import type { CallToolResult, Tool } from '@modelcontextprotocol/server';

/** The name of the gateway's own status tool; a target tool by this name is not exposed. */
export const GATEWAY_STATUS_TOOL_NAME = 'gateway_status';

/** The listing of the `gateway_status` tool. */
export const GATEWAY_STATUS_TOOL: Tool = {
  name: GATEWAY_STATUS_TOOL_NAME,
  title: 'Gateway status',
  description:
    'Reports the MCP gateway status: whether it is running and, per target, whether it is healthy, its last error, latency, tool count and MCP protocol version.',
  inputSchema: { type: 'object', properties: {} },
  annotations: { readOnlyHint: true, idempotentHint: true, openWorldHint: false },
};

/** The `gateway_status` result: a readable summary line plus the full status as JSON. */
export function gatewayStatusResult(status: {
  status: string;
  targets: readonly {
    name: string;
    healthy: boolean;
    toolCount: number;
    lastError: string | null;
    protocol?: { era: 'legacy' | 'modern' | null; version: string | null };
  }[];
}): CallToolResult {
  const lines = [
    `Gateway status: ${status.status}`,
    ...status.targets.map(
      (target) =>
        `- ${target.name}: ${target.healthy ? 'healthy' : 'unhealthy'}, ${target.toolCount} tools${
          target.protocol?.version ? `, MCP ${target.protocol.version}` : ''
        }${target.healthy || target.lastError === null ? '' : ` (${target.lastError})`}`,
    ),
  ];
  return {
    content: [
      { type: 'text', text: lines.join('\n') },
      { type: 'text', text: JSON.stringify(status, null, 2) },
    ],
    structuredContent: status,
  };
}
