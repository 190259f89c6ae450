import type { ClientRequest, StandardSchemaV1 } from '@modelcontextprotocol/client';

import type { Catalog } from '../catalog/buildCatalog.js';
import { GatewayError } from '../gatewayError.js';
import type { GatewayStatus } from '../gatewayStatus.js';
import type { TargetRuntime } from '../upstream/targetRuntime.js';
import type { DownstreamCall, UpstreamRequest } from '../upstream/upstreamRequest.js';
import type { SessionUpstreams } from './sessionUpstreams.js';
import type { StatelessCancellation } from './statelessCancellation.js';
import { relayProgress } from './upstreamBridge.js';

/** What the handlers read from the running gateway. */
export interface ForwardingContext {
  /** The current catalog (it changes as targets are re-listed). */
  catalog(): Catalog;
  target(name: string): TargetRuntime | undefined;
  /** The status the `gateway_status` tool reports. */
  status(): GatewayStatus;
  /** Stateful mode: this session's own upstream sessions; stateless: `undefined` (shared ones). */
  readonly session: SessionUpstreams | undefined;
  /** Stateless mode: joins a client's cancellation to the call it cancels; stateful: `undefined`. */
  readonly cancellation?: StatelessCancellation | undefined;
}

/** One downstream request, routed: the target's own names restored. */
export interface RoutedRequest<T extends StandardSchemaV1> {
  /** The downstream call (from the SDK handler's context). */
  readonly call: DownstreamCall;
  /** The upstream tool or prompt name, for metrics; `''` for other methods. */
  readonly tool: string;
  /** The message as the target should receive it. */
  readonly message: ClientRequest;
  /** Validates the target's complete result; `undefined` for the SDK's own validation. */
  readonly schema: T | undefined;
}

/**
 * Forwards one downstream request to its target on the right upstream session (the shared one, or
 * this client's own in stateful mode). What travels with it is put in one {@link UpstreamRequest}:
 * the caller's token (sent only to targets that opted in), the cancellation signal (in stateless
 * mode also aborted by a `notifications/cancelled` that arrives in another request), the call
 * itself (for the target's log lines) and its progress relay. Gateway errors leave as JSON-RPC
 * errors.
 *
 * @param context - The running gateway.
 * @param targetName - The owning target.
 * @param routed - The call, tool, message and result schema.
 * @returns The target's result.
 * @throws `JsonRpcError`: the target's own, or a gateway error's (`data: { code, target }`).
 * @example
 * ```ts
 * return forwardToTarget(context, route.target, { call, tool: route.name, message, schema });
 * ```
 */
export async function forwardToTarget<T extends StandardSchemaV1>(
  context: ForwardingContext,
  targetName: string,
  routed: RoutedRequest<T>,
): Promise<StandardSchemaV1.InferOutput<T>> {
  const target = context.target(targetName);
  if (target === undefined) {
    throw new GatewayError('ERR_NOT_FOUND', `Unknown target "${targetName}"`).toJsonRpc();
  }
  const { call } = routed;
  const connection = await context.session?.connectionTo(target);
  const tracked = context.cancellation?.track(call);
  const request: UpstreamRequest = {
    token: clientTokenOf(call),
    signal: tracked?.signal ?? call.signal,
    caller: call,
    onProgress: relayProgress(call),
    logLevel: context.session?.logLevel,
  };
  try {
    const message = withoutProgressToken(routed.message);
    return await target.forward(
      { message, schema: routed.schema, tool: routed.tool, request },
      connection,
    );
  } catch (error) {
    throw error instanceof GatewayError ? error.toJsonRpc() : error;
  } finally {
    tracked?.release();
  }
}

/**
 * The caller's bearer token: the verified one when inbound auth is on, else the one its
 * `Authorization: Bearer …` header carries (unverified: the target checks it), else `undefined`.
 */
function clientTokenOf(call: DownstreamCall): string | undefined {
  if (call.authInfo) return call.authInfo.token;
  const header = call.header('authorization');
  const match = header === undefined ? null : /^Bearer +(\S+)\s*$/i.exec(header);
  return match?.[1];
}

/** The `_meta` keys of the MCP 2026-07-28 per-request envelope (`io.modelcontextprotocol/…`). */
const ENVELOPE_KEY_PREFIX = 'io.modelcontextprotocol/';

/**
 * What of the downstream `_meta` goes upstream: not the client's progress token (the SDK gives the
 * target its own) and not the 2026-07-28 envelope (protocol version, client capabilities and
 * info): the upstream connection speaks its own protocol era, and a 2026 envelope on a 2025
 * connection would make a dual-era target serve it as 2026. A 2026-07-28 connection builds its
 * own envelope from the call (`sendModernRequest`).
 */
function withoutProgressToken(message: ClientRequest): ClientRequest {
  const meta = Object.fromEntries(
    Object.entries(message.params?._meta ?? {}).filter(
      ([key]) => key !== 'progressToken' && !key.startsWith(ENVELOPE_KEY_PREFIX),
    ),
  );
  const params = { ...message.params, _meta: Object.keys(meta).length > 0 ? meta : undefined };
  return { ...message, params } as ClientRequest;
}
