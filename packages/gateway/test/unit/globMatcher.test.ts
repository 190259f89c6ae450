import { describe, expect, it } from 'vitest';

import { compileGlobs } from '../../src/catalog/globMatcher.js';

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
