import type { TokenProvider } from '@agentcore-mcp/client';
import { JsonRpcError } from '@agentcore-mcp/server-kit';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  type ClientCapabilities,
  EmptyResultSchema,
  ErrorCode,
  type Implementation,
} from '@modelcontextprotocol/sdk/types.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import type { Logger } from 'pino';

import type { HealthCheckConfig, TargetConfig } from '../config/types.js';
import { GatewayError } from '../gatewayError.js';
import type {
  GatewayMetrics,
  RequestLabels,
  RequestOutcome,
} from '../observability/gatewayMetrics.js';
import { restartDelayMs } from './backoff.js';
import { CircuitBreaker, type CircuitState } from './circuitBreaker.js';
import {
  describeUpstreamError,
  isTimeout,
  isUpstreamRpcError,
  stripMcpPrefix,
} from './describeUpstreamError.js';
import { EMPTY_LISTING, listTarget, type TargetListing } from './listTarget.js';
import { UpstreamConnection } from './upstreamConnection.js';

/** Options of {@link TargetRuntime}. */
export interface TargetRuntimeOptions {
  readonly target: TargetConfig;
  readonly healthCheck: HealthCheckConfig;
  readonly tokenProvider: TokenProvider | undefined;
  readonly clientInfo: Implementation;
  readonly jsonSchemaValidator: jsonSchemaValidator;
  readonly logger: Logger;
  readonly metrics: GatewayMetrics;
  /** Installs handlers on the shared session's client (notifications from the target). */
  readonly setup: (client: Client, runtime: TargetRuntime) => void;
  /** Called after the listing or the health of the target changed. */
  readonly onChange: () => void;
}

/** What `/status` and the `gateway_status` tool say about one target. */
export interface TargetStatus {
  readonly name: string;
  readonly transport: 'streamable-http' | 'sse' | 'stdio';
  readonly healthy: boolean;
  readonly circuit: CircuitState;
  /** The last failure, one line, or `null`. */
  readonly lastError: string | null;
  /** ISO time of the last failure, or `null`. */
  readonly lastErrorAt: string | null;
  /** Round-trip time of the last successful ping or request, in ms, or `null`. */
  readonly latencyMs: number | null;
  readonly toolCount: number;
  readonly resourceCount: number;
  readonly promptCount: number;
  /** ISO time of the last successful discovery, or `null`. */
  readonly listedAt: string | null;
  /** How many times the gateway reconnected after the session or child process ended. */
  readonly restarts: number;
  /** The upstream server's own name and version from `initialize`, when connected. */
  readonly server: Implementation | null;
}

/**
 * One target as the gateway runs it: a persistent shared session, the last listing, health
 * (periodic pings, a circuit breaker), restarts with backoff when a stdio child or session ends,
 * and {@link forward}, through which every proxied request goes.
 */
export class TargetRuntime {
  /** The target's configuration. */
  readonly config: TargetConfig;
  /** The session used for discovery, health checks and (in stateless mode) every request. */
  readonly connection: UpstreamConnection;
  private readonly breaker: CircuitBreaker;
  private readonly options: TargetRuntimeOptions;
  private currentListing: TargetListing | undefined;
  private healthy = false;
  private lastError: string | null = null;
  private lastErrorAt: string | null = null;
  private latencyMs: number | null = null;
  private listedAt: string | null = null;
  private restarts = 0;
  private restartAttempt = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private restartAt = 0;
  private healthTimer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private stopped = false;

  /** @param options - See {@link TargetRuntimeOptions}. */
  constructor(options: TargetRuntimeOptions) {
    this.options = options;
    this.config = options.target;
    this.breaker = new CircuitBreaker(options.healthCheck);
    this.connection = this.createConnection({
      capabilities: {},
      setup: (client) => options.setup(client, this),
      onUnexpectedClose: (reason) => this.onConnectionLost(reason),
    });
  }

  /** The target's name. */
  get name(): string {
    return this.config.name;
  }

  /** The last listing, or an empty one before the first successful discovery. */
  get listing(): TargetListing {
    return this.currentListing ?? EMPTY_LISTING;
  }

  /** Whether the target answered its last request or ping. */
  get isHealthy(): boolean {
    return this.healthy;
  }

  /**
   * Connects, lists and starts the health-check timer. Never throws: a target that cannot be
   * reached is marked unhealthy and retried by the health check (stdio: restarted with backoff).
   */
  async start(): Promise<void> {
    this.healthTimer = setInterval(
      () => void this.checkHealth(),
      this.options.healthCheck.intervalMs,
    );
    this.healthTimer.unref();
    await this.refresh();
  }

