import type { Server } from '@modelcontextprotocol/server';
import type { Logger } from 'pino';

import { callTool } from './callTool.js';
import type { CompiledTools } from './compileTools.js';
import { clientInfoOf, requestHeadersOf } from './createToolContext.js';
import type { RequestStateCodec } from './requestStateCodec.js';
import type { SessionState } from './sessionState.js';

/** What the tool handlers of one server instance need besides the tools. */
export interface ToolHandlerScope {
  readonly state: SessionState;
  readonly logger: Logger;
  /** Set on 2026-07-28 requests: asking the client for input then uses multi round-trip requests. */
  readonly requestState: RequestStateCodec | undefined;
}

/**
 * Installs `tools/list` (the precompiled listing) and `tools/call` ({@link callTool}) on a
 * low-level SDK server.
 */
export function installToolHandlers(
  server: Server,
  tools: CompiledTools,
  { state, logger, requestState }: ToolHandlerScope,
): void {
  server.setRequestHandler('tools/list', () => ({ tools: tools.listing }));
  server.setRequestHandler('tools/call', (request, ctx) =>
    callTool(request.params, ctx, {
      tools,
      state,
      logger,
      requestState,
      client: clientInfoOf(server, requestState ? 'modern' : 'legacy'),
      headers: requestHeadersOf(ctx),
    }),
  );
}
