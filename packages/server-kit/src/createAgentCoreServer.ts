import { createJwtAuthorizer } from '@agentcore-mcp/core';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';

import {
  createProtectedResourceMetadataHandler,
  PROTECTED_RESOURCE_METADATA_PATH,
} from './auth/protectedResourceMetadata.js';
import { requireBearerToken } from './auth/requireBearerToken.js';
import { createLogger } from './createLogger.js';
import { answerUnhandledErrors } from './http/answerUnhandledErrors.js';
import { createDnsRebindingGuard } from './http/dnsRebindingGuard.js';
import { logRequests } from './http/logRequests.js';
import { createJsonBodyParser } from './http/parseJsonBody.js';
import { createPingHandler } from './http/ping.js';
import { JsonRpcErrorCode, sendJsonRpcError } from './http/sendJsonRpcError.js';
import { createStatefulMcpHandler, type StatefulMcpHandler } from './http/statefulMcpHandler.js';
import { createStatelessMcpHandler } from './http/statelessMcpHandler.js';
import { buildMcpServer, type CompiledServerDefinition } from './mcp/buildMcpServer.js';
import { compileTools } from './mcp/compileTools.js';
import { compilePrompts } from './mcp/registerPrompts.js';
import { createSessionState } from './mcp/sessionState.js';
import {
  type AgentCoreServerOptions,
  type ResolvedServerOptions,
  resolveServerOptions,
} from './options.js';
import { createServerLifecycle, type ListeningAddress } from './serverLifecycle.js';
import { trackInFlight } from './trackInFlight.js';

/** An MCP server on the AgentCore Runtime contract, ready to listen. */
export interface AgentCoreServer {
  /** The express app: `POST /mcp`, `GET /ping`. Mount more routes before calling `listen`. */
  readonly app: Express;
  /** The server's logger. */
  readonly logger: Logger;
  /** The options with defaults applied. */
  readonly options: ResolvedServerOptions;
  /** Where it listens, once `listen` has resolved. */
  readonly address: ListeningAddress | undefined;
  /** Builds a standalone SDK `McpServer` with the same tools, e.g. to serve over stdio. */
  createMcpServer(): McpServer;
  /** Binds `host:port` and logs one `listening` line with the URL. */
  listen(): Promise<ListeningAddress>;
  /**
   * Shuts down gracefully: stops accepting connections, answers new requests on open connections
   * with 503, waits for in-flight requests (up to `shutdownTimeoutMs`), then closes sessions.
   */
  close(): Promise<void>;
  /** `listen`, then on SIGTERM or SIGINT `close` and exit 0: what an app's `main` needs. */
  run(): Promise<ListeningAddress>;
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
  };
  const createMcpServer = () => buildMcpServer(definition, { state: createSessionState(), logger });

  const app = express();
  app.disable('x-powered-by');
  const inFlight = trackInFlight();
  const [parseBody, onBodyError] = createJsonBodyParser(resolved.bodyLimit);
  let stateful: StatefulMcpHandler | undefined;
  let mcpPost: RequestHandler;
  let mcpOther: RequestHandler;
  if (resolved.mode === 'stateful') {
    stateful = createStatefulMcpHandler({
      buildServer: createMcpServer,
      jsonResponse: resolved.jsonResponse,
      sessionIdleTimeoutMs: resolved.sessionIdleTimeoutMs,
      eventStore: resolved.eventStore,
      retryInterval: resolved.retryInterval,
      logger,
    });
    mcpPost = mcpOther = stateful.handle;
  } else {
    ({ post: mcpPost, other: mcpOther } = createStatelessMcpHandler({
      buildServer: () =>
        buildMcpServer(definition, { state: createSessionState({ stateless: true }), logger }),
      jsonResponse: resolved.jsonResponse,
      logger,
    }));
  }

  app.get('/ping', createPingHandler(Date.now()));
  const mcpRoute = app.route(resolved.path);
  mcpRoute.all(logRequests(logger), inFlight.middleware);
  if (resolved.dnsRebindingProtection)
    mcpRoute.all(createDnsRebindingGuard(resolved.dnsRebindingProtection));
  if (resolved.auth) {
    const { jwt, verify, protectedResource = {} } = resolved.auth;
    app.get(
      [PROTECTED_RESOURCE_METADATA_PATH, `${PROTECTED_RESOURCE_METADATA_PATH}${resolved.path}`],
      createProtectedResourceMetadataHandler(jwt, protectedResource, resolved.path),
    );
    mcpRoute.all(requireBearerToken(createJwtAuthorizer(jwt, verify), logger));
  }
  mcpRoute.post(parseBody, onBodyError, mcpPost);
  mcpRoute.all(mcpOther);
  app.use((req, res) => {
    sendJsonRpcError(res, 404, {
      code: JsonRpcErrorCode.ServerError,
      message: `Not found: ${req.method} ${req.path}; the MCP endpoint is POST ${resolved.path}`,
    });
  });
  app.use(answerUnhandledErrors(logger));

  const lifecycle = createServerLifecycle({
    app,
    options: resolved,
    logger,
    inFlight,
    closeSessions: async () => stateful?.closeAll(),
  });

  return {
    app,
    logger,
    options: resolved,
    get address() {
      return lifecycle.address;
    },
    createMcpServer,
    listen: lifecycle.listen,
    close: lifecycle.close,
    run: lifecycle.run,
  };
}
