import { openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes sure only one `pnpm images` uses `dir` at a time: the store's name for the base image
 * points at one platform's stand-in at a time, so two runs would build on each other's base.
 *
 * @param dir - The work directory.
 * @returns A function that releases the lock.
 * @throws Error when another live process holds it (a dead holder's lock is taken over).
 */
export function lockDir(dir: string): () => void {
  const file = join(dir, 'lock');
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (isAlive(holder))
        throw new Error(
          `another pnpm images (pid ${holder}) is using ${dir}: wait for it to finish`,
          {
            cause: error,
          },
        );
      rmSync(file, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
