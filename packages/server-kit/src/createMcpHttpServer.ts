import type { IncomingMessage, ServerResponse } from 'node:http';

import { createJwtAuthorizer, JSON_RPC_CODES, type JwtAuthorizer } from '@agentcore-mcp/core';
import type { ServerNotifier } from '@modelcontextprotocol/server';
import express, { type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';

import { createProtectedResourceMetadataHandler } from './auth/protectedResourceMetadata.js';
import { authenticateBearer, requireBearerToken } from './auth/requireBearerToken.js';
import { createLogger } from './createLogger.js';
import { answerUnhandledErrors } from './http/answerUnhandledErrors.js';
import { createDnsRebindingGuard, createHostCheck } from './http/dnsRebindingGuard.js';
import { createFastLane } from './http/fastLane/createFastLane.js';
import type { FastLaneHandlers } from './http/fastLane/fastLaneHandlers.js';
import { logRequests } from './http/logRequests.js';
import { createModernMcpHandler } from './http/modernMcpHandler.js';
import { createJsonBodyParser } from './http/parseJsonBody.js';
import { createPingHandler, type PingStatus } from './http/ping.js';
import { rejectInvalidJsonRpc } from './http/rejectInvalidJsonRpc.js';
import { routeByEra } from './http/routeByEra.js';
import { sendJsonRpcError } from './http/sendJsonRpcError.js';
import { createStatefulMcpHandler, type StatefulMcpHandler } from './http/statefulMcpHandler.js';
import { createStatelessMcpHandler } from './http/statelessMcpHandler.js';
import type { McpServerInstance } from './mcp/mcpServerInstance.js';
import { PROTECTED_RESOURCE_METADATA_PATH } from './metadata/buildProtectedResourceMetadata.js';
import {
  type AgentCoreServerOptions,
  type ResolvedServerOptions,
  resolveServerOptions,
} from './options.js';
import { createServerLifecycle, type ListeningAddress } from './serverLifecycle.js';
import { trackInFlight } from './trackInFlight.js';

/** What {@link McpHttpServerOptions.buildServer} is told about the server it builds. */
export interface McpServerBuildContext {
  /**
   * `modern`: the server answers one MCP 2026-07-28 request. `legacy`: it answers a 2025-era
   * client, one request (stateless mode) or one session (stateful mode).
   */
  readonly era: 'legacy' | 'modern';
  /**
   * `true` when the server answers a single request (every 2026-07-28 request, and 2025 requests
   * in stateless mode) and is closed right after; `false` when it serves one whole 2025 session.
   */
  readonly stateless: boolean;
}

/**
 * Options of {@link createMcpHttpServer}: every transport option of `createAgentCoreServer` (mode,
 * host, port, path, body limit, DNS-rebinding protection, auth, logger…) plus the MCP server itself.
 */
export interface McpHttpServerOptions extends Omit<
  AgentCoreServerOptions,
  'tools' | 'resources' | 'resourceTemplates' | 'prompts' | 'title' | 'instructions'
> {
  /**
   * Builds the SDK (v2) server, an `McpServer` or a low-level `Server`, that answers one request
   * (2026-07-28, stateless 2025) or one 2025 session (stateful). It is closed when the request or
   * session ends; release per-session resources in its `onclose`.
   */
  buildServer: (context: McpServerBuildContext) => McpServerInstance;
  /**
   * Mounts more routes (e.g. `GET /status`) before the catch-all 404. They are not behind the
   * bearer-token check, which guards the MCP endpoint only.
   */
  routes?: (app: Express) => void;
  /** Runs on shutdown after sessions are closed, e.g. to stop upstream connections. */
  onClose?: () => Promise<void>;
  /**
   * Runs in `listen` (and `run`) before the port is bound, e.g. to connect upstream servers. In
   * `run`, SIGTERM/SIGINT during it still shut down cleanly: `onClose` runs and nothing binds.
   */
  prepare?: () => Promise<void>;
  /**
   * Runs in `listen` (and `run`) after the port is bound and before `listen` resolves and the
   * `listening` line is logged; requests are served meanwhile. For start-up work that must not hold
   * up `/ping` or the requests that can already be answered, e.g. a gateway discovering its targets.
   */
  warmUp?: () => Promise<void>;
  /**
   * What `GET /ping` reports, asked on every ping: `HealthyBusy` tells AgentCore that background
   * work runs (e.g. targets still starting). Default: always `Healthy`.
   */
  pingStatus?: () => PingStatus;
  /**
   * Ends the "authentication is off" start-up warning: what the operator should set. Default:
   * `set AUTHORIZER_CONFIG (or the auth option) to require bearer tokens`.
   */
  authHint?: string;
  /**
   * `tools/call` and `tools/list` without a session answered on server-kit's fast lane by these
   * handlers, without an SDK server per request (see {@link FastLaneHandlers}); whatever they
   * decline goes to `buildServer`'s server. Off with the `fastLane: false` option. Default: none.
   */
  fastLaneHandlers?: FastLaneHandlers;
}

/** An MCP endpoint on the AgentCore Runtime contract around any SDK server, ready to listen. */
export interface McpHttpServer {
  /** The express app: `POST /mcp`, `GET /ping` and the routes given in `routes`. */
  readonly app: Express;
  /** The server's logger. */
  readonly logger: Logger;
  /** The options with defaults applied. */
  readonly options: ResolvedServerOptions;
  /** Where it listens, once `listen` has resolved. */
  readonly address: ListeningAddress | undefined;
  /**
   * Tells MCP 2026-07-28 clients listening with `subscriptions/listen` (on this process) that a
   * list or a resource changed. 2025 sessions are told by their own servers
   * (`sendToolListChanged()`, `sendResourceUpdated()`…).
   */
  readonly notify: ServerNotifier;
  /**
   * Runs `prepare`, binds `host:port`, runs `warmUp` (serving requests meanwhile), then logs one
   * `listening` line with the URL and resolves.
   */
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
 * Serves any SDK (v2) server the way AgentCore Runtime expects: streamable HTTP on
 * `0.0.0.0:8000/mcp`, both protocol eras on one endpoint (MCP 2026-07-28 requests statelessly;
 * 2025 clients stateless by default, a server per request, or stateful, a server per session), `GET /ping`, a body limit with JSON-RPC 413s, DNS-rebinding protection on loopback
 * binds, optional bearer-token auth with RFC 9728 metadata, JSON logs and graceful shutdown.
 * `createAgentCoreServer` is this plus tool definitions; the gateway is this plus proxying.
 *
 * @param options - The server factory and transport options; see {@link McpHttpServerOptions}.
 * @returns The server, not yet listening.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a bad port, path or limit.
 * @example
 * ```ts
 * const http = createMcpHttpServer({
 *   name: 'echo',
 *   version: '1.0.0',
 *   buildServer: () => new McpServer({ name: 'echo', version: '1.0.0' }), // @modelcontextprotocol/server
 * });
 * await http.run();
 * ```
 */
export function createMcpHttpServer(options: McpHttpServerOptions): McpHttpServer {
  const resolved = resolveServerOptions(options);
  const logger = options.logger ?? createLogger({ name: resolved.name });

  const app = express();
  app.disable('x-powered-by');
  const inFlight = trackInFlight();
  const [parseBody, onBodyError] = createJsonBodyParser(resolved.bodyLimit);
  let stateful: StatefulMcpHandler | undefined;
  let mcpPost: RequestHandler;
  let mcpOther: RequestHandler;
  if (resolved.mode === 'stateful') {
    stateful = createStatefulMcpHandler({
      buildServer: () => options.buildServer({ era: 'legacy', stateless: false }),
      jsonResponse: resolved.jsonResponse,
      sessionIdleTimeoutMs: resolved.sessionIdleTimeoutMs,
      eventStore: resolved.eventStore,
      retryInterval: resolved.retryInterval,
      logger,
    });
    mcpPost = mcpOther = stateful.handle;
  } else {
    ({ post: mcpPost, other: mcpOther } = createStatelessMcpHandler({
      buildServer: () => options.buildServer({ era: 'legacy', stateless: true }),
      jsonResponse: resolved.jsonResponse,
      logger,
    }));
  }

  const modern = createModernMcpHandler({
    buildServer: () => options.buildServer({ era: 'modern', stateless: true }),
    jsonResponse: resolved.jsonResponse,
    logger,
  });

  app.get('/ping', createPingHandler(Date.now(), options.pingStatus));
  const mcpRoute = app.route(resolved.path);
  mcpRoute.all(logRequests(logger), inFlight.middleware);
  if (resolved.dnsRebindingProtection)
    mcpRoute.all(createDnsRebindingGuard(resolved.dnsRebindingProtection));
  let authorizer: JwtAuthorizer | undefined;
  if (resolved.auth) {
    const { jwt, verify, protectedResource = {} } = resolved.auth;
    app.get(
      [PROTECTED_RESOURCE_METADATA_PATH, `${PROTECTED_RESOURCE_METADATA_PATH}${resolved.path}`],
      createProtectedResourceMetadataHandler(jwt, protectedResource, resolved.path),
    );
    authorizer = createJwtAuthorizer(jwt, verify);
    mcpRoute.all(requireBearerToken(authorizer, logger));
  }
  mcpRoute.post(
    parseBody,
    onBodyError,
    rejectInvalidJsonRpc(),
    routeByEra({ modern: modern.handle, legacy: mcpPost }),
  );
  mcpRoute.all(mcpOther);
  options.routes?.(app);
  app.use((req, res) => {
    sendJsonRpcError(res, 404, {
      code: JSON_RPC_CODES.serverError,
      message: `Not found: ${req.method} ${req.path}; the MCP endpoint is POST ${resolved.path}`,
    });
  });
  app.use(answerUnhandledErrors(logger));

  const fastLane =
    options.fastLaneHandlers && resolved.fastLane
      ? createFastLane({
          path: resolved.path,
          bodyLimit: resolved.bodyLimit,
          jsonResponse: resolved.jsonResponse,
          stateless: resolved.mode === 'stateless',
          handlers: options.fastLaneHandlers,
          serverInfo: { name: resolved.name, version: resolved.version },
          logger,
          inFlight,
          checkHost: resolved.dnsRebindingProtection
            ? createHostCheck(resolved.dnsRebindingProtection)
            : undefined,
          authenticate: authorizer
            ? (authorization) => authenticateBearer(authorizer, authorization)
            : undefined,
        })
      : undefined;
  const lifecycle = createServerLifecycle({
    app,
    ...(fastLane
      ? {
          listener: (req: IncomingMessage, res: ServerResponse) => {
            fastLane(req, res, () => {
              app(req, res);
            });
          },
        }
      : {}),
    options: resolved,
    logger,
    inFlight,
    closeSessions: async () => {
      await stateful?.closeAll();
      await options.onClose?.();
    },
    ...(options.prepare ? { prepare: options.prepare } : {}),
    ...(options.warmUp ? { warmUp: options.warmUp } : {}),
    ...(options.authHint === undefined ? {} : { authHint: options.authHint }),
  });

  return {
    app,
    logger,
    options: resolved,
    get address() {
      return lifecycle.address;
    },
    notify: modern.notify,
    listen: lifecycle.listen,
    close: lifecycle.close,
    run: lifecycle.run,
  };
}
