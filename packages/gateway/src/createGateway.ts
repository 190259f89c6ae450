import type { TokenProvider } from '@agentcore-mcp/client';
import {
  createLogger,
  createMcpHttpServer,
  type McpHttpServer,
  type McpHttpServerOptions,
} from '@agentcore-mcp/server-kit';
import type { Server } from '@modelcontextprotocol/server';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import type { Logger } from 'pino';

import type { Catalog } from './catalog/buildCatalog.js';
import { GatewayCatalog } from './catalog/gatewayCatalog.js';
import { GatewayDiscovery } from './catalog/gatewayDiscovery.js';
import type { GatewayConfig } from './config/types.js';
import type { GatewayStatus } from './gatewayStatus.js';
import { createGatewayMetrics, type GatewayMetrics } from './observability/gatewayMetrics.js';
import { buildGatewayServer } from './server/buildGatewayServer.js';
import { gatewayFastLane } from './server/gatewayFastLane.js';
import { GATEWAY_STATUS_TOOL_NAME } from './server/gatewayStatusTool.js';
import { AUTH_HINT, describeOpenBind } from './server/openBindWarning.js';
import { mountOperationalRoutes } from './server/operationalRoutes.js';
import { StatelessCancellation } from './server/statelessCancellation.js';
import { announceListsChanged, SHARED_SESSION_EVENTS } from './server/upstreamBridge.js';
import { TargetRuntime } from './upstream/targetRuntime.js';

/** The gateway's version, sent as `serverInfo.version` and upstream as `clientInfo.version`. */
const GATEWAY_VERSION = '0.1.0';

