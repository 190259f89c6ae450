import type {
  Client,
  ClientRequest,
  RequestOptions,
  StandardSchemaV1,
} from '@modelcontextprotocol/client';

import type { TargetConfig } from '../config/types.js';
import type { DirectRequests } from './directRequests.js';
import { sendModernRequest } from './sendModernRequest.js';
import type { ToolParamHeaders } from './toolParamHeaders.js';
import type { UpstreamRequests } from './transport/upstreamRequests.js';
import type { UpstreamEvents } from './upstreamEvents.js';
import type { UpstreamRequest } from './upstreamRequest.js';

/** The connection's side of {@link sendOnSession}. */
export interface SessionContext {
  readonly target: TargetConfig;
  /** Where the transport finds each message's {@link UpstreamRequest}. */
  readonly requests: UpstreamRequests;
  /** The target's `Mcp-Param-*` headers per tool. */
  readonly paramHeaders: ToolParamHeaders;
  /** Asks the downstream 2025 session for input (stateful mode), if there is one. */
  readonly relay: UpstreamEvents['request'];
  /** A 2025 session's `resources/(un)subscribe`, carried to a 2026-07-28 target. */
  subscribe(message: ClientRequest): Promise<Record<string, never>>;
}

/** One request for {@link sendOnSession}. */
export interface SessionCall<T extends StandardSchemaV1> {
  /** The JSON-RPC method and params, as the target should receive them. */
  readonly message: ClientRequest;
  /** Validates a complete result; `undefined` for the SDK's own validation. */
  readonly schema: T | undefined;
  /** The caller's token, signal, call and progress handler. */
  readonly request: UpstreamRequest;
  /** The session's direct lane, when it has one (see {@link DirectRequests}). */
  readonly direct?: DirectRequests | undefined;
}

/**
 * Sends one request on an open session in the session's era, within the target's `timeoutMs`
 * (reset by each progress notification): on 2026-07-28 through {@link sendModernRequest} (or the
 * subscription bridge for `resources/(un)subscribe`), on 2025 as a plain SDK request, or, for a
 * `tools/call` without progress that has a result schema, on the session's direct lane. The request's
 * {@link UpstreamRequest} is registered for the transport while it is under way.
 *
 * @param client - The connected SDK client.
 * @param call - See {@link SessionCall}.
 * @param session - See {@link SessionContext}.
 * @returns The result (or, for a 2026-07-28 client, the target's `input_required` answer).
 * @example
 * ```ts
 * await sendOnSession(client, { message: { method: 'tools/list' }, schema: undefined, request: {} }, session);
 * ```
 */
export async function sendOnSession<T extends StandardSchemaV1>(
  client: Client,
  call: SessionCall<T>,
  session: SessionContext,
): Promise<StandardSchemaV1.InferOutput<T>> {
  const { message, schema, request } = call;
  const { target } = session;
  const open = session.requests.open(request);
  try {
    const options: RequestOptions = {
      relatedRequestId: open.id,
      timeout: target.timeoutMs,
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onProgress
        ? { onprogress: request.onProgress, resetTimeoutOnProgress: true }
        : {}),
    };
    const direct = isDirect(message, schema, request) ? call.direct : undefined;
    if (client.getProtocolEra() === 'modern') {
      if (message.method === 'resources/subscribe' || message.method === 'resources/unsubscribe') {
        return await session.subscribe(message);
      }
      return await sendModernRequest(client, message, {
        target: target.name,
        schema,
        options,
        request,
        paramHeaders: target.kind === 'http' ? session.paramHeaders : undefined,
        relay: session.relay,
        direct,
      });
    }
    if (direct !== undefined && schema !== undefined) {
      return await direct.request(message, {
        schema,
        timeoutMs: target.timeoutMs,
        signal: request.signal,
        relatedRequestId: open.id,
      });
    }
    return await (schema === undefined
      ? client.request(message as never, options)
      : client.request(message, schema, options));
  } finally {
    open.close();
  }
}

/** A `tools/call` the direct lane can carry: a result schema, and no progress to relay. */
function isDirect(
  message: ClientRequest,
  schema: StandardSchemaV1 | undefined,
  request: UpstreamRequest,
): boolean {
  return (
    message.method === 'tools/call' && schema !== undefined && request.onProgress === undefined
  );
}
