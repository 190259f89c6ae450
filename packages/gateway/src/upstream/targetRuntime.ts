import type { StandardSchemaV1 } from '@modelcontextprotocol/client';

import type { HealthCheckConfig, TargetConfig } from '../config/types.js';
import type { GatewayMetrics } from '../observability/gatewayMetrics.js';
import { describeFailure } from './forwardErrors.js';
import { type ForwardedRequest, forwardRequest } from './forwardRequest.js';
import type { HealthClock } from './health/healthClock.js';
import { pingTarget } from './health/pingTarget.js';
import { TargetHealth } from './health/targetHealth.js';
import { ListChangeSubscription } from './listChangeSubscription.js';
import type { TargetListing } from './listTarget.js';
import {
  createTargetConnector,
  type TargetConnectorOptions,
  type TargetSession,
} from './targetConnector.js';
import { TargetDiscovery } from './targetDiscovery.js';
import { TargetEra } from './targetEra.js';
import { type TargetStatus, toTargetStatus } from './targetStatus.js';
import { ToolParamHeaders } from './toolParamHeaders.js';
import type { UpstreamConnection } from './upstreamConnection.js';
import type { UpstreamEvents } from './upstreamEvents.js';

/** Options of {@link TargetRuntime}: those of its connections, plus health, metrics and events. */
export interface TargetRuntimeOptions extends Omit<
  TargetConnectorOptions,
  'refresh' | 'era' | 'paramHeaders'
> {
  readonly healthCheck: HealthCheckConfig;
  readonly metrics: GatewayMetrics;
  /** Where the target's messages on the shared session go (`list_changed` is handled here). */
  readonly events?: UpstreamEvents | undefined;
  /** Called after the listing or the health of the target changed. */
  readonly onChange: () => void;
  /**
   * Called when the target announces that its lists changed (`list_changed`), before it is
   * listed again: its clients are to be told after that listing even when no name changed (a
   * description or schema may have). Default: nothing.
   */
  readonly onListChanged?: (() => void) | undefined;
  /** The health checks' clock and timers. Default: the system's. */
  readonly clock?: HealthClock | undefined;
}

/**
 * One target as the gateway runs it: the lifecycle and wiring of its shared
 * {@link UpstreamConnection}, its {@link TargetDiscovery} (the listing), its {@link TargetHealth}
 * (pings, circuit breaker, restarts), its {@link TargetEra} (the protocol era every connection to it
 * speaks) and, for a 2026-07-28 target, its {@link ListChangeSubscription}. Every proxied request
 * goes through {@link forward}. Flow is one-way: callers hand requests down, and the target's own
 * messages come back up only through the `events` they passed in.
 */
export class TargetRuntime {
  /** The target's configuration. */
  readonly config: TargetConfig;
  /** The session used for discovery, health checks and (in stateless mode) every request. */
  readonly connection: UpstreamConnection;
  readonly #options: TargetRuntimeOptions;
  readonly #connect: (session: TargetSession) => UpstreamConnection;
  readonly #health: TargetHealth;
  readonly #discovery: TargetDiscovery;
  readonly #era: TargetEra;
  readonly #changes: ListChangeSubscription;
  readonly #paramHeaders = new ToolParamHeaders();

