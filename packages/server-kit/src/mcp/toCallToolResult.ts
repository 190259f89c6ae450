import { AgentCoreMcpError, toJsonRpcError } from '@agentcore-mcp/core';
import type { CallToolResult } from '@modelcontextprotocol/server';

import type { CompiledTool } from './compileTools.js';
import { formatZodIssues } from './formatZodIssues.js';

/**
 * Turns what a tool handler returned into a `CallToolResult`: strings into one text block, a full
 * result (with `content`) as is, structured output validated against the output shape and sent as
 * both `structuredContent` and JSON text, anything else as JSON text.
 *
 * @throws `JsonRpcError` -32603 (internal error, `data.code` `ERR_INTERNAL`) when the value breaks the tool's own output schema (a server bug).
 */
export function toCallToolResult(tool: CompiledTool, value: unknown): CallToolResult {
  if (isCallToolResult(value)) return value;
  if (tool.outputSchema) {
    const parsed = tool.outputSchema.safeParse(value);
    if (!parsed.success) {
      throw toJsonRpcError(
        new AgentCoreMcpError(
          'ERR_INTERNAL',
          `Tool "${tool.definition.name}" returned output that breaks its output schema: ${formatZodIssues(parsed.error)}`,
        ),
      );
    }
    return {
      content: [{ type: 'text', text: JSON.stringify(parsed.data) }],
      structuredContent: parsed.data,
    };
  }
  if (value === undefined || value === null) return { content: [] };
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { content: [{ type: 'text', text }] };
}

function isCallToolResult(value: unknown): value is CallToolResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { content?: unknown }).content)
  );
}
