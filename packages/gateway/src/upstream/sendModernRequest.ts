import {
  type Client,
  CLIENT_CAPABILITIES_META_KEY,
  type ClientRequest,
  DEFAULT_REQUEST_TIMEOUT_MSEC,
  isInputRequiredResult,
  LOG_LEVEL_META_KEY,
  ProtocolError,
  ProtocolErrorCode,
  type RequestOptions,
  SERVER_INFO_META_KEY,
  type StandardSchemaV1,
} from '@modelcontextprotocol/client';

import type { DirectRequests } from './directRequests.js';
import { fulfilInputRequired, type InputRetry } from './fulfilInputRequired.js';
import type { ToolParamHeaders } from './toolParamHeaders.js';
import type { UpstreamEvents } from './upstreamEvents.js';
import type { UpstreamRequest } from './upstreamRequest.js';

/** What a 2025 client that set no log level gets from a 2026-07-28 target: every line, as on 2025. */
const EVERY_LOG_LINE = 'debug';

/** What {@link sendModernRequest} needs beside the message. */
export interface ModernRequestContext<T extends StandardSchemaV1> {
  /** The target's name, for errors. */
  readonly target: string;
  /** Validates a complete result; `undefined` for the SDK's own validation of the method. */
  readonly schema: T | undefined;
  /** The SDK request options (timeout, signal, progress, `relatedRequestId`). */
  readonly options: RequestOptions;
  /** What travels with the request. */
  readonly request: UpstreamRequest;
  /** The target's `Mcp-Param-*` headers; `undefined` for a stdio target (no HTTP headers). */
  readonly paramHeaders: ToolParamHeaders | undefined;
  /** Asks the downstream 2025 session for input (stateful mode); `undefined` when there is none. */
  readonly relay: UpstreamEvents['request'];
  /** Sends it on the session's direct lane instead of the SDK client; see {@link DirectRequests}. */
  readonly direct?: DirectRequests | undefined;
}

/**
 * Sends one request on an MCP 2026-07-28 connection. Its envelope says what the downstream client
 * declared for this request (a 2026-07-28 client's capabilities and log level; for a 2025 client
 * the session's capabilities, which the SDK adds, and its log level), a `tools/call` carries its
 * `Mcp-Param-*` headers, and an `input_required` answer is:
 * - returned as it is to a 2026-07-28 client, whose retry (`inputResponses`, `requestState`) comes
 *   back as a new call to the same target;
 * - played through for a 2025 session (`relay`): each embedded request goes to the client as a
 *   real server-to-client request and the call is retried until it completes;
 * - refused with a one-line JSON-RPC error for a stateless 2025 request, which cannot be asked.
 *
 * @param client - A client connected in the 2026-07-28 era.
 * @param message - The request as the target should receive it (no envelope keys).
 * @param context - Schema, options, request, headers and relay; see {@link ModernRequestContext}.
 * @returns The target's result (the target's `serverInfo` stamp removed: the gateway answers).
 * @throws What the SDK client throws; a `ProtocolError` when input cannot be relayed.
 * @example
 * ```ts
 * await sendModernRequest(client, message, { target: 'hr', schema, options, request, paramHeaders, relay });
 * ```
 */
export async function sendModernRequest<T extends StandardSchemaV1>(
  client: Client,
  message: ClientRequest,
  context: ModernRequestContext<T>,
): Promise<unknown> {
  const { request } = context;
  const outbound = withEnvelope(message, request);
  const headers =
    message.method === 'tools/call'
      ? context.paramHeaders?.headersFor(message.params.name, message.params.arguments)
      : undefined;
  const options: RequestOptions = {
    ...context.options,
    allowInputRequired: true,
    ...(headers === undefined ? {} : { headers }),
  };
  const { direct, schema } = context;
  const send = (sent: ClientRequest): Promise<unknown> => {
    if (direct !== undefined && schema !== undefined) {
      return direct.request(sent, {
        schema,
        timeoutMs: options.timeout ?? DEFAULT_REQUEST_TIMEOUT_MSEC,
        signal: options.signal,
        relatedRequestId: String(options.relatedRequestId),
        headers,
      });
    }
    return schema === undefined
      ? client.request(sent as never, options)
      : client.request(sent, schema, options);
  };
  const result: unknown = await send(outbound);
  if (!isInputRequiredResult(result)) return withoutServerInfo(result);
  if (request.caller?.envelope !== undefined) return withoutServerInfo(result);
  const { relay } = context;
  if (relay === undefined) {
    throw new ProtocolError(
      ProtocolErrorCode.InvalidRequest,
      `Target "${context.target}" asked the client for input (${describeInputs(result)}), which a stateless MCP 2025 request cannot carry: connect with MCP 2026-07-28, or run the gateway with "mode": "stateful"`,
    );
  }
  const completed = await fulfilInputRequired(result, {
    target: context.target,
    method: message.method,
    answer: (input) => relay(input, { caller: request.caller, signal: signalOf(options) }),
    retry: (retry: InputRetry) =>
      send({ ...outbound, params: { ...outbound.params, ...retry } } as ClientRequest),
  });
  return withoutServerInfo(completed);
}

/**
 * The message with this request's envelope keys: a 2026-07-28 client's own capabilities and log
 * level, or a 2025 client's log level (the session's, else every line). The SDK adds the rest
 * (protocol version, client info, and the connection's capabilities when none are given here); a
 * gateway's own request (discovery) is sent as it is. A copy: the caller's message may be sent
 * again to the target in another era (after a stale verdict), where these keys must not appear.
 */
function withEnvelope(message: ClientRequest, request: UpstreamRequest): ClientRequest {
  const { caller } = request;
  if (caller === undefined) return message;
  const params = message.params ?? {};
  const meta: Record<string, unknown> = { ...params._meta };
  if (caller.envelope === undefined) {
    meta[LOG_LEVEL_META_KEY] = request.logLevel ?? EVERY_LOG_LINE;
  } else {
    const capabilities = caller.envelope[CLIENT_CAPABILITIES_META_KEY];
    if (capabilities !== undefined) meta[CLIENT_CAPABILITIES_META_KEY] = capabilities;
    const logLevel = caller.envelope[LOG_LEVEL_META_KEY];
    if (logLevel !== undefined) meta[LOG_LEVEL_META_KEY] = logLevel;
  }
  return { method: message.method, params: { ...params, _meta: meta } } as ClientRequest;
}

/**
 * The result without the target's `serverInfo` stamp, which the gateway's server replaces with its
 * own. The result was just decoded from the target's answer and belongs to this call alone, so the
 * stamp is removed in place.
 */
function withoutServerInfo(result: unknown): unknown {
  const meta = (result as { _meta?: Record<string, unknown> } | undefined)?._meta;
  if (meta === undefined || !(SERVER_INFO_META_KEY in meta)) return result;
  delete meta[SERVER_INFO_META_KEY];
  for (const _key in meta) return result;
  delete (result as { _meta?: unknown })._meta;
  return result;
}

function describeInputs(result: { inputRequests?: Record<string, { method: string }> }): string {
  const methods = Object.values(result.inputRequests ?? {}).map((input) => input.method);
  return methods.length === 0 ? 'requestState only' : [...new Set(methods)].join(', ');
}

function signalOf(options: RequestOptions): AbortSignal {
  return options.signal ?? new AbortController().signal;
}
