import { describe, expect, it } from 'vitest';

import { resendWithFreshToken } from '../../src/retry/resendWithFreshToken.js';

function steps(statuses: number[]) {
  const sent: boolean[] = [];
  const discarded: number[] = [];
  return {
    sent,
    discarded,
    steps: {
      send: (forceRefresh: boolean) => {
        sent.push(forceRefresh);
        return Promise.resolve(statuses[sent.length - 1] ?? 500);
      },
      isUnauthorized: (status: number) => status === 401,
      discard: (status: number) => discarded.push(status),
    },
  };
}

describe('resendWithFreshToken', () => {
  it('sends once when the token is accepted', async () => {
    const run = steps([200]);
    await expect(resendWithFreshToken(run.steps)).resolves.toBe(200);
    expect(run.sent).toEqual([false]);
  });

  it('discards a 401 and resends once with a fresh token', async () => {
    const run = steps([401, 200]);
    await expect(resendWithFreshToken(run.steps)).resolves.toBe(200);
    expect(run.sent).toEqual([false, true]);
    expect(run.discarded).toEqual([401]);
  });

  it('returns a second 401 instead of trying again', async () => {
    const run = steps([401, 401, 200]);
    await expect(resendWithFreshToken(run.steps)).resolves.toBe(401);
    expect(run.sent).toEqual([false, true]);
  });
});
