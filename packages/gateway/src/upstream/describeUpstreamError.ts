import { firstLine } from '@agentcore-mcp/core';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

/** Whether `error` says the upstream forgot our MCP session (HTTP 404): re-initialize and retry. */
export function isSessionExpired(error: unknown): boolean {
  return error instanceof StreamableHTTPError && error.code === 404;
}

/** Whether `error` is a JSON-RPC error the upstream server answered (not a transport failure). */
export function isUpstreamRpcError(error: unknown): error is McpError {
  return (
    error instanceof McpError &&
    error.code !== (ErrorCode.ConnectionClosed as number) &&
    error.code !== (ErrorCode.RequestTimeout as number)
  );
}

/** Whether `error` is the SDK's request timeout. */
export function isTimeout(error: unknown): boolean {
  return error instanceof McpError && error.code === (ErrorCode.RequestTimeout as number);
}

/** Longer descriptions are cut to this many characters, so a message stays one readable line. */
const MAX_LENGTH = 300;

/**
 * One line describing why talking to an upstream failed, without the SDK's "MCP error -32000:"
 * prefix and with the network cause (e.g. `ECONNREFUSED 127.0.0.1:8001`) when fetch hides it.
 */
export function describeUpstreamError(error: unknown): string {
  if (error instanceof StreamableHTTPError) {
    return `HTTP ${error.code}: ${shortLine(error.message.replace(/^Streamable HTTP error: /, ''))}`;
  }
  if (error instanceof McpError) return shortLine(stripMcpPrefix(error.message));
  if (error instanceof Error) {
    const cause = error.cause as { message?: unknown } | undefined;
    if (typeof cause?.message === 'string' && cause.message !== '') {
      return `${shortLine(error.message)}: ${shortLine(cause.message)}`;
    }
    return shortLine(error.message);
  }
  return shortLine(String(error));
}

/** The SDK prefixes McpError messages with "MCP error <code>: "; the wire message has no prefix. */
export function stripMcpPrefix(message: string): string {
  return message.replace(/^MCP error -?\d+: /, '');
}

/** Core's `firstLine`, cut to {@link MAX_LENGTH} characters. */
function shortLine(text: string): string {
  const line = firstLine(text);
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 3)}...` : line;
}
