import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { type ChangeWatcher, watchForChanges } from '../../src/dev/watchForChanges.js';

describe('watchForChanges', () => {
  let dir: string;
  let watcher: ChangeWatcher | undefined;
  afterEach(() => {
    watcher?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = () => {
    dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-watch-'));
    mkdirSync(join(dir, 'src', 'tools'), { recursive: true });
    const changes: string[] = [];
    watcher = watchForChanges(
      { cwd: dir, watchDirectories: [join(dir, 'src')], watchFiles: ['package.json'] },
      (path) => changes.push(path),
      { debounceMs: 50 },
    );
    return changes;
  };

  it('reports a burst of changes once, naming the file an editor left after its rename', async () => {
    const changes = start();
    writeFileSync(join(dir, 'src', 'tools', '.add.ts.swp'), 'x');
    writeFileSync(join(dir, 'src', 'tools', 'add.ts.tmp'), 'export {};');
    renameSync(join(dir, 'src', 'tools', 'add.ts.tmp'), join(dir, 'src', 'tools', 'add.ts'));
    await expect.poll(() => changes).toEqual([join('src', 'tools', 'add.ts')]);
  });

  it('watches the listed top-level files only', async () => {
    const changes = start();
    writeFileSync(join(dir, 'notes.md'), 'x');
    writeFileSync(join(dir, 'package.json'), '{}');
    await expect.poll(() => changes).toEqual(['package.json']);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(changes).toEqual(['package.json']);
  });
});
