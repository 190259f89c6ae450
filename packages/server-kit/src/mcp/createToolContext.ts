import {
  AgentCoreMcpError,
  firstLine,
  JSON_RPC_CODES,
  JsonRpcError,
  type Principal,
} from '@agentcore-mcp/core';
import {
  CreateMessageResultSchema,
  ElicitResultSchema,
  ListRootsResultSchema,
} from '@modelcontextprotocol/core';
import {
  type InputRequest,
  inputRequired,
  type LoggingLevel,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type * as z from 'zod';

import { PRINCIPAL_KEY } from '../auth/requireBearerToken.js';
import {
  type ClientInfo,
  type RuntimeRequestInfo,
  type ToolContext,
  type ToolLogger,
} from '../definitions/toolContext.js';
import type { InputRounds } from './inputRounds.js';
import { innerServer, type McpServerInstance } from './mcpServerInstance.js';
import type { SessionState } from './sessionState.js';

/** A request's HTTP headers, names lower-cased. */
export type RequestHeaders = Readonly<Record<string, string | undefined>>;

/** Where a tool, resource reader or prompt renderer runs. */
export interface ToolContextScope {
  /** The client as it described itself for this request ({@link clientInfoOf}). */
  readonly client: ClientInfo;
  /** The request's HTTP headers ({@link requestHeadersOf}); empty off HTTP. */
  readonly headers: RequestHeaders;
  /** Whether the connection is one stateless 2025 request. */
  readonly state: SessionState;
  /** The `logger` field of log notifications (the tool's, resource's or prompt's name). */
  readonly loggerName: string;
  /** On 2026-07-28 requests: the multi round-trip requests of this run. */
  readonly rounds: InputRounds | undefined;
}

/**
 * Builds the {@link ToolContext} handed to a tool, resource reader or prompt renderer.
 *
 * @param ctx - The SDK's per-request context.
 * @param scope - The client, headers, state, logger name and (2026) input rounds.
 */
export function createToolContext(ctx: ServerContext, scope: ToolContextScope): ToolContext {
  const ask = <S extends z.ZodType>(
    question: Question<S>,
    push: () => Promise<unknown>,
  ): Promise<z.output<S>> => {
    if (scope.rounds) {
      return scope.rounds
        .ask(question.key, question.request)
        .then((answer) => parseAnswer(question, answer));
    }
    assertCanRequestClient(scope.state, question.request.method);
    return push() as Promise<z.output<S>>;
  };
  return {
    signal: ctx.mcpReq.signal,
    principal: ctx.http?.authInfo?.extra?.[PRINCIPAL_KEY] as Principal | undefined,
    runtime: runtimeRequestInfoOf(scope.headers),
    client: scope.client,
    log: createClientLogger(ctx, scope.loggerName),
    reportProgress: async (progress, total, message) => {
      const progressToken = ctx.mcpReq._meta?.progressToken;
      if (progressToken === undefined) return;
      await ctx.mcpReq.notify({
        method: 'notifications/progress',
        params: { progressToken, progress, total, message },
      });
    },
    sample: (params, options) =>
      ask(
        {
          key: options?.key,
          request: inputRequired.createMessage(params),
          schema: CreateMessageResultSchema,
        },
        () => ctx.mcpReq.requestSampling(params),
      ),
    elicit: (params, options) =>
      ask(
        { key: options?.key, request: inputRequired.elicit(params), schema: ElicitResultSchema },
        () => ctx.mcpReq.elicitInput(params),
      ),
    listRoots: (options) =>
      ask(
        { key: options?.key, request: inputRequired.listRoots(), schema: ListRootsResultSchema },
        () => ctx.mcpReq.send({ method: 'roots/list' }),
      ),
    mcp: ctx,
  };
}

/**
 * The client on the other end of an SDK server instance, as tools see it in `context.client`.
 *
 * @param server - The instance answering the request (one request, or one 2025 session).
 * @param era - `modern` on 2026-07-28 requests.
 */
export function clientInfoOf(server: McpServerInstance, era: ClientInfo['era']): ClientInfo {
  const inner = innerServer(server);
  return {
    protocolVersion: inner.getNegotiatedProtocolVersion(),
    era,
    capabilities: inner.getClientCapabilities(),
  };
}

/**
 * The HTTP headers of the request an SDK context belongs to, names lower-cased.
 *
 * @param ctx - The SDK's request context.
 */
export function requestHeadersOf(ctx: ServerContext): RequestHeaders {
  const headers: Record<string, string | undefined> = {};
  ctx.http?.req?.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return headers;
}

/** One request for client input: its key, the embedded request and the result's schema. */
interface Question<S extends z.ZodType> {
  readonly key: string | undefined;
  readonly request: InputRequest;
  readonly schema: S;
}

/** Checks a client's answer from `inputResponses` against the result type of what was asked. */
function parseAnswer<S extends z.ZodType>(
  { key, request, schema }: Question<S>,
  answer: unknown,
): z.output<S> {
  const parsed = schema.safeParse(answer);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'value';
  throw new JsonRpcError(
    JSON_RPC_CODES.invalidParams,
    `Invalid inputResponses${key ? `["${key}"]` : ''}: not a ${request.method} result (${where}: ${firstLine(issue?.message ?? 'invalid')})`,
  );
}

/**
 * Fails fast where a server-to-client request could never be answered: on a stateless 2025
 * request the client's answer is a new HTTP request that reaches a fresh server, so waiting would
 * hang until the SDK's request timeout.
 *
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` on a stateless 2025 connection.
 */
function assertCanRequestClient(state: SessionState, method: string): void {
  if (!state.stateless) return;
  throw new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    `Cannot send ${method} to the client: a stateless 2025 server never receives the answer; create the server with mode: 'stateful', or use a client that speaks MCP 2026-07-28`,
  );
}

/**
 * The SDK filters by the client's level: `logging/setLevel` on 2025 sessions, the request's
 * `_meta` log level on 2026-07-28 (no level there means no log notifications at all).
 */
function createClientLogger(ctx: ServerContext, loggerName: string): ToolLogger {
  const at = (level: LoggingLevel) => (message: string, data?: unknown) =>
    ctx.mcpReq.log(level, data === undefined ? message : { message, data }, loggerName);
  return {
    debug: at('debug'),
    info: at('info'),
    notice: at('notice'),
    warning: at('warning'),
    error: at('error'),
  };
}

function runtimeRequestInfoOf(headers: RequestHeaders): RuntimeRequestInfo {
  return {
    sessionId: headers['x-amzn-bedrock-agentcore-runtime-session-id'] ?? headers['mcp-session-id'],
    requestId: headers['x-amzn-bedrock-agentcore-runtime-request-id'],
    userId: headers['x-amzn-bedrock-agentcore-runtime-user-id'],
    headers,
  };
}
