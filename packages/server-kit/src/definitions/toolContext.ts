import type { Principal } from '@agentcore-mcp/core';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type {
  CreateMessageRequest,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitResult,
  LoggingLevel,
  ServerNotification,
  ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';

/** What the AgentCore Runtime platform tells the server about the request, from its headers. */
export interface RuntimeRequestInfo {
  /** `X-Amzn-Bedrock-AgentCore-Runtime-Session-Id`, else `Mcp-Session-Id`, when present. */
  readonly sessionId: string | undefined;
  /** `X-Amzn-Bedrock-AgentCore-Runtime-Request-Id`, when present. */
  readonly requestId: string | undefined;
  /** `X-Amzn-Bedrock-AgentCore-Runtime-User-Id`, when present. */
  readonly userId: string | undefined;
  /** All request headers, lower-cased (the platform forwards only allowlisted custom headers). */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** Sends MCP `notifications/message` log lines to the calling client (and nowhere else). */
export type ToolLogger = Record<
  'debug' | 'info' | 'notice' | 'warning' | 'error',
  (message: string, data?: unknown) => Promise<void>
>;

/**
 * The second argument of every tool handler, resource reader and prompt renderer: the way back to
 * the client (logs, progress, sampling, elicitation) and what the platform said about the request.
 */
export interface ToolContext {
  /** Aborted when the client cancels the request or disconnects. */
  readonly signal: AbortSignal;
  /** The verified caller when the server requires bearer tokens (`auth` option); else undefined. */
  readonly principal: Principal | undefined;
  /** The platform's request metadata (session, request and user ids, headers). */
  readonly runtime: RuntimeRequestInfo;
  /** Log to the client with `notifications/message`, honouring its `logging/setLevel`. */
  readonly log: ToolLogger;
  /**
   * Report progress when the client asked for it (`_meta.progressToken`); a no-op otherwise.
   *
   * @param progress - Work done so far; must increase with every call.
   * @param total - Total work, when known.
   * @param message - A human-readable status line.
   */
  reportProgress(progress: number, total?: number, message?: string): Promise<void>;
  /**
   * Ask the client's LLM for a completion (`sampling/createMessage`). Needs the stateful mode and a
   * client that declared the `sampling` capability; otherwise it rejects at once (a stateless
   * server could never receive the answer).
   *
   * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` in stateless mode; an `Error` naming
   * the capability when the client did not declare `sampling`.
   */
  sample(params: CreateMessageRequest['params']): Promise<CreateMessageResult>;
  /**
   * Ask the user for structured input (`elicitation/create`). Needs the stateful mode and a client
   * that declared the `elicitation` capability; otherwise it rejects at once.
   *
   * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` in stateless mode; an `Error` naming
   * the capability when the client did not declare `elicitation`.
   */
  elicit(params: ElicitRequestFormParams): Promise<ElicitResult>;
  /** The SDK's raw request context, for anything the helpers above do not cover. */
  readonly mcp: RequestHandlerExtra<ServerRequest, ServerNotification>;
}

/** Levels in the order of RFC 5424 severity, lowest first, as MCP `logging/setLevel` uses them. */
export const LOGGING_LEVELS: readonly LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
];
