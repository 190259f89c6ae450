import { describe, expect, it } from 'vitest';

import { CircuitBreaker } from '../../../src/upstream/health/circuitBreaker.js';

function breakerAt(start = 0) {
  const clock = { now: start };
  const breaker = new CircuitBreaker({
    failureThreshold: 3,
    cooldownMs: 1000,
    now: () => clock.now,
  });
  return { breaker, clock };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold and a success resets the count', () => {
    const { breaker } = breakerAt();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    breaker.recordSuccess();
    breaker.recordFailure();
    breaker.recordFailure();
    expect(breaker.state).toBe('closed');
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('opens at the threshold and refuses requests until the cooldown is over', () => {
    const { breaker, clock } = breakerAt();
    for (let index = 0; index < 3; index += 1) breaker.recordFailure();
    expect(breaker.state).toBe('open');
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 400;
    expect(breaker.retryInMs).toBe(600);
    clock.now = 1000;
    expect(breaker.state).toBe('half-open');
  });

  it('lets exactly one probe through when half-open; its success closes the circuit', () => {
    const { breaker, clock } = breakerAt();
    for (let index = 0; index < 3; index += 1) breaker.recordFailure();
    clock.now = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    expect(breaker.tryAcquire()).toBe(false);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.consecutiveFailures).toBe(0);
  });

  it('re-opens for a full cooldown when the probe fails', () => {
    const { breaker, clock } = breakerAt();
    for (let index = 0; index < 3; index += 1) breaker.recordFailure();
    clock.now = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.recordFailure();
    expect(breaker.state).toBe('open');
    clock.now = 1999;
    expect(breaker.tryAcquire()).toBe(false);
    clock.now = 2000;
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('frees the probe slot when the probe is released without a verdict', () => {
    const { breaker, clock } = breakerAt();
    for (let index = 0; index < 3; index += 1) breaker.recordFailure();
    clock.now = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    breaker.release();
    expect(breaker.tryAcquire()).toBe(true);
  });

  it('reads its state without changing it: only tryAcquire moves an open circuit to half-open', () => {
    const { breaker, clock } = breakerAt();
    for (let index = 0; index < 3; index += 1) breaker.recordFailure();
    clock.now = 1000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.state).toBe('half-open');
    // Had the read changed the state, the circuit would stay half-open with time turned back.
    clock.now = 500;
    expect(breaker.state).toBe('open');
    expect(breaker.retryInMs).toBe(500);
    clock.now = 1000;
    expect(breaker.tryAcquire()).toBe(true);
    clock.now = 500;
    expect(breaker.state).toBe('half-open');
    expect(breaker.tryAcquire()).toBe(false);
  });
});
