import { describe, expect, it } from 'vitest';

import { computeRetryDelay } from '../../src/connect/retryPolicy.js';

const POLICY = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 2000 };

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

  it.each([
    ['0', 0],
    ['3', 3000],
    ['5', 5000],
    ['3600', 30_000],
    [new Date(Date.now() - 60_000).toUTCString(), 0],
  ])('honours Retry-After %j, up to 30 s', (retryAfter, expected) => {
    expect(computeRetryDelay(POLICY, 1, retryAfter)).toBe(expected);
  });

  it('honours a Retry-After date in the future', () => {
    const delay = computeRetryDelay(POLICY, 1, new Date(Date.now() + 10_000).toUTCString());
    expect(delay).toBeGreaterThan(8000);
    expect(delay).toBeLessThanOrEqual(10_000);
  });

  it.each([[null], [undefined], [''], ['soon']])(
    'falls back to the backoff for Retry-After %j',
    (retryAfter) => {
      for (let sample = 0; sample < 20; sample += 1) {
        const delay = computeRetryDelay(POLICY, 2, retryAfter);
        expect(delay).toBeGreaterThanOrEqual(200);
        expect(delay).toBeLessThanOrEqual(400);
      }
    },
  );
});
