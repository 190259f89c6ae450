import { describe, expect, it } from 'vitest';

import { computeRetryDelay, parseRetryAfter } from '../../src/connect/retryPolicy.js';

const POLICY = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 2000 };

describe('parseRetryAfter', () => {
  it.each([
    [null, undefined],
    ['', undefined],
    ['soon', undefined],
    ['0', 0],
    ['3', 3000],
    [new Date(Date.now() - 60_000).toUTCString(), 0],
  ])('%s → %s', (value, expected) => {
    expect(parseRetryAfter(value)).toBe(expected);
  });

  it('reads an HTTP date in the future', () => {
    const delay = parseRetryAfter(new Date(Date.now() + 10_000).toUTCString());
    expect(delay).toBeGreaterThan(8000);
    expect(delay).toBeLessThanOrEqual(10_000);
  });
});

describe('computeRetryDelay', () => {
  it.each([
    [1, 100, 200],
    [2, 200, 400],
    [3, 400, 800],
    [5, 1000, 2000],
    [9, 1000, 2000],
  ])('retry %i waits between %i and %i ms (capped exponential, jittered)', (retry, min, max) => {
    for (let sample = 0; sample < 50; sample += 1) {
      const delay = computeRetryDelay(POLICY, retry);
      expect(delay).toBeGreaterThanOrEqual(min);
      expect(delay).toBeLessThanOrEqual(max);
    }
  });

  it('honours Retry-After, up to 30 s', () => {
    expect(computeRetryDelay(POLICY, 1, '5')).toBe(5000);
    expect(computeRetryDelay(POLICY, 1, '3600')).toBe(30_000);
  });
});
