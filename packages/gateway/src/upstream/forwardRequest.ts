import type { ClientRequest, StandardSchemaV1 } from '@modelcontextprotocol/client';

import type { TargetConfig } from '../config/types.js';
import { type GatewayMetrics, timeRequest } from '../observability/gatewayMetrics.js';
import { classifyForwardFailure, unavailableError } from './forwardErrors.js';
import type { TargetHealth } from './health/targetHealth.js';
import type { UpstreamConnection } from './upstreamConnection.js';
import type { UpstreamRequest } from './upstreamRequest.js';

/** One request to forward: the message as the target should get it, and what travels with it. */
export interface ForwardedRequest<T extends StandardSchemaV1> {
  readonly message: ClientRequest;
  /** Validates the target's complete result; `undefined` for the SDK's own validation. */
  readonly schema: T | undefined;
  /** The upstream tool or prompt name, for metrics; `''` for other methods. */
  readonly tool: string;
  readonly request: UpstreamRequest;
}

/** The target a request is forwarded to: its configuration, health and metrics. */
export interface ForwardingTarget {
  readonly config: TargetConfig;
  readonly health: TargetHealth;
  readonly metrics: GatewayMetrics;
}

/**
 * Sends one proxied request through the target's health gate: refused at once while a restart is
 * pending (shared session only) or the circuit is open; otherwise sent, its verdict recorded in the
 * target's health, its outcome and duration in the metrics, and its failure turned into a one-line
 * error (see `classifyForwardFailure`).
 *
 * @param target - The target's configuration, health and metrics.
 * @param forwarded - The message, its result schema, the tool for metrics and the request.
 * @param session - The connection to send on, and whether it is the target's shared one.
 * @returns The target's result.
 * @throws {@link GatewayError} unavailable, timeout or failed; `JsonRpcError` for the target's own
 *   errors (code, message and data unchanged); the cancellation when the caller cancelled.
 * @example
 * ```ts
 * await forwardRequest({ config, health, metrics }, forwarded, { connection, shared: true });
 * ```
 */
export async function forwardRequest<T extends StandardSchemaV1>(
  target: ForwardingTarget,
  forwarded: ForwardedRequest<T>,
  session: { connection: UpstreamConnection; shared: boolean },
): Promise<StandardSchemaV1.InferOutput<T>> {
  const { config, health } = target;
  const { message, request } = forwarded;
  const finish = timeRequest(target.metrics, {
    method: message.method,
    tool: forwarded.tool,
    target: config.name,
  });
  const admission = health.admit({ sharedSession: session.shared });
  if (!admission.admitted) {
    finish('unavailable');
    throw unavailableError(config, admission, health.lastError);
  }
  const started = performance.now();
  try {
    const result = await session.connection.request(message, forwarded.schema, request);
    health.recordSuccess(performance.now() - started);
    finish(isToolError(result) ? 'tool_error' : 'ok');
    return result;
  } catch (error) {
    const failure = classifyForwardFailure(error, {
      target: config,
      method: message.method,
      cancelled: request.signal?.aborted === true,
    });
    if (failure.verdict === 'answered') health.recordSuccess(performance.now() - started);
    else if (failure.verdict === 'failed') health.recordFailure(failure.error.message);
    else health.release();
    finish(failure.outcome);
    throw failure.error;
  }
}

/** A tools/call result with `isError: true`: the target answered, the tool failed. */
function isToolError(result: unknown): boolean {
  return (
    typeof result === 'object' &&
    result !== null &&
    (result as { isError?: unknown }).isError === true
  );
}
