import { firstLine } from '@agentcore-mcp/core';
import { ProtocolError, SdkError, SdkErrorCode, SdkHttpError } from '@modelcontextprotocol/client';

/** Whether `error` says the upstream forgot our MCP session (HTTP 404): re-initialize and retry. */
export function isSessionExpired(error: unknown): boolean {
  return error instanceof SdkHttpError && error.status === 404;
}

/**
 * Whether `error` says a target that was spoken to in MCP 2026-07-28 no longer understands it: an
 * HTTP 400, 404 or 405 whose body is no JSON-RPC answer to the request (a 2026-07-28 server
 * answers every refusal with one). Its era is probed again and the request sent once more.
 */
export function isEraStale(error: unknown): boolean {
  return error instanceof SdkHttpError && [400, 404, 405].includes(error.status);
}

/** Whether `error` is a JSON-RPC error the upstream server answered (not a transport failure). */
export function isUpstreamRpcError(error: unknown): error is ProtocolError {
  return error instanceof ProtocolError;
}

/** Whether `error` is the SDK's request timeout. */
export function isTimeout(error: unknown): boolean {
  return error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout;
}

/** Longer descriptions are cut to this many characters, so a message stays one readable line. */
const MAX_LENGTH = 300;

/**
 * One line describing why talking to an upstream failed, without the SDK's "MCP error -32000:"
 * prefix and with the network cause (e.g. `ECONNREFUSED 127.0.0.1:8001`) when fetch hides it.
 *
 * @param error - What the SDK client or a transport threw.
 * @returns The line, at most 300 characters.
 * @example
 * ```ts
 * describeUpstreamError(new SdkHttpError(SdkErrorCode.ClientHttpNotImplemented, 'Error POSTing to endpoint: Bad Gateway', { status: 502 }));
 * // 'HTTP 502: Error POSTing to endpoint: Bad Gateway'
 * ```
 */
export function describeUpstreamError(error: unknown): string {
  if (error instanceof SdkHttpError) return `HTTP ${error.status}: ${shortLine(error.message)}`;
  if (error instanceof ProtocolError) return shortLine(stripMcpPrefix(error.message));
  if (error instanceof Error) {
    const cause = rootCauseMessage(error);
    return cause === undefined || error.message.includes(cause)
      ? shortLine(error.message)
      : `${shortLine(error.message)}: ${shortLine(cause)}`;
  }
  return shortLine(String(error));
}

/**
 * The SDK prefixes JSON-RPC error messages with "MCP error <code>: "; the wire message has none.
 *
 * @param message - An error's message.
 * @returns The message without the prefix.
 * @example
 * ```ts
 * stripMcpPrefix('MCP error -32602: Unknown tool'); // 'Unknown tool'
 * ```
 */
export function stripMcpPrefix(message: string): string {
  return message.replace(/^MCP error -?\d+: /, '');
}

/** The message at the end of an error's `cause` chain (the socket error under a probe failure). */
function rootCauseMessage(error: Error): string | undefined {
  let message: string | undefined;
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 5 && cause instanceof Error; depth += 1) {
    if (cause.message !== '') message = cause.message;
    cause = cause.cause;
  }
  return message;
}

/** Core's `firstLine`, cut to {@link MAX_LENGTH} characters. */
function shortLine(text: string): string {
  const line = firstLine(text);
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 3)}...` : line;
}
