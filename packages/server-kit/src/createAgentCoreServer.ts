import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import type { Logger } from 'pino';

import { createLogger } from './createLogger.js';
import { createMcpHttpServer, type McpHttpServer } from './createMcpHttpServer.js';
import type { FastLaneHandlers } from './http/fastLane/fastLaneHandlers.js';
import {
  buildMcpServer,
  type CacheableMethod,
  type CompiledServerDefinition,
} from './mcp/buildMcpServer.js';
import { callTool } from './mcp/callTool.js';
import { compileTools } from './mcp/compileTools.js';
import { innerServer, type McpServerInstance } from './mcp/mcpServerInstance.js';
import { compilePrompts } from './mcp/registerPrompts.js';
import {
  createServerRequestStateCodec,
  REQUEST_STATE_SECRET_ENV,
} from './mcp/requestStateCodec.js';
import { createSessionState, type SessionState } from './mcp/sessionState.js';
import {
  type AgentCoreServerOptions,
  type ResolvedServerOptions,
  resolveServerOptions,
} from './options.js';

/** An MCP server on the AgentCore Runtime contract, ready to listen. */
export interface AgentCoreServer extends McpHttpServer {
  /**
   * Builds a standalone SDK (v2) server with the same tools, resources and prompts, for one 2025
   * connection, e.g. to serve over stdio.
   */
  createMcpServer(): McpServerInstance;
  /**
   * Tells the clients subscribed to `uri` that the resource changed: 2026-07-28 clients listening
   * with `subscriptions/listen` (`resourceSubscriptions`), and 2025 sessions that sent
   * `resources/subscribe` (stateful mode).
   *
   * @param uri - The resource's URI.
   */
  notifyResourceUpdated(uri: string): void;
}

/**
 * Creates an MCP server that meets the AgentCore Runtime contract: streamable HTTP on
 * `0.0.0.0:8000/mcp`, stateless by default, `GET /ping`, a body limit, DNS-rebinding protection
 * on loopback binds, JSON logs, and graceful shutdown.
 *
 * @param options - Tools, resources, prompts and transport options; see {@link AgentCoreServerOptions}.
 * @returns The server, not yet listening.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` or `ERR_DUPLICATE_DEFINITION` for bad options.
 * @example
 * ```ts
 * const server = createAgentCoreServer({
 *   name: 'calculator',
 *   version: '1.0.0',
 *   tools: [defineTool({ name: 'add', description: 'Add', input: { a: z.number(), b: z.number() }, handler: ({ a, b }) => a + b })],
 * });
 * await server.run();
 * ```
 */
export function createAgentCoreServer(options: AgentCoreServerOptions): AgentCoreServer {
  const resolved = resolveServerOptions(options);
  const logger = options.logger ?? createLogger({ name: resolved.name });
  const definition: CompiledServerDefinition = {
    name: resolved.name,
    version: resolved.version,
    title: resolved.title,
    instructions: resolved.instructions,
    tools: compileTools(resolved.tools),
    resources: resolved.resources,
    resourceTemplates: resolved.resourceTemplates,
    prompts: compilePrompts(resolved.prompts),
    jsonSchemaValidator: new AjvJsonSchemaValidator(),
    requestState: createServerRequestStateCodec(resolved.requestStateSecret),
    cacheHints: listCacheHints(resolved.cache),
  };
  const sessions = new Set<{ server: McpServerInstance; state: SessionState }>();
  const http = createMcpHttpServer({
    ...options,
    logger,
    fastLaneHandlers: toolFastLane(definition, logger),
    buildServer: ({ era, stateless }) => {
      const state = createSessionState({ stateless });
      const server = buildMcpServer(definition, { era, state, logger });
      if (era === 'legacy' && !stateless) {
        const session = { server, state };
        sessions.add(session);
        innerServer(server).onclose = () => sessions.delete(session);
      }
      return server;
    },
  });
  if (definition.requestState.ephemeral) {
    logger.warn(
      `MCP 2026-07-28 requestState is signed with a per-process key: when a tool asks the client for input and the client's retry reaches another replica, it is refused; set ${REQUEST_STATE_SECRET_ENV} (32+ bytes, the same on every replica)`,
    );
  }
  return Object.assign(http, {
    createMcpServer: () =>
      buildMcpServer(definition, { era: 'legacy', state: createSessionState(), logger }),
    notifyResourceUpdated: (uri: string) => {
      http.notify.resourceUpdated(uri);
      for (const { server, state } of sessions) {
        if (!state.subscriptions.has(uri)) continue;
        innerServer(server)
          .sendResourceUpdated({ uri })
          .catch((error: unknown) => {
            logger.debug({ err: error, uri }, 'resource update not delivered to a closing session');
          });
      }
    },
  });
}

const LIST_METHODS: readonly CacheableMethod[] = [
  'tools/list',
  'prompts/list',
  'resources/list',
  'resources/templates/list',
  'server/discover',
];

function listCacheHints({
  ttlMs,
  scope,
}: ResolvedServerOptions['cache']): CompiledServerDefinition['cacheHints'] {
  return Object.fromEntries(LIST_METHODS.map((method) => [method, { ttlMs, cacheScope: scope }]));
}

const STATELESS = createSessionState({ stateless: true });

/**
 * The tools' fast lane: `tools/list` from the precompiled listing and `tools/call` through
 * {@link callTool}, exactly what the SDK server's handlers run.
 */
function toolFastLane(definition: CompiledServerDefinition, logger: Logger): FastLaneHandlers {
  const { tools } = definition;
  // One result object per listing, so the lane serializes it once (see ListResultCache).
  let listed = { tools: tools.listing };
  return {
    toolsList: () => {
      if (tools.listing.length === 0) return undefined;
      if (listed.tools !== tools.listing) listed = { tools: tools.listing };
      return listed;
    },
    toolsCall: ({ params, ctx, era, client, headers }) =>
      tools.listing.length > 0
        ? callTool(params, ctx, {
            tools,
            state: STATELESS,
            logger,
            requestState: era === 'modern' ? definition.requestState : undefined,
            client,
            headers,
          })
        : undefined,
    listCacheHint: definition.cacheHints['tools/list'],
    serverInfo: {
      name: definition.name,
      version: definition.version,
      ...(definition.title ? { title: definition.title } : {}),
    },
    paramHeaders: tools.declaresParamHeaders,
  };
}
