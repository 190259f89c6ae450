import { describe, expect, it } from 'vitest';

import { formatDuration, formatSummary } from '../src/formatSummary.js';

describe('formatDuration', () => {
  it.each([
    [850.4, '850 ms'],
    [12_345, '12.3 s'],
    [59_949, '59.9 s'],
    [212_000, '3 min 32 s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatSummary', () => {
  it('prints an aligned Markdown table and a total', () => {
    const text = formatSummary(
      [
        {
          image: 'node:24-slim stand-in',
          platform: 'linux/amd64',
          buildMs: undefined,
          startMs: undefined,
          checkMs: undefined,
          ok: true,
          result: 'cached',
        },
        {
          image: 'example-server',
          platform: 'linux/amd64',
          buildMs: 34_700,
          startMs: 497,
          checkMs: 1_100,
          ok: false,
          result: 'GET /ping answered 503',
        },
      ],
      61_000,
    );
    expect(text).toBe(
      [
        '| image                 | platform    | build  | start  | checks | result                         |',
        '| --------------------- | ----------- | ------ | ------ | ------ | ------------------------------ |',
        '| node:24-slim stand-in | linux/amd64 | -      | -      | -      | ok: cached                     |',
        '| example-server        | linux/amd64 | 34.7 s | 497 ms | 1.1 s  | FAILED: GET /ping answered 503 |',
        '',
        'total 1 min 1 s; 1 of 2 ok',
        '',
      ].join('\n'),
    );
  });

  it('says "all" when nothing failed', () => {
    expect(formatSummary([], 500)).toMatch(/total 500 ms; all 0 ok\n$/);
  });
});
