import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import { isHeaderAllowed } from '@agentcore-mcp/core';

/**
 * Headers the platform passes to an MCP server whatever the allowlist says: the 2025 transport's,
 * and the standard headers of MCP 2026-07-28 (`Mcp-Method`, `Mcp-Name`), which AgentCore's data
 * plane API models (`InvokeAgentRuntime.mcpMethod` / `mcpName`). `Mcp-Param-*` headers (a tool
 * argument mirrored into a header) are not modelled, and whether AgentCore passes them without an
 * allowlist entry is not documented: the emulator forwards them only when the runtime's
 * `requestHeaderAllowlist` allows them, so a tool that needs one fails here as it might on AWS.
 */
const PROTOCOL_HEADERS = [
  'content-type',
  'accept',
  'mcp-session-id',
  'mcp-protocol-version',
  'mcp-method',
  'mcp-name',
  'last-event-id',
];

/** The headers for the upstream request, and the session id the platform used. */
export interface ForwardedHeaders {
  readonly headers: Record<string, string>;
  readonly sessionId: string;
  /**
   * `true` when the request named no session (neither `Mcp-Session-Id` nor
   * `X-Amzn-Bedrock-AgentCore-Runtime-Session-Id`), so `sessionId` was generated: on AgentCore, a
   * new runtime session, which may mean a new microVM.
   */
  readonly isNewSession: boolean;
}

/**
 * Builds the headers AgentCore would send to the container: the MCP protocol headers, the
 * allowlisted ones (nothing else, not even `Authorization` unless listed), and the platform's own
 * `Mcp-Session-Id` (generated when the client sent none), `X-Amzn-Bedrock-AgentCore-Runtime-Session-Id`
 * and `X-Amzn-Bedrock-AgentCore-Runtime-Request-Id`.
 *
 * @param incoming - The client's request headers.
 * @param allowlist - The runtime's request header allowlist.
 * @returns The upstream headers, the session id, and whether it was generated.
 */
export function toForwardedHeaders(
  incoming: IncomingHttpHeaders,
  allowlist: readonly string[],
): ForwardedHeaders {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    if (PROTOCOL_HEADERS.includes(name) || isHeaderAllowed(allowlist, name)) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  const named =
    headers['mcp-session-id'] ??
    firstValue(incoming['x-amzn-bedrock-agentcore-runtime-session-id']);
  const sessionId = named ?? randomUUID();
  headers['mcp-session-id'] = sessionId;
  headers['x-amzn-bedrock-agentcore-runtime-session-id'] = sessionId;
  headers['x-amzn-bedrock-agentcore-runtime-request-id'] = randomUUID();
  const userId = firstValue(incoming['x-amzn-bedrock-agentcore-runtime-user-id']);
  if (userId) headers['x-amzn-bedrock-agentcore-runtime-user-id'] = userId;
  return { headers, sessionId, isNewSession: named === undefined };
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
