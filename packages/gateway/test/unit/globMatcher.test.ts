import { describe, expect, it } from 'vitest';

import { compileGlobs } from '../../src/catalog/globMatcher.js';
import { restartDelayMs } from '../../src/upstream/backoff.js';

describe('compileGlobs', () => {
  it('matches * as any run, ? as one character, and everything else literally', () => {
    const matches = compileGlobs(['search_*', 'get_?', 'a.b+(c)']);
    expect(matches('search_issues')).toBe(true);
    expect(matches('search_')).toBe(true);
    expect(matches('get_x')).toBe(true);
    expect(matches('get_xy')).toBe(false);
    expect(matches('a.b+(c)')).toBe(true);
    expect(matches('aXb+(c)')).toBe(false);
    expect(matches('xsearch_issues')).toBe(false);
  });

  it('matches nothing for an empty list', () => {
    expect(compileGlobs([])('anything')).toBe(false);
  });
});

describe('restartDelayMs', () => {
  it('doubles from 500 ms, caps at 30 s and jitters by at most 20%', () => {
    expect(restartDelayMs(0, () => 0.5)).toBe(500);
    expect(restartDelayMs(1, () => 0.5)).toBe(1000);
    expect(restartDelayMs(20, () => 0.5)).toBe(30_000);
    expect(restartDelayMs(0, () => 0)).toBe(400);
    expect(restartDelayMs(0, () => 1)).toBe(600);
  });
});
