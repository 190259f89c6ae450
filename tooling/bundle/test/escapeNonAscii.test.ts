import { describe, expect, it } from 'vitest';

import { escapeNonAscii } from '../src/escapeNonAscii.js';

describe('escapeNonAscii', () => {
  it('escapes BMP and astral characters and leaves ASCII alone', () => {
    expect(escapeNonAscii('// a — b\nconst s = "é😀";')).toBe(
      '// a \\u2014 b\nconst s = "\\u00e9\\u{1f600}";',
    );
    expect(escapeNonAscii('plain')).toBe('plain');
  });
});
