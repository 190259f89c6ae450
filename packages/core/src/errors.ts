/**
 * Every stable error code raised by agentcore-mcp packages, in one union so that a code has one
 * meaning across the workspace. Each package declares the subset it throws (`GatewayErrorCode`,
 * `AgentCoreClientErrorCode`, …); {@link ERROR_WIRE_CODES} maps each code to its JSON-RPC code and
 * HTTP status. Callers `switch (err.code)`; codes never change meaning once published.
 */
export type ErrorCode =
  // Values: ARNs, URLs, names, options and command-line input.
  /** A runtime ARN is not `arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>`. */
  | 'ERR_INVALID_ARN'
  /** A region is missing or is not an AWS region code such as `us-east-1`. */
  | 'ERR_INVALID_REGION'
  /** An endpoint qualifier (`DEFAULT`, a version alias) is malformed. */
  | 'ERR_INVALID_QUALIFIER'
  /** An endpoint override or issuer URL is not an http(s) origin. */
  | 'ERR_INVALID_ENDPOINT'
  /** An AgentCore invocation URL cannot be parsed. */
  | 'ERR_INVALID_INVOCATION_URL'
  /** A runtime name breaks AgentCore's naming rule. */
  | 'ERR_INVALID_RUNTIME_NAME'
  /** A request-header allowlist breaks AgentCore's rules. */
  | 'ERR_INVALID_HEADER_ALLOWLIST'
  /** An options object or configuration document fails validation. */
  | 'ERR_CONFIG_INVALID'
  /** A command-line argument or other value typed by a person is not usable. */
  | 'ERR_INVALID_INPUT'
  /** Two tools, resources or prompts share one name. */
  | 'ERR_DUPLICATE_DEFINITION'
  // Tokens, as verified by the JWT authorizer or sent by a client.
  /** No bearer token was sent. */
  | 'ERR_TOKEN_MISSING'
  /** The bearer token is not a JWT. */
  | 'ERR_TOKEN_MALFORMED'
  /** The token's signature or claims are invalid. */
  | 'ERR_TOKEN_INVALID'
  /** The token has expired. */
  | 'ERR_TOKEN_EXPIRED'
  /** The token's `nbf` lies in the future. */
  | 'ERR_TOKEN_NOT_YET_VALID'
  /** The token was issued by another issuer than the configured one. */
  | 'ERR_TOKEN_WRONG_ISSUER'
  /** The token's client or audience is not allowed. */
  | 'ERR_TOKEN_WRONG_CLIENT'
  /** The token lacks a required scope. */
  | 'ERR_TOKEN_INSUFFICIENT_SCOPE'
  /** A custom claim rule does not match. */
  | 'ERR_TOKEN_CLAIM_MISMATCH'
  /** The identity provider cannot be reached and nothing usable is cached. */
  | 'ERR_AUTHORIZER_UNAVAILABLE'
  /** A token provider could not get an access token from its issuer. */
  | 'ERR_TOKEN_REFRESH_FAILED'
  // A remote MCP server or AgentCore runtime, as seen by a client.
  /** The server refused the credentials (HTTP 401). */
  | 'ERR_UNAUTHORIZED'
  /** The server refused the caller (HTTP 403). */
  | 'ERR_FORBIDDEN'
  /** The runtime expects another kind of authentication (SigV4 vs OAuth). */
  | 'ERR_AUTH_METHOD_MISMATCH'
  /** The server refused the request's `Accept` (HTTP 406). */
  | 'ERR_NOT_ACCEPTABLE'
  /** The runtime's container did not start in time. */
  | 'ERR_RUNTIME_INIT_TIMEOUT'
  /** The server or what stands behind it is unavailable (HTTP 424/502/503). */
  | 'ERR_UPSTREAM_UNAVAILABLE'
  /** A server answered with a JSON-RPC error; the message carries its code and text. */
  | 'ERR_SERVER_ERROR'
  /** A tool ran and reported a failure (`isError: true`, or a thrown `ToolError`). */
  | 'ERR_TOOL_FAILED'
  /** Something did not answer or finish within its time limit. */
  | 'ERR_TIMEOUT'
  /**
   * A handler asked the client for input it has not given yet (MCP 2026-07-28 multi round-trip
   * requests): ends the round, answered as an `input_required` result, never as an error.
   */
  | 'ERR_INPUT_PENDING'
  // The gateway.
  /** A target's circuit is open or it is not connected: the call was not sent. */
  | 'ERR_TARGET_UNAVAILABLE'
  /** The connection to a target failed while a request was under way. */
  | 'ERR_TARGET_FAILED'
  /** No tool or prompt of that name is served. */
  | 'ERR_NOT_FOUND'
  /** No resource of that URI is served. */
  | 'ERR_RESOURCE_NOT_FOUND'
  /** An MCP 2026-07-28 request whose headers disagree with its body (SEP-2243). */
  | 'ERR_HEADER_MISMATCH'
  // Processes and deployments.
  /** A server could not bind its address. */
  | 'ERR_LISTEN_FAILED'
  /** A started process exited before it was ready. */
  | 'ERR_PROCESS_EXITED'
  /** No project file, or no runtime of that name in it. */
  | 'ERR_NOT_CONFIGURED'
  /** The project was configured but not launched as the command expects. */
  | 'ERR_NOT_DEPLOYED'
  /** A container image build failed or was stopped. */
  | 'ERR_BUILD_FAILED'
  /** A runtime reached a failed state. */
  | 'ERR_RUNTIME_FAILED'
  /** A destructive command needs `--yes` when there is no terminal to confirm on. */
  | 'ERR_CONFIRMATION_REQUIRED'
  /** An AWS request failed; the message names the operation and a hint. */
  | 'ERR_AWS_REQUEST_FAILED'
  /** A bug or an unexpected failure; the original error is the `cause`. */
  | 'ERR_INTERNAL';

