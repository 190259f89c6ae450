import type { IncomingHttpHeaders } from 'node:http';

import { MCP_MODERN_REVISION } from '@agentcore-mcp/core';
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  type ClientCapabilities,
  LOG_LEVEL_META_KEY,
  type LoggingLevel,
  PROTOCOL_VERSION_META_KEY,
  type RequestId,
  SUPPORTED_PROTOCOL_VERSIONS,
} from '@modelcontextprotocol/server';

/** The MCP revision the fast lane serves in the modern era. */
export const MODERN_REVISION = MCP_MODERN_REVISION;

const ENVELOPE_PREFIX = 'io.modelcontextprotocol/';
const LOGGING_LEVELS: ReadonlySet<string> = new Set([
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
]);

/** A request the fast lane answers: `tools/call` or `tools/list`, in either era. */
export interface LaneRequest {
  readonly id: RequestId;
  readonly method: 'tools/call' | 'tools/list';
  /** `params` without `_meta`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** `params._meta` without the 2026-07-28 envelope keys. */
  readonly meta: Record<string, unknown> | undefined;
  readonly era: 'legacy' | 'modern';
  /** 2026-07-28: the envelope keys, as the SDK lifts them into `ctx.mcpReq.envelope`. */
  readonly envelope: Readonly<Record<string, unknown>> | undefined;
  /** 2026-07-28: the capabilities the client declared for this request. */
  readonly clientCapabilities: ClientCapabilities | undefined;
  /** 2026-07-28: the least severe log level the client wants; none means no log notifications. */
  readonly logLevel: LoggingLevel | undefined;
}

/**
 * Picks out the requests the fast lane answers exactly as the SDK would, and leaves every other
 * one (and every malformed one, whose error the SDK words) to the SDK: one JSON-RPC request for
 * `tools/call` or `tools/list`; in the 2025 era without a session (stateless mode) and without
 * MCP 2026 headers; in the 2026-07-28 era with a well-formed envelope, headers that agree with the
 * body and no multi round-trip retry (`inputResponses`, `requestState`).
 *
 * @param body - The parsed request body.
 * @param headers - The request's headers.
 * @param paramHeaders - Whether a tool maps arguments to `Mcp-Param-*` headers (the SDK checks those).
 * @returns The request, or `undefined` to leave it to the SDK.
 */
export function readLaneRequest(
  body: unknown,
  headers: IncomingHttpHeaders,
  paramHeaders: boolean,
): LaneRequest | undefined {
  if (!isObject(body) || body.jsonrpc !== '2.0') return undefined;
  const { id, method } = body;
  if (typeof id !== 'number' && typeof id !== 'string') return undefined;
  if (method !== 'tools/call' && method !== 'tools/list') return undefined;
  const rawParams = body.params ?? {};
  if (!isObject(rawParams)) return undefined;
  const { _meta: rawMeta, ...params } = rawParams;
  if (rawMeta !== undefined && !isObject(rawMeta)) return undefined;
  if (rawMeta !== undefined && !isProgressToken(rawMeta.progressToken)) return undefined;
  if (method === 'tools/call' && !isToolCallParams(params)) return undefined;
  if (method === 'tools/list' && params.cursor !== undefined) return undefined;
  if ('inputResponses' in params || 'requestState' in params) return undefined;

  const envelopeKeys = rawMeta ? Object.keys(rawMeta).filter(isEnvelopeKey) : [];
  const versionHeader = headers['mcp-protocol-version'];
  if (envelopeKeys.length === 0) {
    const legacyHeaders =
      (versionHeader === undefined ||
        (typeof versionHeader === 'string' &&
          SUPPORTED_PROTOCOL_VERSIONS.includes(versionHeader))) &&
      headers['mcp-method'] === undefined &&
      headers['mcp-name'] === undefined;
    if (!legacyHeaders) return undefined;
    return {
      id,
      method,
      params,
      meta: rawMeta,
      era: 'legacy',
      envelope: undefined,
      clientCapabilities: undefined,
      logLevel: undefined,
    };
  }
  if (paramHeaders) return undefined;
  if (
    versionHeader !== MODERN_REVISION ||
    headers['mcp-method'] !== method ||
    headers['mcp-name'] !== (method === 'tools/call' ? params.name : undefined)
  ) {
    return undefined;
  }
  const envelope: Record<string, unknown> = {};
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawMeta ?? {})) {
    if (isEnvelopeKey(key)) envelope[key] = value;
    else meta[key] = value;
  }
  if (!isModernEnvelope(envelope)) return undefined;
  return {
    id,
    method,
    params,
    meta: Object.keys(meta).length > 0 ? meta : undefined,
    era: 'modern',
    envelope,
    clientCapabilities: envelope[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities,
    logLevel: envelope[LOG_LEVEL_META_KEY] as LoggingLevel | undefined,
  };
}

/** Exactly the envelope the SDK accepts without a word: anything else, it words the error. */
function isModernEnvelope(envelope: Record<string, unknown>): boolean {
  const info = envelope[CLIENT_INFO_META_KEY];
  const logLevel = envelope[LOG_LEVEL_META_KEY];
  const known = [
    PROTOCOL_VERSION_META_KEY,
    CLIENT_CAPABILITIES_META_KEY,
    CLIENT_INFO_META_KEY,
    LOG_LEVEL_META_KEY,
  ];
  return (
    Object.keys(envelope).every((key) => known.includes(key)) &&
    envelope[PROTOCOL_VERSION_META_KEY] === MODERN_REVISION &&
    isObject(envelope[CLIENT_CAPABILITIES_META_KEY]) &&
    isObject(info) &&
    typeof info.name === 'string' &&
    typeof info.version === 'string' &&
    (logLevel === undefined || (typeof logLevel === 'string' && LOGGING_LEVELS.has(logLevel)))
  );
}

function isToolCallParams(params: Record<string, unknown>): boolean {
  const extra = Object.keys(params).some(
    (key) =>
      key !== 'name' && key !== 'arguments' && key !== 'inputResponses' && key !== 'requestState',
  );
  return (
    !extra &&
    typeof params.name === 'string' &&
    (params.arguments === undefined || isObject(params.arguments))
  );
}

/** Absent, or what the SDK's request schema accepts: a string or an integer. */
function isProgressToken(value: unknown): boolean {
  return value === undefined || typeof value === 'string' || Number.isInteger(value);
}

function isEnvelopeKey(key: string): boolean {
  return key.startsWith(ENVELOPE_PREFIX);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
