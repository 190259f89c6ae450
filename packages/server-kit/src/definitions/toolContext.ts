import type { Principal } from '@agentcore-mcp/core';
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitResult,
  ListRootsResult,
  ServerContext,
} from '@modelcontextprotocol/server';

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
 * Which MCP revision a request came in: `modern` for 2026-07-28 (stateless by design, every
 * request self-contained), `legacy` for 2025-11-25 and earlier (after an `initialize`).
 */
export type ProtocolEra = 'legacy' | 'modern';

/** The client on the other end of this request, as it described itself. */
export interface ClientInfo {
  /** The protocol revision of this request, e.g. `2026-07-28` or `2025-11-25`. */
  readonly protocolVersion: string | undefined;
  /** `modern` (2026-07-28) or `legacy` (2025-era, after `initialize`). */
  readonly era: ProtocolEra;
  /**
   * What the client can do: per request on 2026-07-28, from `initialize` on 2025 sessions;
   * `undefined` on a stateless 2025 request, which carries none.
   */
  readonly capabilities: ClientCapabilities | undefined;
}

/** Options of the calls that ask the client for input. */
export interface InputRequestOptions {
  /**
   * The key the request goes out under in a 2026-07-28 `input_required` result, and the client
   * answers under. Default: `input-<n>`, numbered in the order of the calls. Name it when a client
   * or a test expects a particular key.
   */
  readonly key?: string;
}

/**
 * The second argument of every tool handler, resource reader and prompt renderer: the way back to
 * the client (logs, progress, sampling, elicitation, roots) and what the platform said about the
 * request.
 *
 * **Asking the client for input** (`elicit`, `sample`, `listRoots`) works in both protocol eras:
 * - 2026-07-28: the call ends this round with an `input_required` result; the client answers and
 *   sends the same request again, and the handler **runs again from the top**, where the same
 *   calls now return the answers at once (earlier answers travel signed in `requestState`). Keep
 *   the code before an `await context.elicit(…)` free of side effects, or do them after it.
 * - 2025 sessions (`mode: 'stateful'`): a real server-to-client request; the call waits for it.
 * - 2025 stateless requests: rejects at once (the answer could never reach this request).
 */
export interface ToolContext {
  /** Aborted when the client cancels the request or disconnects. */
  readonly signal: AbortSignal;
  /** The verified caller when the server requires bearer tokens (`auth` option); else undefined. */
  readonly principal: Principal | undefined;
  /** The platform's request metadata (session, request and user ids, headers). */
  readonly runtime: RuntimeRequestInfo;
  /** The client: protocol revision, era and declared capabilities. */
  readonly client: ClientInfo;
  /**
   * Log to the client with `notifications/message`, honouring its level (`logging/setLevel` on
   * 2025 sessions; on 2026-07-28 only when the request's `_meta` names a level).
   */
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
   * Ask the client's LLM for a completion (`sampling/createMessage`; deprecated by MCP
   * 2026-07-28 but still supported). See the interface notes for how each era answers.
   *
   * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` on a stateless 2025 request. A client
   * that did not declare `sampling` gets JSON-RPC -32021 (2026) or an error naming the capability.
   */
  sample(
    params: CreateMessageRequestParams,
    options?: InputRequestOptions,
  ): Promise<CreateMessageResult>;
  /**
   * Ask the user for structured input (`elicitation/create`, form mode). See the interface notes
   * for how each era answers.
   *
   * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` on a stateless 2025 request. A client
   * that did not declare `elicitation` gets JSON-RPC -32021 (2026) or an error naming the
   * capability.
   */
  elicit(params: ElicitRequestFormParams, options?: InputRequestOptions): Promise<ElicitResult>;
  /**
   * Ask the client for its roots (`roots/list`; deprecated by MCP 2026-07-28 but still
   * supported). See the interface notes for how each era answers.
   *
   * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` on a stateless 2025 request.
   */
  listRoots(options?: InputRequestOptions): Promise<ListRootsResult>;
  /** The SDK's (v2) raw request context, for anything the helpers above do not cover. */
  readonly mcp: ServerContext;
}
