import { mcpNameHeader } from '@agentcore-mcp/core';
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  type ClientCapabilities,
  PROTOCOL_VERSION_META_KEY,
} from '@modelcontextprotocol/client';

import { DEFAULT_CLIENT_INFO } from './defaultClientInfo.js';
import { MCP_ACCEPT_HEADER } from './mcpHeaders.js';
import { MODERN_PROTOCOL_VERSION } from './protocolMode.js';

/** Options of {@link modernRequest}. */
export interface ModernRequestOptions {
  /** The JSON-RPC id. Default: `1`. */
  id?: string | number;
  /**
   * Sent as `io.modelcontextprotocol/clientInfo`. Default:
   * `{ name: 'agentcore-mcp-client', version: '0.1.0' }`.
   */
  clientInfo?: { name: string; version: string };
  /** Sent as `io.modelcontextprotocol/clientCapabilities`. Default: `{}`. */
  capabilities?: ClientCapabilities;
}

/** One MCP 2026-07-28 request, ready for `fetch`: see {@link modernRequest}. */
export interface ModernRequest {
  /**
   * Lower-case header names: `content-type`, `accept`, `mcp-protocol-version`, `mcp-method`, and
   * `mcp-name` for `tools/call`, `prompts/get` and `resources/read`.
   */
  headers: Record<string, string>;
  /** The JSON-RPC request as JSON, with the `_meta` envelope in `params`. */
  body: string;
}

/**
 * Builds one raw MCP 2026-07-28 request, for callers that talk HTTP themselves (probes,
 * benchmarks, tests) rather than through `connectAgentCore`: the JSON-RPC body with the per-request
 * `_meta` envelope (`io.modelcontextprotocol/protocolVersion`, `clientCapabilities`, `clientInfo`,
 * keys from the MCP SDK) and the headers that must agree with it: `MCP-Protocol-Version`,
 * `Mcp-Method`, and `Mcp-Name` (the tool or prompt name, or the resource URI; base64-wrapped as
 * `=?base64?…?=` when it is not plain ASCII). The MCP SDK builds these inside its transport and
 * exports no builder. The envelope keys win over the same keys in `params._meta`, so body and
 * headers always agree.
 *
 * @param method - The JSON-RPC method, e.g. `server/discover` or `tools/call`.
 * @param params - The request's params, without the envelope. Default: `{}`.
 * @param options - The id, client info and capabilities.
 * @returns Headers and body; spread them into `fetch`'s init.
 * @example
 * ```ts
 * const response = await fetch('http://127.0.0.1:8000/mcp', {
 *   method: 'POST',
 *   ...modernRequest('tools/call', { name: 'add', arguments: { a: 1, b: 2 } }),
 * });
 * ```
 */
export function modernRequest(
  method: string,
  params: Record<string, unknown> = {},
  options: ModernRequestOptions = {},
): ModernRequest {
  const meta = isRecord(params._meta) ? params._meta : {};
  const message = {
    jsonrpc: '2.0',
    id: options.id ?? 1,
    method,
    params: {
      ...params,
      _meta: {
        ...meta,
        [PROTOCOL_VERSION_META_KEY]: MODERN_PROTOCOL_VERSION,
        [CLIENT_CAPABILITIES_META_KEY]: options.capabilities ?? {},
        [CLIENT_INFO_META_KEY]: options.clientInfo ?? DEFAULT_CLIENT_INFO,
      },
    },
  };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: MCP_ACCEPT_HEADER,
    'mcp-protocol-version': MODERN_PROTOCOL_VERSION,
    'mcp-method': method,
  };
  const name = mcpNameHeader(method, params);
  if (name !== undefined) headers['mcp-name'] = name;
  return { headers, body: JSON.stringify(message) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
