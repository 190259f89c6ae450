import { describe, expect, it } from 'vitest';

import { backoffDelayMs, parseRetryAfter, sleep } from '../../src/retry/backoff.js';

const policy = { baseDelayMs: 500, maxDelayMs: 30_000 };

describe('backoffDelayMs', () => {
  it.each([
    [1, 250, 500],
    [2, 500, 1000],
    [4, 2000, 4000],
    [20, 15_000, 30_000],
  ])('retry %i lies between %i and %i ms', (retry, low, high) => {
    expect(backoffDelayMs(policy, retry, () => 0)).toBe(low);
    expect(backoffDelayMs(policy, retry, () => 0.999_999)).toBe(high);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-12-05T10:00:00Z');
  it.each([
    ['2', 2000],
    ['3600', 30_000],
    ['Sat, 05 Dec 2026 10:00:05 GMT', 5000],
    ['Sat, 05 Dec 2026 09:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => expect(parseRetryAfter(value, now)).toBe(expected));
});

describe('sleep', () => {
  it('rejects at once with the reason when aborted', async () => {
    const controller = new AbortController();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });
});