/** Options accepted by every {@link AgentCoreMcpError} constructor. */
export interface AgentCoreMcpErrorOptions {
  /** The underlying error, kept for diagnostics and never copied into the message. */
  cause?: unknown;
}

/**
 * The root of the agentcore-mcp error family. Every error our packages throw is an instance (most
 * through a package's subclass), with a stable {@link ErrorCode} in `code` and a one-line,
 * actionable `message`. The only error outside the family is the wire error `JsonRpcError`.
 * A subclass narrows the codes it carries with `declare readonly code: TheirCode` and a
 * constructor that takes only those.
 *
 * @example
 * ```ts
 * try {
 *   parseRuntimeArn(input);
 * } catch (error) {
 *   if (error instanceof AgentCoreMcpError && error.code === 'ERR_INVALID_ARN') {
 *     console.error(error.message);
 *   }
 * }
 * ```
 */
export class AgentCoreMcpError extends Error {
  /** The stable machine-readable code; see {@link ErrorCode}. */
  readonly code: ErrorCode;

  /**
   * @param code - The stable error code.
   * @param message - One line: what was wrong and how to fix it.
   * @param options - `cause` for the underlying error.
   */
  constructor(code: ErrorCode, message: string, options?: AgentCoreMcpErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The names of the exceptions that carry a JSON-RPC error a server answered. */
const WIRE_ERROR_NAMES: ReadonlySet<string> = new Set([
  'JsonRpcError',
  'ProtocolError',
  'McpError',
]);

/**
 * Wraps anything thrown into an {@link AgentCoreMcpError}: our own errors pass through unchanged;
 * a JSON-RPC error a server answered (ours, or the MCP SDK's `ProtocolError`/`McpError`) becomes
 * `ERR_SERVER_ERROR` with its code in the message; everything else becomes `ERR_INTERNAL`. The
 * original is kept as `cause`.
 *
 * @param error - Any thrown value.
 * @returns An {@link AgentCoreMcpError}.
 * @example
 * ```ts
 * const failure = toAgentCoreMcpError(caught);
 * logger.error({ code: failure.code }, failure.message);
 * ```
 */
export function toAgentCoreMcpError(error: unknown): AgentCoreMcpError {
  if (error instanceof AgentCoreMcpError) return error;
  if (isWireError(error)) {
    const text = firstLine(error.message.replace(/^MCP error -?\d+: /, ''));
    return new AgentCoreMcpError(
      'ERR_SERVER_ERROR',
      `The MCP server answered with JSON-RPC error ${error.code}: ${text}`,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new AgentCoreMcpError('ERR_INTERNAL', `Unexpected internal error: ${firstLine(detail)}`, {
    cause: error,
  });
}

/**
 * The first line of a text, trimmed: how a multi-line message from another library becomes part
 * of one of our one-line messages.
 *
 * @param text - Any text.
 * @returns Its first line without surrounding whitespace.
 * @example
 * ```ts
 * firstLine('YAML error\n  at line 3'); // 'YAML error'
 * ```
 */
export function firstLine(text: string): string {
  return (text.split('\n', 1)[0] ?? '').trim();
}

/**
 * A JSON-RPC error object turned into an exception: our `JsonRpcError`, the MCP SDK v2's
 * `ProtocolError` or v1's `McpError` (read by name: core depends on no SDK).
 */
function isWireError(error: unknown): error is Error & { code: number } {
  return (
    error instanceof Error &&
    WIRE_ERROR_NAMES.has(error.name) &&
    typeof (error as { code?: unknown }).code === 'number'
  );
}
