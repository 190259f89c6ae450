import { AgentCoreMcpError, JsonRpcError, toJsonRpcError } from '@agentcore-mcp/core';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from 'pino';

import { ToolError } from '../definitions/toolError.js';
import type { CompiledTools } from './compileTools.js';
import { createToolContext } from './createToolContext.js';
import { formatZodIssues } from './formatZodIssues.js';
import type { SessionState } from './sessionState.js';
import { toCallToolResult } from './toCallToolResult.js';

/** How a tools/call ended, as written to the request log. */
export type ToolCallOutcome = 'ok' | 'tool_error' | 'error' | 'unknown_tool' | 'invalid_params';

/**
 * Installs `tools/list` (the precompiled listing) and `tools/call` on a low-level SDK server.
 * Unknown tools (`ERR_NOT_FOUND`) and invalid arguments (`ERR_INVALID_INPUT`) are JSON-RPC errors
 * (-32602, through core's wire table) that name the problem; failures
 * inside a tool are `isError` results the model can read. Each call writes one log line.
 */
export function installToolHandlers(
  server: Server,
  tools: CompiledTools,
  { state, logger }: { state: SessionState; logger: Logger },
): void {
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: tools.listing }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const started = performance.now();
    const name = request.params.name;
    const finish = (outcome: ToolCallOutcome, error?: unknown) => {
      const durationMs = Math.round((performance.now() - started) * 100) / 100;
      const fields = { rpcMethod: 'tools/call', tool: name, durationMs, outcome };
      if (outcome === 'error') logger.error({ ...fields, err: error }, 'tool failed unexpectedly');
      else logger.info(fields, 'tools/call');
    };

    const tool = tools.byName.get(name);
    if (!tool) {
      finish('unknown_tool');
      throw toJsonRpcError(
        new AgentCoreMcpError(
          'ERR_NOT_FOUND',
          `Unknown tool "${name}": call tools/list to see the ${tools.listing.length} available tools`,
        ),
      );
    }
    const parsed = tool.inputSchema.safeParse(request.params.arguments ?? {});
    if (!parsed.success) {
      finish('invalid_params');
      throw toJsonRpcError(
        new AgentCoreMcpError(
          'ERR_INVALID_INPUT',
          `Invalid arguments for tool "${name}": ${formatZodIssues(parsed.error)}`,
        ),
      );
    }

    let value: unknown;
    try {
      value = await tool.definition.handler(parsed.data, createToolContext(extra, state, name));
    } catch (error) {
      if (error instanceof McpError || error instanceof JsonRpcError) {
        finish('error', error);
        throw error;
      }
      const expected = error instanceof ToolError;
      finish(expected ? 'tool_error' : 'error', error);
      const message = error instanceof Error ? error.message : String(error);
      return { content: [{ type: 'text', text: message }], isError: true };
    }
    let result: CallToolResult;
    try {
      result = toCallToolResult(tool, value);
    } catch (error) {
      finish('error', error);
      throw error;
    }
    finish(result.isError ? 'tool_error' : 'ok');
    return result;
  });
}
