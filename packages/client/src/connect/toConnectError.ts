import { AgentCoreMcpError } from '@agentcore-mcp/core';
import {
  SdkError,
  SdkErrorCode,
  UnsupportedProtocolVersionError,
} from '@modelcontextprotocol/client';

import { MODERN_PROTOCOL_VERSION, type ProtocolMode } from '../protocolMode.js';

const MAX_CAUSES = 5;

/**
 * The error `connectAgentCore` throws for what the SDK's `Client.connect` rejected with. The SDK
 * wraps a failed `server/discover` probe in its own `SdkError`; when our fetch caused it (401,
 * 424, a timeout…), our one-line error comes back out of the cause chain. A pinned 2026-07-28
 * connection to a server that does not offer that revision becomes one line saying what to pass
 * instead. Anything else is returned as it is.
 *
 * @param error - What `connect` rejected with.
 * @param context - The endpoint and the requested protocol mode.
 * @returns The error to throw.
 */
export function toConnectError(
  error: unknown,
  context: { url: URL; protocol: ProtocolMode },
): unknown {
  const ours = findOwnError(error);
  if (ours !== undefined) return ours;
  if (context.protocol === MODERN_PROTOCOL_VERSION && isNegotiationFailure(error)) {
    return new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `${context.url.href} does not offer MCP ${MODERN_PROTOCOL_VERSION} (its answer to server/discover is not a ${MODERN_PROTOCOL_VERSION} one, as from an MCP 2025 server); connect with protocol: 'auto' to fall back to initialize, or 'legacy'`,
      { cause: error },
    );
  }
  return error;
}

/** The first agentcore-mcp error in the cause chain, if any. */
function findOwnError(error: unknown): AgentCoreMcpError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth <= MAX_CAUSES && current instanceof Error; depth += 1) {
    if (current instanceof AgentCoreMcpError) return current;
    current = current.cause;
  }
  return undefined;
}

function isNegotiationFailure(error: unknown): boolean {
  return (
    (SdkError.isInstance(error) && error.code === SdkErrorCode.EraNegotiationFailed) ||
    UnsupportedProtocolVersionError.isInstance(error)
  );
}
