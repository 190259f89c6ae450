/** A timer started by a {@link HealthClock}; only the clock that made it can clear it. */
export type HealthTimer = object;

/**
 * The clock and timers the health state machine runs on. The gateway uses {@link SYSTEM_CLOCK};
 * tests pass a fake one and move time by hand.
 */
export interface HealthClock {
  /** The current time in ms. */
  now(): number;
  /** Calls `callback` once after `ms`. */
  setTimeout(callback: () => void, ms: number): HealthTimer;
  /** Cancels a timer of `setTimeout`; `undefined` is ignored. */
  clearTimeout(timer: HealthTimer | undefined): void;
  /** Calls `callback` every `ms`. */
  setInterval(callback: () => void, ms: number): HealthTimer;
  /** Cancels a timer of `setInterval`; `undefined` is ignored. */
  clearInterval(timer: HealthTimer | undefined): void;
}

/**
 * Node's clock and timers; the timers are unref'd, so health checks never keep a process alive.
 *
 * @example
 * ```ts
 * new TargetHealth({ ...options, clock: SYSTEM_CLOCK });
 * ```
 */
export const SYSTEM_CLOCK: HealthClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout | undefined),
  setInterval: (callback, ms) => setInterval(callback, ms).unref(),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout | undefined),
};
