import { describe, expect, it } from 'vitest';

import { applyLeanHeap, LEAN_HEAP_GROWING_PERCENT } from '../src/index.js';

describe('applyLeanHeap', () => {
  it('sets the growing factor when the command line does not', () => {
    expect(LEAN_HEAP_GROWING_PERCENT).toBe(50);
    expect(applyLeanHeap([])).toBe(true);
    expect(applyLeanHeap(['--max-semi-space-size=8', '--enable-source-maps'])).toBe(true);
  });

  it.each([[['--heap-growing-percent=20']], [['--inspect', '--heap-growing-percent', '20']]])(
    'leaves a factor given on the command line alone: %j',
    (execArgv) => {
      expect(applyLeanHeap(execArgv)).toBe(false);
    },
  );
});