  /**
   * Lists the target again. Calls during a discovery share it and then run one more, so a
   * `list_changed` that arrives mid-discovery is never lost. Never throws.
   */
  async refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        await this.discover();
      } while (this.refreshAgain && !this.stopped);
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** Pings the target through the circuit breaker; a target without a listing is listed too. */
  async checkHealth(): Promise<void> {
    // While a restart is pending, a ping would reconnect at once and defeat the backoff.
    if (this.stopped || this.restartTimer !== undefined || !this.breaker.tryAcquire()) return;
    const wasConnected = this.connection.isConnected;
    const started = performance.now();
    try {
      await this.connection.request({ method: 'ping' }, EmptyResultSchema, {
        timeout: this.config.timeoutMs,
      });
      this.markHealthy(performance.now() - started);
    } catch (error) {
      this.markFailed(this.describeFailure('ping', error));
      return;
    }
    if (!wasConnected || this.currentListing === undefined) await this.refresh();
  }

  /**
   * Sends one proxied request through the circuit breaker, with metrics and one-line errors. The
   * target's own JSON-RPC errors pass through unchanged (same code, message and data).
   *
   * @param request - Method and tool, for errors and metrics; the downstream call's abort signal.
   * @param send - Sends the request on a session (the shared one unless `connection` is given).
   * @param connection - A per-session connection (stateful mode).
   * @throws {@link GatewayError} unavailable (circuit open, cannot connect), timeout or failed;
   *   `JsonRpcError` for the target's own errors.
   */
  async forward<T>(
    request: Omit<RequestLabels, 'target'> & { signal?: AbortSignal },
    send: (connection: UpstreamConnection) => Promise<T>,
    connection: UpstreamConnection = this.connection,
  ): Promise<T> {
    const metricLabels = { method: request.method, tool: request.tool, target: this.name };
    const started = performance.now();
    const finish = (outcome: RequestOutcome) =>
      this.options.metrics.observeRequest(
        metricLabels,
        outcome,
        (performance.now() - started) / 1000,
      );
    if (this.restartTimer !== undefined && connection === this.connection) {
      finish('unavailable');
      throw this.restarting();
    }
    if (!this.breaker.tryAcquire()) {
      finish('unavailable');
      throw this.unavailable();
    }
    try {
      const result = await send(connection);
      this.markHealthy(performance.now() - started);
      finish('ok');
      return result;
    } catch (error) {
      if (isUpstreamRpcError(error)) {
        this.markHealthy(performance.now() - started);
        finish('rpc_error');
        throw new JsonRpcError(error.code, stripMcpPrefix(error.message), error.data);
      }
      if (request.signal?.aborted) {
        this.breaker.release();
        finish('cancelled');
        throw error;
      }
      // The request could not even be serialized (arguments nested deeper than the stack allows):
      // the caller's fault, so it must not count against the target's health.
      if (error instanceof RangeError) {
        this.breaker.release();
        finish('rpc_error');
        throw new JsonRpcError(
          ErrorCode.InvalidParams,
          `Cannot forward ${request.method} to target "${this.name}": the request is nested too deeply to serialize (${error.message}); send flatter arguments`,
        );
      }
      const failure = this.toGatewayError(request.method, error);
      this.markFailed(failure.message);
      finish(
        failure.code === 'ERR_TARGET_TIMEOUT'
          ? 'timeout'
          : failure.code === 'ERR_TARGET_UNAVAILABLE'
            ? 'unavailable'
            : 'failed',
      );
      throw failure;
    }
  }

  /**
   * A new session with this target for one downstream session (stateful mode), so the target's
   * logs, sampling and elicitation requests reach the right client.
   */
  createSessionConnection(
    capabilities: ClientCapabilities,
    setup: (client: Client) => void,
  ): UpstreamConnection {
    return this.createConnection({ capabilities, setup });
  }

  /** What `/status` shows for this target. */
  status(): TargetStatus {
    const listing = this.listing;
    return {
      name: this.name,
      transport: this.config.kind === 'stdio' ? 'stdio' : this.config.transport,
      healthy: this.healthy,
      circuit: this.breaker.state,
      lastError: this.lastError,
      lastErrorAt: this.lastErrorAt,
      latencyMs: this.latencyMs === null ? null : Math.round(this.latencyMs * 100) / 100,
      toolCount: listing.tools.length,
      resourceCount: listing.resources.length + listing.resourceTemplates.length,
      promptCount: listing.prompts.length,
      listedAt: this.listedAt,
      restarts: this.restarts,
      server: this.connection.serverInfo ?? null,
    };
  }

  /** Stops timers and ends the shared session (a stdio child is terminated). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.healthTimer);
    clearTimeout(this.restartTimer);
    await this.connection.close();
  }

  private async discover(): Promise<void> {
    if (this.stopped) return;
    const started = performance.now();
    try {
      const listing = await listTarget(this.connection, this.config.timeoutMs);
      this.currentListing = listing;
      this.listedAt = new Date().toISOString();
      this.restartAttempt = 0;
      this.markHealthy(performance.now() - started);
      this.options.logger.info(
        {
          target: this.name,
          tools: listing.tools.length,
          resources: listing.resources.length,
          resourceTemplates: listing.resourceTemplates.length,
          prompts: listing.prompts.length,
          durationMs: Math.round(performance.now() - started),
        },
        'target listed',
      );
    } catch (error) {
      this.markFailed(this.describeFailure('discovery', error));
      this.options.logger.warn(
        { target: this.name, err: this.lastError },
        'target discovery failed',
      );
      if (this.config.kind === 'stdio' && !this.connection.isConnected) this.scheduleRestart();
    }
    this.options.onChange();
  }

  private onConnectionLost(reason: string): void {
    if (this.stopped) return;
    this.options.logger.warn({ target: this.name, reason }, 'target connection lost');
    this.markFailed(
      `Target "${this.name}" ${this.config.kind === 'stdio' ? 'process exited' : 'session ended'}: ${reason}`,
    );
    this.scheduleRestart();
  }

  private scheduleRestart(): void {
    if (this.stopped || this.restartTimer !== undefined) return;
    const delay = restartDelayMs(this.restartAttempt);
    this.restartAttempt += 1;
    this.restartAt = Date.now() + delay;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      this.restarts += 1;
      this.options.logger.info(
        { target: this.name, attempt: this.restartAttempt },
        'reconnecting to target',
      );
      void this.refresh();
    }, delay);
    this.restartTimer.unref();
  }

  private markHealthy(latencyMs: number): void {
    this.latencyMs = latencyMs;
    const changed = !this.healthy;
    this.healthy = true;
    this.breaker.recordSuccess();
    this.publishState();
    if (changed) {
      this.options.logger.info({ target: this.name }, 'target healthy');
      this.options.onChange();
    }
  }

  private markFailed(message: string): void {
    const changed = this.healthy;
    this.healthy = false;
    this.lastError = message;
    this.lastErrorAt = new Date().toISOString();
    this.breaker.recordFailure();
    this.publishState();
    if (changed) {
      this.options.logger.warn({ target: this.name, err: message }, 'target unhealthy');
      this.options.onChange();
    }
  }

  private publishState(): void {
    this.options.metrics.setTargetState(this.name, {
      up: this.healthy,
      tools: this.listing.tools.length,
      circuitOpen: this.breaker.state === 'open',
    });
  }

  private unavailable(): GatewayError {
    const seconds = Math.ceil(this.breaker.retryInMs / 1000);
    return new GatewayError(
      'ERR_TARGET_UNAVAILABLE',
      `Target "${this.name}" is unavailable: circuit open after ${this.breaker.consecutiveFailures} consecutive failures (last error: ${this.lastError ?? 'none'}); the gateway retries in ${seconds} s, see GET /status`,
      { target: this.name },
    );
  }

  private restarting(): GatewayError {
    const seconds = Math.max(1, Math.ceil((this.restartAt - Date.now()) / 1000));
    return new GatewayError(
      'ERR_TARGET_UNAVAILABLE',
      `Target "${this.name}" is unavailable until the gateway reconnects in ${seconds} s (last error: ${this.lastError ?? 'none'}); see GET /status`,
      { target: this.name },
    );
  }

  private toGatewayError(method: string, error: unknown): GatewayError {
    if (error instanceof GatewayError) return error;
    if (isTimeout(error)) {
      return new GatewayError(
        'ERR_TARGET_TIMEOUT',
        `Target "${this.name}" did not answer ${method} within ${this.config.timeoutMs} ms; raise mcpServers.${this.name}.timeoutMs or check the target`,
        { target: this.name, cause: error },
      );
    }
    return new GatewayError('ERR_TARGET_FAILED', this.describeFailure(method, error), {
      target: this.name,
      cause: error,
    });
  }

  private describeFailure(what: string, error: unknown): string {
    if (error instanceof GatewayError) return error.message;
    if (isTimeout(error))
      return `Target "${this.name}" did not answer ${what} within ${this.config.timeoutMs} ms`;
    return `Target "${this.name}" failed during ${what}: ${describeUpstreamError(error)}`;
  }

  private createConnection(extra: {
    capabilities: ClientCapabilities;
    setup: (client: Client) => void;
    onUnexpectedClose?: (reason: string) => void;
  }): UpstreamConnection {
    return new UpstreamConnection({
      target: this.config,
      tokenProvider: this.options.tokenProvider,
      clientInfo: this.options.clientInfo,
      jsonSchemaValidator: this.options.jsonSchemaValidator,
      logger: this.options.logger,
      ...extra,
    });
  }
}
