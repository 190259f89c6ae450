import type { HealthClock } from '../../src/upstream/health/healthClock.js';

interface Timer {
  at: number;
  every: number | undefined;
  callback: () => void;
}

/** A {@link HealthClock} whose time moves only when a test calls `advance`. */
export class FakeClock implements HealthClock {
  #now = 0;
  readonly #timers = new Set<Timer>();

  now(): number {
    return this.#now;
  }

  setTimeout(callback: () => void, ms: number): Timer {
    return this.#add({ at: this.#now + ms, every: undefined, callback });
  }

  clearTimeout(timer: object | undefined): void {
    this.#timers.delete(timer as Timer);
  }

  setInterval(callback: () => void, ms: number): Timer {
    return this.#add({ at: this.#now + ms, every: ms, callback });
  }

  clearInterval(timer: object | undefined): void {
    this.#timers.delete(timer as Timer);
  }

  /** How many timers are pending. */
  get pending(): number {
    return this.#timers.size;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const next = [...this.#timers].sort((a, b) => a.at - b.at)[0];
      if (next === undefined || next.at > until) break;
      this.#now = next.at;
      if (next.every === undefined) this.#timers.delete(next);
      else next.at += next.every;
      next.callback();
    }
    this.#now = until;
  }

  #add(timer: Timer): Timer {
    this.#timers.add(timer);
    return timer;
  }
}