/** Options of {@link createGateway}. */
export interface CreateGatewayOptions {
  /** The logger. Default: server-kit's JSON logger named `mcp-gateway`. */
  logger?: Logger;
  /**
   * Override `gateway.host` from the configuration, e.g. with env `HOST`. Without `gateway.auth`,
   * a non-loopback address makes the "authentication is off" warning name what it exposes.
   */
  host?: string;
  /** Override `gateway.port`, e.g. with env `PORT`; 0 picks a free port. */
  port?: number;
  /**
   * Outbound credentials per target name, for tokens the configuration cannot express (e.g. a
   * Cognito or custom provider from `@agentcore-mcp/client`). They take precedence over `oauth`.
   */
  tokenProviders?: Readonly<Record<string, TokenProvider>>;
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

/** A running MCP gateway: an AgentCore-ready HTTP server that aggregates and proxies its targets. */
export interface Gateway extends McpHttpServer {
  /** The aggregated catalog as clients see it now. */
  catalog(): Catalog;
  /** The gateway's and every target's status. */
  status(): GatewayStatus;
  /** Re-lists every target now (they are also re-listed periodically and on `list_changed`). */
  refresh(): Promise<void>;
  /**
   * Resolves once every target's first discovery ended (listed or failed), which `listen()` waits
   * for at most `gateway.discovery.startupWaitMs`.
   */
  whenDiscovered(): Promise<void>;
  /** The Prometheus metrics served on `GET /metrics`. */
  readonly metrics: GatewayMetrics;
}

/**
 * Creates an MCP gateway from a resolved configuration (see `loadGatewayConfig`): one streamable
 * HTTP endpoint (stateless by default, so it runs on AgentCore Runtime and behind any load
 * balancer) in front of every target, with discovery, routing, health checks, a circuit breaker
 * per target, inbound JWT auth, `GET /ping`, `GET /status` and `GET /metrics`.
 *
 * `listen()` binds the port, then connects to and lists every target at once, resolving when all
 * were listed or failed, or after `gateway.discovery.startupWaitMs`. Requests are served from the
 * moment the port is bound, with the targets listed so far; `/ping` says `HealthyBusy` while a
 * target is still starting (`gateway.discovery.busyWhileStarting`). A slow target joins the
 * catalog when ready (clients get `list_changed`); a dead one is reported unhealthy at once and
 * retried in the background. Without inbound auth it
 * logs one warning; on a non-loopback address that warning names the address and the targets it
 * exposes, and how to add auth.
 *
 * @param config - The resolved configuration.
 * @param options - Logger, host/port overrides, outbound token providers.
 * @returns The gateway, not yet listening.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for bad transport options.
 * @example
 * ```ts
 * const gateway = createGateway(loadGatewayConfig('gateway.json'));
 * await gateway.run(); // 127.0.0.1:8000/mcp (0.0.0.0 with gateway.auth) until SIGTERM
 * ```
 */
export function createGateway(config: GatewayConfig, options: CreateGatewayOptions = {}): Gateway {
  const logger = options.logger ?? createLogger({ name: 'mcp-gateway' });
  const metrics = createGatewayMetrics();
  const jsonSchemaValidator = new AjvJsonSchemaValidator();
  const clientInfo = { name: 'agentcore-mcp-gateway', version: GATEWAY_VERSION };
  const startedAt = Date.now();
  const sessions = new Set<Server>();
  const catalog = new GatewayCatalog(config, [GATEWAY_STATUS_TOOL_NAME], () => targets);
  const discovery = new GatewayDiscovery({
    config: config.gateway.discovery,
    catalog,
    logger,
    // Runs once targets start, in `warmUp`: `http` exists by then.
    announce: () => announceListsChanged(sessions, http.notify),
  });

  const targets: TargetRuntime[] = config.targets.map(
    (target) =>
      new TargetRuntime({
        target,
        healthCheck: config.gateway.healthCheck,
        tokenProvider: options.tokenProviders?.[target.name],
        clientInfo,
        jsonSchemaValidator,
        logger,
        metrics,
        events: SHARED_SESSION_EVENTS,
        onChange: () => discovery.targetChanged(),
        onListChanged: () => discovery.listChanged(),
      }),
  );
  const byName = new Map(targets.map((target) => [target.name, target]));

  const status = (): GatewayStatus => {
    const targetStatuses = targets.map((target) => target.status());
    return {
      status: http.address === undefined || discovery.isStarting ? 'starting' : 'running',
      version: GATEWAY_VERSION,
      mode: config.gateway.mode,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      healthyTargets: targetStatuses.filter((target) => target.healthy).length,
      totalTargets: targets.length,
      toolCount: catalog.current.tools.length + 1,
      targets: targetStatuses,
      problems: catalog.current.problems,
    };
  };
  const serverParts = {
    version: GATEWAY_VERSION,
    jsonSchemaValidator,
    cancellation: new StatelessCancellation(),
    sessions,
    catalog: () => catalog.current,
    target: (name: string) => byName.get(name),
    status,
  };

  const host = options.host ?? config.gateway.host;
  const port = options.port ?? config.gateway.port;
  const auth = config.gateway.auth !== undefined;
  const http = createMcpHttpServer({
    name: 'mcp-gateway',
    version: GATEWAY_VERSION,
    logger,
    mode: config.gateway.mode,
    host,
    port,
    path: config.gateway.path,
    ...options.http,
    ...(config.gateway.auth ? { auth: { jwt: config.gateway.auth.jwt } } : {}),
    buildServer: (mode) => buildGatewayServer(serverParts, mode),
    fastLaneHandlers: gatewayFastLane(serverParts),
    warmUp: () => discovery.start(targets),
    ...(config.gateway.discovery.busyWhileStarting
      ? { pingStatus: () => (discovery.isStarting ? 'HealthyBusy' : 'Healthy') }
      : {}),
    authHint: describeOpenBind({ host, port, auth, targets: config.targets }) ?? AUTH_HINT,
    routes: (app) => mountOperationalRoutes(app, { status, metrics }),
    onClose: async () => {
      discovery.stop();
      await Promise.all(targets.map((target) => target.stop()));
    },
  });

  return Object.assign(http, {
    catalog: () => catalog.current,
    status,
    refresh: () => discovery.refresh(),
    whenDiscovered: () => discovery.whenSettled(),
    metrics,
  });
}
