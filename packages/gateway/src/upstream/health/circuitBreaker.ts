/** `closed`: requests flow; `open`: they fail fast; `half-open`: one probe decides. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** Options of {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before it lets one probe through, in ms. */
  cooldownMs: number;
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

/**
 * A per-target circuit breaker: after `failureThreshold` consecutive failures it opens and calls
 * fail fast; after `cooldownMs` it is half-open and lets exactly one request through (a call or a
 * health ping): success closes it, failure opens it again for another cooldown. Reading its state
 * never changes it; only {@link tryAcquire} and the `record…` methods do.
 *
 * @example
 * ```ts
 * const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 30_000 });
 * if (!breaker.tryAcquire()) throw unavailable();
 * ```
 */
export class CircuitBreaker {
  readonly #options: CircuitBreakerOptions;
  readonly #now: () => number;
  #failures = 0;
  #openedAt = 0;
  #probing = false;
  /** `closed` or `open`, or `half-open` once a caller asked after the cooldown. */
  #current: CircuitState = 'closed';

  /** @param options - Threshold, cooldown and clock. */
  constructor(options: CircuitBreakerOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** The state now; an open circuit whose cooldown is over reads as `half-open`. */
  get state(): CircuitState {
    return this.#current === 'open' && this.#cooledDown() ? 'half-open' : this.#current;
  }

  /** Consecutive failures so far. */
  get consecutiveFailures(): number {
    return this.#failures;
  }

  /** Milliseconds until an open circuit lets a probe through; 0 when not open. */
  get retryInMs(): number {
    return this.state === 'open'
      ? Math.max(0, this.#options.cooldownMs - (this.#now() - this.#openedAt))
      : 0;
  }

  /**
   * Asks to send one request. `closed`: yes. `half-open`: yes for the first caller (the probe), no
   * for the others until it reports. `open`: no.
   *
   * @returns Whether the request may be sent.
   */
  tryAcquire(): boolean {
    if (this.#current === 'open' && this.#cooledDown()) {
      this.#current = 'half-open';
      this.#probing = false;
    }
    if (this.#current === 'closed') return true;
    if (this.#current === 'half-open' && !this.#probing) {
      this.#probing = true;
      return true;
    }
    return false;
  }

  /** Reports that an acquired request ended without a verdict (the client cancelled it). */
  release(): void {
    this.#probing = false;
  }

  /** Reports a successful request: closes the circuit. */
  recordSuccess(): void {
    this.#failures = 0;
    this.#probing = false;
    this.#current = 'closed';
  }

  /** Reports a failed request: opens the circuit at the threshold, or again after a failed probe. */
  recordFailure(): void {
    this.#failures += 1;
    this.#probing = false;
    if (this.#current === 'half-open' || this.#failures >= this.#options.failureThreshold) {
      this.#current = 'open';
      this.#openedAt = this.#now();
    }
  }

  #cooledDown(): boolean {
    return this.#now() - this.#openedAt >= this.#options.cooldownMs;
  }
}
