import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What one process of a teed tree wrote. */
export interface TeedProcess {
  readonly pid: number;
  /** Its `process.argv`. */
  readonly argv: readonly string[];
  readonly stdout: readonly string[];
  readonly stderr: readonly string[];
}

const TEE_PRELOAD = new URL('../fixtures/teeOutput.mjs', import.meta.url);

/**
 * The environment that makes a node process, and every node process it starts with the same
 * environment, copy its stdout and stderr into `dir` (see `fixtures/teeOutput.mjs`).
 *
 * @param dir - An empty directory.
 * @returns `NODE_OPTIONS` and `RESILIENCE_TEE_DIR` to add to the child's environment.
 */
export function teeEnvironment(dir: string): Record<string, string> {
  const preload = `--import="${TEE_PRELOAD.href}"`;
  return {
    NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(' '),
    RESILIENCE_TEE_DIR: dir,
  };
}

/**
 * Reads what every process of a teed tree wrote.
 *
 * @param dir - The directory given to {@link teeEnvironment}.
 * @returns One entry per process.
 */
export function readTeeLogs(dir: string): TeedProcess[] {
  const read = (file: string) =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line !== '')
      : [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.argv'))
    .map((name) => {
      const base = join(dir, name.slice(0, -'.argv'.length));
      return {
        pid: Number(name.slice(0, -'.argv'.length)),
        argv: JSON.parse(readFileSync(`${base}.argv`, 'utf8')) as string[],
        stdout: read(`${base}.stdout`),
        stderr: read(`${base}.stderr`),
      };
    });
}
