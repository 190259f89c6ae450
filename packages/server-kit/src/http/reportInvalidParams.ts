import { firstLine, JSON_RPC_CODES } from '@agentcore-mcp/core';
import type { JSONRPCMessage, Transport } from '@modelcontextprotocol/server';

import { innerServer, type McpServerInstance } from '../mcp/mcpServerInstance.js';

interface ZodIssueLike {
  path: (string | number)[];
  message: string;
}

/**
 * Makes a transport answer requests whose params fail the SDK's schema (`tools/call` without a
 * name, `arguments` that is not an object, a bad `logging/setLevel` level…) with JSON-RPC's
 * Invalid params, -32602, and one line naming the field. The SDK validates params before the
 * handler runs and answers a failure with the zod issues pretty-printed as a multi-line message
 * (as -32602 after `Invalid <method> request: `, or -32603 in older paths); this rewrites exactly
 * those answers as they are sent.
 *
 * @param transport - The server transport, before the server connects to it.
 * @example
 * ```ts
 * const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
 * reportInvalidParams(transport);
 * await server.connect(transport);
 * ```
 */
export function reportInvalidParams(transport: Transport): void {
  const send = transport.send.bind(transport);
  transport.send = (message, options) => send(toInvalidParams(message), options);
}

/**
 * {@link reportInvalidParams} for a server that connects its own transport (the SDK's
 * `createMcpHandler` builds one per request): applied to whatever transport it connects to.
 *
 * @param product - The server, before it connects.
 */
export function reportInvalidParamsOf(product: McpServerInstance): void {
  const server = innerServer(product);
  const connect = server.connect.bind(server);
  server.connect = (transport) => {
    reportInvalidParams(transport);
    return connect(transport);
  };
}

const REWRITTEN_CODES = new Set<number>([
  JSON_RPC_CODES.internalError,
  JSON_RPC_CODES.invalidParams,
]);

function toInvalidParams(message: JSONRPCMessage): JSONRPCMessage {
  if (!('error' in message) || !REWRITTEN_CODES.has(message.error.code)) {
    return message;
  }
  const issues = parseIssues(message.error.message);
  if (issues === undefined) return message;
  const described = issues
    .map((issue) => `${issue.path.join('.') || '(params)'}: ${firstLine(issue.message)}`)
    .join('; ');
  return {
    ...message,
    error: { code: JSON_RPC_CODES.invalidParams, message: `Invalid params: ${described}` },
  };
}

/**
 * The issues of a zod error message, a JSON array alone or after the SDK's
 * `Invalid <method> request: ` prefix, or `undefined` for any other message.
 */
function parseIssues(text: string): ZodIssueLike[] | undefined {
  const json = /^(?:Invalid [\w/]+ request: )?(\[[\s\S]*\])$/.exec(text)?.[1];
  if (json === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) && parsed.length > 0 && parsed.every(isIssue) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function isIssue(value: unknown): value is ZodIssueLike {
  const issue = value as Partial<ZodIssueLike> | null;
  return (
    typeof issue === 'object' &&
    issue !== null &&
    Array.isArray(issue.path) &&
    typeof issue.message === 'string'
  );
}
