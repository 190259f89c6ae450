import { AgentCoreMcpError, JsonRpcError, toJsonRpcError } from '@agentcore-mcp/core';
import {
  type CallToolResult,
  type InputRequiredResult,
  isInputRequiredResult,
  ProtocolError,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type { Logger } from 'pino';

import type { ClientInfo } from '../definitions/toolContext.js';
import { ToolError } from '../definitions/toolError.js';
import type { CompiledTools } from './compileTools.js';
import { createToolContext, type RequestHeaders } from './createToolContext.js';
import { formatZodIssues } from './formatZodIssues.js';
import { type InputRounds, runInRounds } from './inputRounds.js';
import type { RequestStateCodec } from './requestStateCodec.js';
import type { SessionState } from './sessionState.js';
import { toCallToolResult } from './toCallToolResult.js';

/** How a tools/call ended, as written to the request log. */
export type ToolCallOutcome =
  'ok' | 'tool_error' | 'error' | 'unknown_tool' | 'invalid_params' | 'input_required';

/** What one tools/call runs with besides the request. */
export interface ToolCallScope {
  readonly tools: CompiledTools;
  readonly state: SessionState;
  readonly logger: Logger;
  /** Set on 2026-07-28 requests: asking the client for input then uses multi round-trip requests. */
  readonly requestState: RequestStateCodec | undefined;
  /** The calling client, as tools see it in `context.client`. */
  readonly client: ClientInfo;
  /** The request's HTTP headers. */
  readonly headers: RequestHeaders;
}

/** The `params` of a tools/call request. */
export interface ToolCallParams {
  readonly name: string;
  readonly arguments?: Record<string, unknown> | undefined;
}

/**
 * Answers one `tools/call`, whoever carried it (the SDK's handler, or server-kit's fast lane).
 * Unknown tools (`ERR_NOT_FOUND`) and invalid arguments (`ERR_INVALID_INPUT`) are JSON-RPC errors
 * (-32602, through core's wire table) that name the problem; failures inside a tool are `isError`
 * results the model can read. On 2026-07-28 requests a tool that asks the client for input ends
 * its round with an `input_required` result. Each call writes one log line.
 *
 * @param params - The request's `name` and `arguments`.
 * @param ctx - The request's context (the SDK's, or one built to its shape).
 * @param scope - The tools, session state, logger, requestState codec, client and headers.
 * @returns The tool's result, or `input_required`.
 * @throws {@link JsonRpcError} for an unknown tool or invalid arguments; a `ProtocolError` or
 * `JsonRpcError` thrown by the tool is passed on.
 */
export async function callTool(
  params: ToolCallParams,
  ctx: ServerContext,
  scope: ToolCallScope,
): Promise<CallToolResult | InputRequiredResult> {
  const { tools, state, logger, requestState } = scope;
  const started = performance.now();
  const name = params.name;
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
  const parsed = tool.inputSchema.safeParse(params.arguments ?? {});
  if (!parsed.success) {
    finish('invalid_params');
    throw toJsonRpcError(
      new AgentCoreMcpError(
        'ERR_INVALID_INPUT',
        `Invalid arguments for tool "${name}": ${formatZodIssues(parsed.error)}`,
      ),
    );
  }

  const run = (rounds?: InputRounds) =>
    Promise.resolve(
      tool.definition.handler(
        parsed.data,
        createToolContext(ctx, {
          client: scope.client,
          headers: scope.headers,
          state,
          loggerName: name,
          rounds,
        }),
      ),
    );
  let value: unknown;
  try {
    value = requestState
      ? await runInRounds(
          ctx,
          {
            codec: requestState,
            request: { method: 'tools/call', target: name, arguments: params.arguments },
          },
          run,
        )
      : await run();
  } catch (error) {
    if (error instanceof ProtocolError || error instanceof JsonRpcError) {
      finish('error', error);
      throw error;
    }
    const expected = error instanceof ToolError;
    finish(expected ? 'tool_error' : 'error', error);
    const message = error instanceof Error ? error.message : String(error);
    return { content: [{ type: 'text', text: message }], isError: true };
  }
  if (isInputRequiredResult(value)) {
    finish('input_required');
    return value satisfies InputRequiredResult;
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
}
