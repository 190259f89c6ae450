import type { McpServer, ServerContext } from '@modelcontextprotocol/server';

import type { ToolContext } from '../definitions/toolContext.js';
import { clientInfoOf, createToolContext, requestHeadersOf } from './createToolContext.js';
import { type InputRounds, runInRounds } from './inputRounds.js';
import type { RequestStateCodec } from './requestStateCodec.js';
import type { SessionState } from './sessionState.js';

/** The server a handler is registered on and what its contexts are built from. */
export interface RegistrationScope {
  /** The low-level server inside the `McpServer`. */
  readonly server: McpServer['server'];
  readonly state: SessionState;
  /** Set on 2026-07-28 requests: asking the client for input uses multi round-trip requests. */
  readonly requestState: RequestStateCodec | undefined;
}

/**
 * Runs a resource reader or prompt renderer with its {@link ToolContext}, in rounds on
 * 2026-07-28 requests (see `runInRounds`).
 *
 * @param ctx - The SDK's request context.
 * @param call - The server and state the context is built from, and the request: its method,
 * target (prompt name or URI), arguments and logger name.
 * @param run - The reader or renderer.
 */
export function runWithContext<T>(
  ctx: ServerContext,
  { server, state, requestState, request }: RegistrationScope & { request: ContextRequest },
  run: (context: ToolContext) => Promise<T>,
) {
  const start = (rounds?: InputRounds) =>
    run(
      createToolContext(ctx, {
        client: clientInfoOf(server, requestState ? 'modern' : 'legacy'),
        headers: requestHeadersOf(ctx),
        state,
        loggerName: request.loggerName,
        rounds,
      }),
    );
  return requestState ? runInRounds(ctx, { codec: requestState, request }, start) : start();
}

/** The request a reader or renderer runs for. */
export interface ContextRequest {
  readonly method: string;
  /** The prompt name or the resource URI. */
  readonly target: string;
  readonly arguments?: unknown;
  /** The `logger` field of its log notifications. */
  readonly loggerName: string;
}
