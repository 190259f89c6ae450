import { describe, expect, it } from 'vitest';

import { readListeningUrl } from '../../src/process/index.js';

describe('readListeningUrl', () => {
  it.each([
    [
      '{"level":30,"msg":"listening","url":"http://127.0.0.1:8000/mcp"}',
      'http://127.0.0.1:8000/mcp',
    ],
    ['{"msg":"listening","url":42}', undefined],
    ['{"msg":"tools/call","url":"http://127.0.0.1:8000/mcp"}', undefined],
    ['{"msg":"listening"', undefined],
    ['listening on http://127.0.0.1:8000/mcp', undefined],
    ['', undefined],
  ])('%s → %s', (line, url) => {
    expect(readListeningUrl(line)).toBe(url);
  });
});
