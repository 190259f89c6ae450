import { existsSync, type FSWatcher, watch } from 'node:fs';
import { basename, join, relative } from 'node:path';

import type { ServerLaunch } from '../local/serverLaunch.js';

/** Options of {@link watchForChanges}. */
export interface WatchForChangesOptions {
  /** How long to wait after the last change of a burst (editors write several times), in ms. Default: `150`. */
  readonly debounceMs?: number;
}

/** A running watcher; see {@link watchForChanges}. */
export interface ChangeWatcher {
  /** Stops watching; a pending change is dropped. */
  close(): void;
}

/** Editor droppings that are not real changes: backups, swap and lock files. */
const NOISE = /(?:~|\.sw[a-p]|\.tmp)$|^\.#|^4913$|^\.DS_Store$/;

/**
 * Watches a launch's files: every file under `watchDirectories` (recursively) and the
 * `watchFiles` directly in its directory. The directory itself is watched, not each file, so
 * editors that save by replacing a file are seen too. `node_modules` and editor droppings are
 * ignored. A burst of changes calls `onChange` once, naming the last changed file that exists.
 *
 * @param launch - The directory, directories and files to watch.
 * @param onChange - Receives the changed file, relative to the launch's directory.
 * @param options - The debounce delay.
 * @returns The watcher; close it when done.
 * @example
 * ```ts
 * const watcher = watchForChanges(launch, (path) => void server.restart(`${path} changed`));
 * ```
 */
export function watchForChanges(
  launch: Pick<ServerLaunch, 'cwd' | 'watchDirectories' | 'watchFiles'>,
  onChange: (path: string) => void,
  options: WatchForChangesOptions = {},
): ChangeWatcher {
  const debounceMs = options.debounceMs ?? 150;
  let timer: NodeJS.Timeout | undefined;
  const burst: string[] = [];
  const changed = (path: string) => {
    burst.push(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      // Editors and tools often write a temporary file and rename it: name the file that is left.
      const path = burst.findLast((candidate) => existsSync(candidate)) ?? burst.at(-1) ?? '';
      burst.length = 0;
      onChange(relative(launch.cwd, path));
    }, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  const add = (directory: string, recursive: boolean, accept: (name: string) => boolean) => {
    if (!existsSync(directory)) return;
    const watcher = watch(directory, { recursive }, (_event, name) => {
      if (name === null) return;
      const file = name.toString();
      if (file.split(/[\\/]/).includes('node_modules') || NOISE.test(basename(file))) return;
      if (accept(file)) changed(join(directory, file));
    });
    // A watched directory that is deleted or renamed ends its watcher; nothing else to do.
    watcher.on('error', () => watcher.close());
    watchers.push(watcher);
  };
  for (const directory of launch.watchDirectories) add(directory, true, () => true);
  const files = new Set(launch.watchFiles);
  add(launch.cwd, false, (name) => files.has(name));
  return {
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
