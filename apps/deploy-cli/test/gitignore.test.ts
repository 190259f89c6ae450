import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { ensureGitignored } from '../src/gitignore.js';

describe('ensureGitignored', () => {
  const dirs: string[] = [];
  const dirWith = (gitignore?: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-gitignore-'));
    dirs.push(dir);
    if (gitignore !== undefined) writeFileSync(join(dir, '.gitignore'), gitignore);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { case: 'an empty file', before: '', after: '.agentcore-mcp/\n', result: 'added' },
    { case: 'no final newline', before: 'dist', after: 'dist\n.agentcore-mcp/\n', result: 'added' },
    {
      case: 'a final newline',
      before: 'dist\n',
      after: 'dist\n.agentcore-mcp/\n',
      result: 'added',
    },
    {
      case: 'the entry already',
      before: 'dist\n/.agentcore-mcp\n',
      after: 'dist\n/.agentcore-mcp\n',
      result: 'present',
    },
    {
      case: 'CRLF lines',
      before: '.agentcore-mcp/\r\n',
      after: '.agentcore-mcp/\r\n',
      result: 'present',
    },
  ])('handles $case', ({ before, after, result }) => {
    const dir = dirWith(before);
    expect(ensureGitignored(dir, '.agentcore-mcp')).toBe(result);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe(after);
  });

  it('creates no .gitignore', () => {
    expect(ensureGitignored(dirWith(), '.agentcore-mcp')).toBe('no-gitignore');
  });
});
