import { createClientCredentialsTokenProvider, type TokenProvider } from '@agentcore-mcp/client';
import {
  createLogger,
  createMcpHttpServer,
  type McpHttpServer,
  type McpHttpServerOptions,
} from '@agentcore-mcp/server-kit';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { LoggingMessageNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { Express } from 'express';
import type { Logger } from 'pino';

import { buildCatalog, type Catalog, type CatalogProblem } from './catalog/buildCatalog.js';
import { compileGlobs } from './catalog/globMatcher.js';
import type { GatewayConfig, TargetConfig } from './config/types.js';
import { createGatewayMetrics, type GatewayMetrics } from './observability/gatewayMetrics.js';
import { GATEWAY_STATUS_TOOL_NAME } from './server/gatewayStatusTool.js';
import { installForwardingHandlers } from './server/installForwardingHandlers.js';
import { installListChangedHandlers } from './server/installListChangedHandlers.js';
import { SessionUpstreams } from './server/sessionUpstreams.js';
import { StatelessCancellation } from './server/statelessCancellation.js';
import { TargetRuntime, type TargetStatus } from './upstream/targetRuntime.js';

/** The gateway's version, sent as `serverInfo.version` and upstream as `clientInfo.version`. */
const GATEWAY_VERSION = '0.1.0';

/** Options of {@link createGateway}. */
export interface CreateGatewayOptions {
  /** The logger. Default: server-kit's JSON logger named `mcp-gateway`. */
  logger?: Logger;
  /** Override `gateway.host` from the configuration, e.g. with env `HOST`. */
  host?: string;
  /** Override `gateway.port`, e.g. with env `PORT`; 0 picks a free port. */
  port?: number;
  /**
   * Outbound credentials per target name, for tokens the configuration cannot express (e.g. a
   * Cognito or custom provider from `@agentcore-mcp/client`). They take precedence over `oauth`.
   */
  tokenProviders?: Readonly<Record<string, TokenProvider>>;
  /** How long `listen` waits for the first discovery of every target, in ms. Default 10000. */
  startupTimeoutMs?: number;
  /**
   * More transport options passed to server-kit: body limit, DNS-rebinding protection, and in
   * stateful mode an `eventStore` (e.g. `createInMemoryEventStore()`) so clients resume streams.
   */
  http?: Pick<
    McpHttpServerOptions,
    | 'bodyLimit'
    | 'dnsRebindingProtection'
    | 'shutdownTimeoutMs'
    | 'sessionIdleTimeoutMs'
    | 'jsonResponse'
    | 'eventStore'
    | 'retryInterval'
  >;
}

/** What `GET /status` and the `gateway_status` tool report. */
export interface GatewayStatus {
  /** `running` once listening. */
  readonly status: 'starting' | 'running';
  readonly version: string;
  readonly mode: 'stateless' | 'stateful';
  readonly uptimeSeconds: number;
  readonly healthyTargets: number;
  readonly totalTargets: number;
  /** Tools listed to clients right now (the gateway's own included). */
  readonly toolCount: number;
  readonly targets: readonly TargetStatus[];
  /** Names left out of the catalog (collisions, names over 64 characters). */
  readonly problems: readonly CatalogProblem[];
}

/** A running MCP gateway: an AgentCore-ready HTTP server that aggregates and proxies its targets. */
export interface Gateway extends McpHttpServer {
  /** The aggregated catalog as clients see it now. */
  catalog(): Catalog;
  /** The gateway's and every target's status. */
  status(): GatewayStatus;
  /** Re-lists every target now (they are also re-listed periodically and on `list_changed`). */
  refresh(): Promise<void>;
  /** The Prometheus metrics served on `GET /metrics`. */
  readonly metrics: GatewayMetrics;
}

/**
 * Creates an MCP gateway from a resolved configuration (see `loadGatewayConfig`): one streamable
 * HTTP endpoint (stateless by default, so it runs on AgentCore Runtime and behind any load
 * balancer) in front of every target, with discovery, routing, health checks, a circuit breaker
 * per target, inbound JWT auth, `GET /ping`, `GET /status` and `GET /metrics`.
 *
 * `listen()` first connects to and lists every target (waiting at most `startupTimeoutMs`; a slow
 * or dead target never blocks start-up and is retried in the background).
 *
 * @param config - The resolved configuration.
 * @param options - Logger, host/port overrides, outbound token providers.
 * @returns The gateway, not yet listening.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for bad transport options.
 * @example
 * ```ts
 * const gateway = createGateway(loadGatewayConfig('gateway.json'));
 * await gateway.run(); // listens on 0.0.0.0:8000/mcp until SIGTERM
 * ```
 */
export function createGateway(config: GatewayConfig, options: CreateGatewayOptions = {}): Gateway {
  const logger = options.logger ?? createLogger({ name: 'mcp-gateway' });
  const metrics = createGatewayMetrics();
  const jsonSchemaValidator = new AjvJsonSchemaValidator();
  const clientInfo = { name: 'agentcore-mcp-gateway', version: GATEWAY_VERSION };
  const startedAt = Date.now();
  const sessions = new Set<McpServer>();
  const cancellation = new StatelessCancellation();
  let catalog = buildCatalog([], catalogOptions(config));
  let listedNames = '';

  const rebuildCatalog = () => {
    catalog = buildCatalog(
      targets.map((target) => ({
        target: target.name,
        prefix: target.config.prefix,
        exposesTool: toolFilter(target.config),
        listing: target.listing,
        healthy: target.isHealthy,
      })),
      catalogOptions(config),
    );
    const names = JSON.stringify([
      catalog.tools.map((tool) => tool.name),
      catalog.resources.map((resource) => resource.uri),
      catalog.resourceTemplates.map((template) => template.uriTemplate),
      catalog.prompts.map((prompt) => prompt.name),
    ]);
    if (names === listedNames) return;
    listedNames = names;
    for (const problem of catalog.problems)
      logger.warn({ target: problem.target, name: problem.name }, problem.message);
    for (const session of sessions) notifyListsChanged(session);
  };

  const targets: TargetRuntime[] = config.targets.map(
    (target) =>
      new TargetRuntime({
        target,
        healthCheck: config.gateway.healthCheck,
        tokenProvider: options.tokenProviders?.[target.name] ?? createTokenProvider(target),
        clientInfo,
        jsonSchemaValidator,
        logger,
        metrics,
        setup: (client, runtime) => setupSharedClient(client, runtime),
        onChange: rebuildCatalog,
      }),
  );
  const byName = new Map(targets.map((target) => [target.name, target]));

  const status = (): GatewayStatus => {
    const targetStatuses = targets.map((target) => target.status());
    return {
      status: http.address === undefined ? 'starting' : 'running',
      version: GATEWAY_VERSION,
      mode: config.gateway.mode,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      healthyTargets: targetStatuses.filter((target) => target.healthy).length,
      totalTargets: targets.length,
      toolCount: catalog.tools.length + 1,
      targets: targetStatuses,
      problems: catalog.problems,
    };
  };

  const buildServer = ({ stateless }: { stateless: boolean }): McpServer => {
    const server = new McpServer(
      { name: 'agentcore-mcp-gateway', title: 'AgentCore MCP gateway', version: GATEWAY_VERSION },
      {
        capabilities: {
          tools: { listChanged: true },
          resources: { subscribe: true, listChanged: true },
          prompts: { listChanged: true },
          completions: {},
          logging: {},
        },
        jsonSchemaValidator,
      },
    );
    const session = stateless ? undefined : new SessionUpstreams(server.server);
    if (stateless) cancellation.watch(server);
    installForwardingHandlers(server.server, {
      catalog: () => catalog,
      target: (name) => byName.get(name),
      status,
      session,
      cancellation: stateless ? cancellation : undefined,
    });
    if (session) {
      sessions.add(server);
      server.server.onclose = () => {
        sessions.delete(server);
        void session.closeAll();
      };
    }
    return server;
  };

  let refreshTimer: NodeJS.Timeout | undefined;
  const start = async () => {
    const everyTarget = Promise.all(targets.map((target) => target.start()));
    const timeoutMs = options.startupTimeoutMs ?? 10_000;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      everyTarget,
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
    rebuildCatalog();
    logger.info(
      { targets: targets.length, healthy: status().healthyTargets, tools: catalog.tools.length },
      'targets discovered',
    );
    const { refreshIntervalMs } = config.gateway.discovery;
    if (refreshIntervalMs > 0) {
      refreshTimer = setInterval(() => void refresh(), refreshIntervalMs);
      refreshTimer.unref();
    }
  };
  const refresh = async () => {
    await Promise.all(targets.map((target) => target.refresh()));
  };

  const http = createMcpHttpServer({
    name: 'mcp-gateway',
    version: GATEWAY_VERSION,
    logger,
    mode: config.gateway.mode,
    host: options.host ?? config.gateway.host,
    port: options.port ?? config.gateway.port,
    path: config.gateway.path,
    ...options.http,
    ...(config.gateway.auth ? { auth: { jwt: config.gateway.auth.jwt } } : {}),
    buildServer,
    prepare: start,
    authHint:
      'set gateway.auth.customJWTAuthorizer in the gateway configuration to require bearer tokens',
    routes: (app) => mountOperationalRoutes(app, { status, metrics }),
    onClose: async () => {
      clearInterval(refreshTimer);
      await Promise.all(targets.map((target) => target.stop()));
    },
  });

  return Object.assign(http, { catalog: () => catalog, status, refresh, metrics });

  function setupSharedClient(client: Client, runtime: TargetRuntime): void {
    installListChangedHandlers(client, runtime);
    client.setNotificationHandler(LoggingMessageNotificationSchema, async (notification) => {
      await runtime.connection.inFlight.sole()?.sendNotification(notification);
    });
  }
}

function catalogOptions(config: GatewayConfig) {
  return {
    prefixMode: config.gateway.toolNamePrefix,
    hideUnhealthy: config.gateway.discovery.hideUnhealthy,
    reservedToolNames: [GATEWAY_STATUS_TOOL_NAME],
  };
}

function toolFilter(target: TargetConfig): (name: string) => boolean {
  const allowed = compileGlobs(target.tools.allow);
  const denied = compileGlobs(target.tools.deny);
  return (name) => allowed(name) && !denied(name);
}

function createTokenProvider(target: TargetConfig): TokenProvider | undefined {
  if (target.kind !== 'http' || target.oauth === undefined) return undefined;
  const { tokenUrl, clientId, clientSecret, scopes, authMethod } = target.oauth;
  return createClientCredentialsTokenProvider({
    tokenUrl,
    clientId,
    clientSecret,
    scopes,
    authMethod,
  });
}

function notifyListsChanged(session: McpServer): void {
  void session.server.sendToolListChanged().catch(() => undefined);
  void session.server.sendResourceListChanged().catch(() => undefined);
  void session.server.sendPromptListChanged().catch(() => undefined);
}

function mountOperationalRoutes(
  app: Express,
  parts: { status: () => GatewayStatus; metrics: GatewayMetrics },
): void {
  app.get('/status', (_req, res) => {
    const status = parts.status();
    res.status(status.status === 'running' ? 200 : 503).json(status);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(parts.metrics.registry.contentType).send(await parts.metrics.registry.metrics());
  });
}