  /** @param options - See {@link TargetRuntimeOptions}. */
  constructor(options: TargetRuntimeOptions) {
    const { target, logger } = options;
    this.#options = options;
    this.config = target;
    this.#era = new TargetEra(target.protocol);
    const paramHeaders = this.#paramHeaders;
    this.#connect = createTargetConnector({
      ...options,
      era: this.#era,
      paramHeaders,
      refresh: () => {
        options.onListChanged?.();
        return this.refresh();
      },
    });
    this.#health = new TargetHealth({
      ...options.healthCheck,
      clock: options.clock,
      ping: () =>
        void pingTarget({
          config: target,
          connection: this.connection,
          health: this.#health,
          isListed: () => this.#discovery.isListed,
          relist: () => this.refresh(),
          onAlive: () => this.#changes.ensure(),
        }),
      restart: (attempt) => {
        logger.info({ target: target.name, attempt }, 'reconnecting to target');
        void this.refresh();
      },
      onChange: (healthy) => {
        if (healthy) logger.info({ target: target.name }, 'target healthy');
        else logger.warn({ target: target.name, err: this.#health.lastError }, 'target unhealthy');
        options.onChange();
      },
      onRecord: () => this.#publish(),
    });
    this.connection = this.#connect({
      capabilities: {},
      events: options.events,
      onUnexpectedClose: (reason) => this.#connectionLost(reason),
    });
    this.#changes = new ListChangeSubscription({
      target: target.name,
      connection: this.connection,
      logger,
      onLost: () => void this.refresh(),
    });
    this.#discovery = new TargetDiscovery({
      target,
      connection: this.connection,
      paramHeaders,
      logger,
      onListed: (durationMs) => {
        this.#health.recordListed(durationMs);
        this.#changes.ensure();
      },
      onFailed: (error) => {
        this.#health.recordFailure(describeFailure(target, 'discovery', error));
        logger.warn(
          { target: target.name, err: this.#health.lastError },
          'target discovery failed',
        );
        if (target.kind === 'stdio' && !this.connection.isConnected) this.#health.scheduleRestart();
      },
      onSettled: () => options.onChange(),
    });
  }

  /** The target's name. */
  get name(): string {
    return this.config.name;
  }

  /** The last listing, or an empty one before the first successful discovery. */
  get listing(): TargetListing {
    return this.#discovery.listing;
  }

  /** Whether the first discovery is still under way (the target neither listed nor failed yet). */
  get isStarting(): boolean {
    return !this.#discovery.hasSettled;
  }

  /** Whether the target answered its last request, ping or discovery. */
  get isHealthy(): boolean {
    return this.#health.healthy;
  }

  /** Connects, lists and starts the health checks. Never throws (see {@link refresh}). */
  async start(): Promise<void> {
    this.#health.start();
    await this.refresh();
  }

  /**
   * Lists the target again (concurrent calls share one discovery). Never throws: a failure marks
   * the target unhealthy and restarts a stdio child with backoff.
   */
  refresh(): Promise<void> {
    return this.#discovery.refresh();
  }

  /**
   * Sends one proxied request through the target's health gate (see `forwardRequest`).
   *
   * @param forwarded - The message, its result schema, the tool for metrics and the request.
   * @param connection - A downstream session's own connection (stateful mode); default shared.
   * @returns The target's result.
   * @throws {@link GatewayError} unavailable, timeout or failed; `JsonRpcError` for the target's
   *   own errors.
   */
  forward<T extends StandardSchemaV1>(
    forwarded: ForwardedRequest<T>,
    connection: UpstreamConnection = this.connection,
  ): Promise<StandardSchemaV1.InferOutput<T>> {
    const target = { config: this.config, health: this.#health, metrics: this.#options.metrics };
    return forwardRequest(target, forwarded, {
      connection,
      shared: connection === this.connection,
    });
  }

  /**
   * Checks a 2026-07-28 client's `Mcp-Param-*` headers against the arguments of its call to one of
   * this target's tools, by the tool's `x-mcp-header` declarations as last listed.
   *
   * @param tool - The tool's name as the target lists it.
   * @param args - The call's `arguments`.
   * @param header - Reads a request header by its lower-case name.
   * @returns What disagrees, in words, or `undefined` when the headers match.
   */
  paramHeaderMismatch(
    tool: string,
    args: unknown,
    header: (name: string) => string | undefined,
  ): string | undefined {
    return this.#paramHeaders.mismatch(tool, args, header);
  }

  /**
   * A new session with this target for one downstream session (stateful mode), so the target's
   * logs, sampling and elicitation requests reach that client through `session.events`.
   */
  openSessionConnection(session: Omit<TargetSession, 'onUnexpectedClose'>): UpstreamConnection {
    return this.#connect(session);
  }

  /** What `/status` shows for this target. */
  status(): TargetStatus {
    return toTargetStatus({
      config: this.config,
      health: this.#health,
      listing: this.listing,
      listedAt: this.#discovery.listedAt,
      starting: this.isStarting,
      server: this.connection.serverInfo,
      era: this.#era.status(),
    });
  }

  /** Stops the health checks and ends the shared session (a stdio child is terminated). */
  async stop(): Promise<void> {
    this.#discovery.stop();
    this.#health.stop();
    // Closing the session ends the listen stream too (a silent target never holds shutdown).
    const unsubscribing = this.#changes.stop();
    await this.connection.close();
    await unsubscribing;
  }

  #connectionLost(reason: string): void {
    this.#options.logger.warn({ target: this.name, reason }, 'target connection lost');
    const what = this.config.kind === 'stdio' ? 'process exited' : 'session ended';
    this.#health.recordFailure(`Target "${this.name}" ${what}: ${reason}`);
    this.#health.scheduleRestart();
  }

  #publish(): void {
    this.#options.metrics.setTargetState(this.name, {
      up: this.#health.healthy,
      tools: this.listing.tools.length,
      circuitOpen: this.#health.circuit === 'open',
    });
  }
}
