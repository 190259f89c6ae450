import { MODERN_PROTOCOL_VERSION, modernRequest } from '@agentcore-mcp/client';
import { sleep } from '@agentcore-mcp/core';

import { errorMessage } from './doctorCheck.js';

/** A server's self-description: `serverInfo` on 2026-07-28, `initialize`'s on 2025. */
export interface ServerIdentity {
  readonly name: string;
  readonly version: string;
}

/**
 * What `server/discover` told about the endpoint:
 * - `modern`: it serves {@link MODERN_PROTOCOL_VERSION};
 * - `legacy`: an answer a 2025-only server gives (any 4xx but 401/403 without a 2026 error code, a
 *   JSON-RPC error such as `-32601`): a 2026 client in `auto` mode falls back to `initialize`;
 * - `refused`: a 2026 error code (`-32020` to `-32099`, e.g. `-32020` for a dropped
 *   `Mcp-Method` header), or `supportedVersions` without {@link MODERN_PROTOCOL_VERSION}: the server
 *   speaks 2026 but turned this request down;
 * - `error`: 401, 403, 5xx, 424 or 429 after retries, a timeout, no connection, or no JSON-RPC
 *   answer: a 2026 client fails here rather than falling back.
 *
 * `answer` says what came back, in a few words, e.g. `HTTP 400, JSON-RPC -32000 Bad Request`.
 */
export type DiscoverProbe =
  | {
      readonly kind: 'modern';
      readonly versions: readonly string[];
      readonly server: ServerIdentity | undefined;
    }
  | { readonly kind: 'legacy' | 'refused' | 'error'; readonly answer: string };

/** One HTTP request to sign or authorize before it is sent. */
export interface ProbeRequest {
  readonly url: URL;
  readonly method: string;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Returns the headers to send: the request's own plus its credentials (bearer or SigV4). */
export type SignProbeRequest = (request: ProbeRequest) => Promise<Record<string, string>>;

/** Options of {@link probeDiscover}. */
export interface ProbeDiscoverOptions {
  /** Adds auth to the request's headers: a bearer token, a SigV4 signature, or nothing. */
  readonly authorize: SignProbeRequest;
  /** Sent as `io.modelcontextprotocol/clientInfo`. */
  readonly clientInfo: ServerIdentity;
  /** The longest wait for each attempt, answer included, in milliseconds. */
  readonly timeoutMs: number;
  /**
   * The waits before repeating a request that got 424 (AgentCore's cold start), 429, 502, 503 or
   * 504, or found nothing listening. Default: `[500, 2000]` (three attempts).
   */
  readonly retryDelaysMs?: readonly number[];
}

const PROBE_ID = 1;
const RETRIED_STATUSES = new Set([424, 429, 502, 503, 504]);
/** JSON-RPC codes MCP reserves for itself (`-32020` HeaderMismatch and up); 2025 servers never send them. */
const MODERN_ERROR_CODES = { highest: -32020, lowest: -32099 };
const MAX_ANSWER_LENGTH = 160;

/**
 * Sends one MCP 2026-07-28 `server/discover` request, the way a 2026 client opens (built by the
 * client package's `modernRequest`): the per-request `_meta` envelope (protocol version, client
 * capabilities and info) and the headers `MCP-Protocol-Version` and `Mcp-Method`, no `initialize`
 * and no session. Reads a JSON or SSE
 * answer, and classifies it as the MCP TypeScript SDK's `auto` mode would, except that it calls a
 * 2026 error code `refused` (the SDK falls back to `initialize` on it).
 *
 * @param url - The MCP endpoint, e.g. a runtime's invocation URL.
 * @param options - Auth, client info, timeout and retries.
 * @returns What the answer says about the endpoint; never throws for a network or HTTP failure.
 * @example
 * ```ts
 * const probe = await probeDiscover(url, { authorize: async (r) => ({ ...r.headers }), clientInfo, timeoutMs: 30_000 });
 * if (probe.kind === 'modern') console.log(probe.versions);
 * ```
 */
export async function probeDiscover(
  url: URL,
  options: ProbeDiscoverOptions,
): Promise<DiscoverProbe> {
  const { headers, body } = modernRequest(
    'server/discover',
    {},
    { id: PROBE_ID, clientInfo: options.clientInfo },
  );
  const delays = options.retryDelaysMs ?? [500, 2000];
  for (let attempt = 0; ; attempt++) {
    const delay = delays[attempt];
    let reply: Reply;
    try {
      const signed = await options.authorize({ url, method: 'POST', headers, body });
      reply = await post(url, { headers: signed, body }, options.timeoutMs);
    } catch (error) {
      if (delay !== undefined && isRefusedConnection(error)) {
        await sleep(delay);
        continue;
      }
      return { kind: 'error', answer: errorMessage(error) };
    }
    if (delay !== undefined && RETRIED_STATUSES.has(reply.status)) {
      await sleep(delay);
      continue;
    }
    return classifyReply(reply);
  }
}

/** An HTTP answer, its body read to the end. */
interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
}

