import { JSON_RPC_CODES, JsonRpcError } from '@agentcore-mcp/core';
import { SdkError, SdkErrorCode } from '@modelcontextprotocol/client';

import type { TargetConfig } from '../config/types.js';
import { GatewayError } from '../gatewayError.js';
import type { RequestOutcome } from '../observability/gatewayMetrics.js';
import {
  describeUpstreamError,
  isTimeout,
  isUpstreamRpcError,
  stripMcpPrefix,
} from './describeUpstreamError.js';
import type { Admission } from './health/targetHealth.js';

/**
 * How a forwarded request that threw ended, for health, metrics and the caller. `verdict` is what
 * it says about the target: `answered` (its own JSON-RPC error: it is healthy), `failed` (then
 * `error` is a {@link GatewayError}), or `none` (cancelled by the client, or the caller's own
 * fault). `error` is what to throw: a `JsonRpcError`, a {@link GatewayError} or the cancellation.
 */
export type ForwardFailure =
  | { readonly outcome: RequestOutcome; readonly verdict: 'failed'; readonly error: GatewayError }
  | {
      readonly outcome: RequestOutcome;
      readonly verdict: 'answered' | 'none';
      readonly error: unknown;
    };

/**
 * Sorts out why a forwarded request threw: the target's own JSON-RPC error passes through unchanged
 * (same code, message and data, without the SDK's "MCP error" prefix); a cancelled request is
 * rethrown as it is; a request too deeply nested to serialize is the caller's fault (-32602); a
 * timeout becomes `ERR_TIMEOUT` and anything else `ERR_TARGET_FAILED`, naming the target.
 *
 * @param error - What the upstream connection threw.
 * @param context - The target, the JSON-RPC method and whether the caller cancelled.
 * @returns See {@link ForwardFailure}.
 * @example
 * ```ts
 * const failure = classifyForwardFailure(error, { target, method: 'tools/call', cancelled: false });
 * throw failure.error;
 * ```
 */
export function classifyForwardFailure(
  error: unknown,
  context: { target: TargetConfig; method: string; cancelled: boolean },
): ForwardFailure {
  const { target, method } = context;
  if (isUpstreamRpcError(error)) {
    const passed = new JsonRpcError(error.code, stripMcpPrefix(error.message), error.data);
    return { outcome: 'rpc_error', verdict: 'answered', error: passed };
  }
  if (context.cancelled) return { outcome: 'cancelled', verdict: 'none', error };
  // A 2025-only method sent to a target that speaks MCP 2026-07-28 (the SDK refuses it locally).
  if (
    error instanceof SdkError &&
    error.code === SdkErrorCode.MethodNotSupportedByProtocolVersion
  ) {
    const refused = new JsonRpcError(
      JSON_RPC_CODES.methodNotFound,
      `Target "${target.name}" speaks MCP 2026-07-28, which has no ${method}; ${ERA_HINTS[method] ?? 'call a method of that revision'}`,
    );
    return { outcome: 'rpc_error', verdict: 'none', error: refused };
  }
  // The request could not even be serialized (arguments nested deeper than the stack allows): the
  // caller's fault, so it must not count against the target's health.
  if (error instanceof RangeError) {
    const refused = new JsonRpcError(
      JSON_RPC_CODES.invalidParams,
      `Cannot forward ${method} to target "${target.name}": the request is nested too deeply to serialize (${error.message}); send flatter arguments`,
    );
    return { outcome: 'rpc_error', verdict: 'none', error: refused };
  }
  const failure = toGatewayError(target, method, error);
  const outcome =
    failure.code === 'ERR_TIMEOUT'
      ? 'timeout'
      : failure.code === 'ERR_TARGET_UNAVAILABLE'
        ? 'unavailable'
        : 'failed';
  return { outcome, verdict: 'failed', error: failure };
}

/** What a client can do instead of a 2025-only method when the target speaks 2026-07-28. */
const ERA_HINTS: Readonly<Record<string, string>> = {
  'logging/setLevel': 'the log level travels in each request of that revision',
};

/**
 * The error for a request the target's health refused to send.
 *
 * @param target - The target.
 * @param refused - The refusal from `TargetHealth.admit`.
 * @param lastError - The target's last failure, if any.
 * @returns An `ERR_TARGET_UNAVAILABLE` error saying when the gateway tries again.
 * @example
 * ```ts
 * const admission = health.admit({ sharedSession: true });
 * if (!admission.admitted) throw unavailableError(target, admission, health.lastError);
 * ```
 */
export function unavailableError(
  target: TargetConfig,
  refused: Exclude<Admission, { admitted: true }>,
  lastError: string | null,
): GatewayError {
  const last = `last error: ${lastError ?? 'none'}`;
  const message =
    refused.reason === 'restarting'
      ? `Target "${target.name}" is unavailable until the gateway reconnects in ${Math.max(1, Math.ceil(refused.retryInMs / 1000))} s (${last}); see GET /status`
      : `Target "${target.name}" is unavailable: circuit open after ${refused.consecutiveFailures} consecutive failures (${last}); the gateway retries in ${Math.ceil(refused.retryInMs / 1000)} s, see GET /status`;
  return new GatewayError('ERR_TARGET_UNAVAILABLE', message, { target: target.name });
}

/**
 * One line saying why talking to a target failed, naming the target.
 *
 * @param target - The target.
 * @param what - What was under way: a JSON-RPC method, `ping` or `discovery`.
 * @param error - What was thrown.
 * @returns The line; a {@link GatewayError}'s own message as it is.
 * @example
 * ```ts
 * health.recordFailure(describeFailure(target, 'ping', error));
 * ```
 */
export function describeFailure(target: TargetConfig, what: string, error: unknown): string {
  if (error instanceof GatewayError) return error.message;
  if (isTimeout(error)) {
    return `Target "${target.name}" did not answer ${what} within ${target.timeoutMs} ms`;
  }
  return `Target "${target.name}" failed during ${what}: ${describeUpstreamError(error)}`;
}

function toGatewayError(target: TargetConfig, method: string, error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  if (isTimeout(error)) {
    return new GatewayError(
      'ERR_TIMEOUT',
      `Target "${target.name}" did not answer ${method} within ${target.timeoutMs} ms; raise mcpServers.${target.name}.timeoutMs or check the target`,
      { target: target.name, cause: error },
    );
  }
  return new GatewayError('ERR_TARGET_FAILED', describeFailure(target, method, error), {
    target: target.name,
    cause: error,
  });
}
