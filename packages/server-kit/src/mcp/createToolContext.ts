import { AgentCoreMcpError, type Principal } from '@agentcore-mcp/core';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import {
  CreateMessageResultSchema,
  ElicitResultSchema,
  type LoggingLevel,
  type ServerNotification,
  type ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';

import { PRINCIPAL_KEY } from '../auth/requireBearerToken.js';
import {
  LOGGING_LEVELS,
  type RuntimeRequestInfo,
  type ToolContext,
  type ToolLogger,
} from '../definitions/toolContext.js';
import type { SessionState } from './sessionState.js';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * Builds the {@link ToolContext} handed to a tool, resource reader or prompt renderer.
 *
 * @param extra - The SDK's per-request context.
 * @param state - The session's log level and subscriptions.
 * @param loggerName - The `logger` field of log notifications (the tool's name).
 */
export function createToolContext(
  extra: Extra,
  state: SessionState,
  loggerName: string,
): ToolContext {
  return {
    signal: extra.signal,
    principal: extra.authInfo?.extra?.[PRINCIPAL_KEY] as Principal | undefined,
    runtime: readRuntimeRequestInfo(extra),
    log: createClientLogger(extra, state, loggerName),
    reportProgress: async (progress, total, message) => {
      const progressToken = extra._meta?.progressToken;
      if (progressToken === undefined) return;
      await extra.sendNotification({
        method: 'notifications/progress',
        params: { progressToken, progress, total, message },
      });
    },
    sample: async (params) => {
      assertCanRequestClient(state, 'sampling/createMessage');
      return extra.sendRequest(
        { method: 'sampling/createMessage', params },
        CreateMessageResultSchema,
      );
    },
    elicit: async (params) => {
      assertCanRequestClient(state, 'elicitation/create');
      return extra.sendRequest({ method: 'elicitation/create', params }, ElicitResultSchema);
    },
    mcp: extra,
  };
}

/**
 * Fails fast where a server-to-client request could never be answered: in stateless mode the
 * client's answer is a new HTTP request that reaches a fresh transport, so waiting would hang until
 * the SDK's request timeout.
 *
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` on a stateless connection.
 */
function assertCanRequestClient(state: SessionState, method: string): void {
  if (!state.stateless) return;
  throw new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    `Cannot send ${method} to the client: a stateless server never receives the answer; create the server with mode: 'stateful'`,
  );
}

function createClientLogger(extra: Extra, state: SessionState, loggerName: string): ToolLogger {
  const at = (level: LoggingLevel) => async (message: string, data?: unknown) => {
    if (state.logLevel && LOGGING_LEVELS.indexOf(level) < LOGGING_LEVELS.indexOf(state.logLevel))
      return;
    await extra.sendNotification({
      method: 'notifications/message',
      params: { level, logger: loggerName, data: data === undefined ? message : { message, data } },
    });
  };
  return {
    debug: at('debug'),
    info: at('info'),
    notice: at('notice'),
    warning: at('warning'),
    error: at('error'),
  };
}

function readRuntimeRequestInfo(extra: Extra): RuntimeRequestInfo {
  const raw = extra.requestInfo?.headers ?? {};
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(raw)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    sessionId: headers['x-amzn-bedrock-agentcore-runtime-session-id'] ?? headers['mcp-session-id'],
    requestId: headers['x-amzn-bedrock-agentcore-runtime-request-id'],
    userId: headers['x-amzn-bedrock-agentcore-runtime-user-id'],
    headers,
  };
}