async function post(
  url: URL,
  init: { headers: Record<string, string>; body: string },
  timeoutMs: number,
): Promise<Reply> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { method: 'POST', ...init, signal });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  } catch (error) {
    if (signal.aborted) throw new Error(`no answer within ${timeoutMs / 1000} s`, { cause: error });
    throw error;
  }
}

function classifyReply(reply: Reply): DiscoverProbe {
  const { status } = reply;
  const http = `HTTP ${status}`;
  const message = readRpcMessage(reply);
  if (status === 401 || status === 403 || status >= 500 || RETRIED_STATUSES.has(status)) {
    return { kind: 'error', answer: withRpcError(http, message) };
  }
  if (status >= 400) {
    const code = message?.error?.code;
    const modern =
      code !== undefined && code <= MODERN_ERROR_CODES.highest && code >= MODERN_ERROR_CODES.lowest;
    return { kind: modern ? 'refused' : 'legacy', answer: withRpcError(http, message) };
  }
  if (message?.error !== undefined) return { kind: 'legacy', answer: withRpcError('', message) };
  const result = message?.result;
  const versions = result?.supportedVersions;
  if (!Array.isArray(versions) || !versions.every((v) => typeof v === 'string')) {
    return { kind: 'error', answer: `${http} without a server/discover result` };
  }
  if (!versions.includes(MODERN_PROTOCOL_VERSION)) {
    return { kind: 'refused', answer: `it offers ${versions.join(', ') || 'no version'}` };
  }
  return { kind: 'modern', versions, server: readServerInfo(result?._meta) };
}

/** The parts of a JSON-RPC response the probe reads. */
interface RpcMessage {
  readonly result?: { readonly supportedVersions?: unknown; readonly _meta?: unknown };
  readonly error?: { readonly code?: number; readonly message?: unknown };
}

/** The JSON-RPC response in a JSON body, or in the `data:` lines of an SSE stream. */
function readRpcMessage(reply: Reply): RpcMessage | undefined {
  const candidates = reply.contentType.includes('text/event-stream')
    ? reply.text.split(/\r?\n\r?\n/).map((event) =>
        event
          .split(/\r?\n/)
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n'),
      )
    : [reply.text];
  for (const candidate of candidates) {
    const parsed = parseJson(candidate);
    if (typeof parsed !== 'object' || parsed === null || !('jsonrpc' in parsed)) continue;
    if ('result' in parsed || 'error' in parsed) return parsed as RpcMessage;
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function readServerInfo(meta: unknown): ServerIdentity | undefined {
  if (typeof meta !== 'object' || meta === null) return undefined;
  const info = (meta as Record<string, unknown>)['io.modelcontextprotocol/serverInfo'];
  if (typeof info !== 'object' || info === null) return undefined;
  const { name, version } = info as Record<string, unknown>;
  return typeof name === 'string' && typeof version === 'string' ? { name, version } : undefined;
}

function withRpcError(prefix: string, message: RpcMessage | undefined): string {
  const error = message?.error;
  if (error?.code === undefined) return prefix;
  const text = typeof error.message === 'string' ? ` ${errorMessage(error.message)}` : '';
  const described = `JSON-RPC ${error.code}${text}`;
  const shown =
    described.length > MAX_ANSWER_LENGTH ? `${described.slice(0, MAX_ANSWER_LENGTH)}…` : described;
  return prefix === '' ? shown : `${prefix}, ${shown}`;
}

function isRefusedConnection(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return (
    typeof cause === 'object' &&
    cause !== null &&
    'code' in cause &&
    (cause as { code?: unknown }).code === 'ECONNREFUSED'
  );
}
