import { backoffDelayMs, type BackoffPolicy } from '@agentcore-mcp/core';

import { CircuitBreaker, type CircuitState } from './circuitBreaker.js';
import { type HealthClock, type HealthTimer, SYSTEM_CLOCK } from './healthClock.js';

/** Restarts of a dead target: 500 ms doubling to 30 s, with core's equal jitter. */
export const RESTART_BACKOFF: BackoffPolicy = { baseDelayMs: 500, maxDelayMs: 30_000 };

/** Options of {@link TargetHealth}. */
export interface TargetHealthOptions {
  /** Consecutive failures that open the circuit. */
  readonly failureThreshold: number;
  /** How long an open circuit waits before it lets one probe through, in ms. */
  readonly cooldownMs: number;
  /** Milliseconds between health pings. */
  readonly intervalMs: number;
  /** The delays between restarts. Default {@link RESTART_BACKOFF}. */
  readonly restartBackoff?: BackoffPolicy | undefined;
  /** The clock and timers. Default {@link SYSTEM_CLOCK}. */
  readonly clock?: HealthClock | undefined;
  /** Numbers in [0, 1) for the backoff jitter. Default `Math.random`. */
  readonly random?: (() => number) | undefined;
  /**
   * Sends one ping, already admitted through the circuit breaker; it must report back with
   * `recordSuccess` or `recordFailure`.
   */
  ping(): void;
  /** Reconnects to the target: a scheduled restart is due. @param attempt - 1 for the first. */
  restart(attempt: number): void;
  /** The target turned healthy or unhealthy. */
  onChange(healthy: boolean): void;
  /** Called after every success or failure is recorded (e.g. to publish metrics); default none. */
  onRecord?: (() => void) | undefined;
}

/** Whether a request may be sent now, and if not, why and for how long. */
export type Admission =
  | { readonly admitted: true }
  | { readonly admitted: false; readonly reason: 'restarting'; readonly retryInMs: number }
  | {
      readonly admitted: false;
      readonly reason: 'circuit-open';
      readonly retryInMs: number;
      readonly consecutiveFailures: number;
    };

/**
 * The health of one target as a state machine without I/O: whether it answers, its circuit breaker
 * (requests and pings alike go through it), periodic pings (it decides when; the caller sends them
 * and reports back) and restarts after the connection is lost, spaced by core's backoff policy and
 * reset once the target has been listed again. Clock and timers are passed in.
 *
 * @example
 * ```ts
 * const health = new TargetHealth({ failureThreshold: 3, cooldownMs: 30_000, intervalMs: 15_000, ping, restart, onChange });
 * health.start();
 * if (health.admit({ sharedSession: true }).admitted) send();
 * ```
 */
export class TargetHealth {
  readonly #options: TargetHealthOptions;
  readonly #clock: HealthClock;
  readonly #breaker: CircuitBreaker;
  #healthy = false;
  #lastError: string | null = null;
  #lastErrorAt: number | null = null;
  #latencyMs: number | null = null;
  #restarts = 0;
  #restartAttempt = 0;
  #restartAt = 0;
  #restartTimer: HealthTimer | undefined;
  #pingTimer: HealthTimer | undefined;
  #stopped = false;

  /** @param options - See {@link TargetHealthOptions}. */
  constructor(options: TargetHealthOptions) {
    this.#options = options;
    this.#clock = options.clock ?? SYSTEM_CLOCK;
    this.#breaker = new CircuitBreaker({ ...options, now: () => this.#clock.now() });
  }

  /** Whether the target answered its last request, ping or discovery. */
  get healthy(): boolean {
    return this.#healthy;
  }

  /** The last failure, one line, or `null`. */
  get lastError(): string | null {
    return this.#lastError;
  }

  /** ISO time of the last failure, or `null`. */
  get lastErrorAt(): string | null {
    return this.#lastErrorAt === null ? null : new Date(this.#lastErrorAt).toISOString();
  }

  /** Round-trip time of the last success, in ms, or `null`. */
  get latencyMs(): number | null {
    return this.#latencyMs;
  }

  /** How many restarts were started. */
  get restarts(): number {
    return this.#restarts;
  }

  /** The circuit breaker's state. */
  get circuit(): CircuitState {
    return this.#breaker.state;
  }

  /** Starts the periodic pings. */
  start(): void {
    this.#pingTimer ??= this.#clock.setInterval(() => this.#tick(), this.#options.intervalMs);
  }

  /** Stops pings and any pending restart for good. */
  stop(): void {
    this.#stopped = true;
    this.#clock.clearInterval(this.#pingTimer);
    this.#clock.clearTimeout(this.#restartTimer);
    this.#restartTimer = undefined;
  }

  /**
   * Asks to send one request. On the shared session, a pending restart refuses it (it would
   * reconnect at once and defeat the backoff); then the circuit breaker decides.
   *
   * @param session - `sharedSession: false` for a downstream session's own upstream session.
   * @returns The verdict; an admitted request must end in `recordSuccess`, `recordFailure` or
   *   `release`.
   */
  admit(session: { sharedSession: boolean }): Admission {
    if (session.sharedSession && this.#restartTimer !== undefined) {
      return { admitted: false, reason: 'restarting', retryInMs: this.#restartAt - this.#now() };
    }
    if (this.#breaker.tryAcquire()) return { admitted: true };
    return {
      admitted: false,
      reason: 'circuit-open',
      retryInMs: this.#breaker.retryInMs,
      consecutiveFailures: this.#breaker.consecutiveFailures,
    };
  }

  /** Reports that an admitted request ended without a verdict (the client cancelled it). */
  release(): void {
    this.#breaker.release();
  }

  /** Reports a success: healthy, circuit closed. @param latencyMs - Its round-trip time. */
  recordSuccess(latencyMs: number): void {
    this.#latencyMs = latencyMs;
    this.#breaker.recordSuccess();
    this.#setHealthy(true);
    this.#options.onRecord?.();
  }

  /**
   * Reports that the target was listed: a success that also resets the restart backoff.
   *
   * @param latencyMs - How long the discovery took.
   */
  recordListed(latencyMs: number): void {
    this.#restartAttempt = 0;
    this.recordSuccess(latencyMs);
  }

  /** Reports a failure: unhealthy, one step towards an open circuit. @param message - One line. */
  recordFailure(message: string): void {
    this.#lastError = message;
    this.#lastErrorAt = this.#now();
    this.#breaker.recordFailure();
    this.#setHealthy(false);
    this.#options.onRecord?.();
  }

  /** Schedules a reconnection after the next backoff delay, unless one is pending or stopped. */
  scheduleRestart(): void {
    if (this.#stopped || this.#restartTimer !== undefined) return;
    this.#restartAttempt += 1;
    const attempt = this.#restartAttempt;
    const delay = backoffDelayMs(
      this.#options.restartBackoff ?? RESTART_BACKOFF,
      attempt,
      this.#options.random,
    );
    this.#restartAt = this.#now() + delay;
    this.#restartTimer = this.#clock.setTimeout(() => {
      this.#restartTimer = undefined;
      this.#restarts += 1;
      this.#options.restart(attempt);
    }, delay);
  }

  #tick(): void {
    // While a restart is pending, a ping would reconnect at once and defeat the backoff.
    if (this.#stopped || this.#restartTimer !== undefined || !this.#breaker.tryAcquire()) return;
    this.#options.ping();
  }

  #setHealthy(healthy: boolean): void {
    if (this.#healthy === healthy) return;
    this.#healthy = healthy;
    this.#options.onChange(healthy);
  }

  #now(): number {
    return this.#clock.now();
  }
}
