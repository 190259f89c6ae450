import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { appDir } from '../paths.js';

/**
 * The `NODE_OPTIONS` an app's image runs it with: the value of the first `ENV … NODE_OPTIONS=…`
 * in its Dockerfile's `runner` stage (the default image; the `observability` stage adds ADOT's
 * `--require` to it). Read from the Dockerfile itself, so the bench measures what the image runs.
 *
 * @param app - The app's name without the scope.
 * @returns The options, or `undefined` when the runner stage sets none.
 * @throws Error when the Dockerfile cannot be read.
 * @example
 * ```ts
 * await startApp(appEntry('example-server'), { env: { NODE_OPTIONS: imageNodeOptions('example-server') ?? '' } });
 * ```
 */
export function imageNodeOptions(app: 'example-server' | 'gateway-service'): string | undefined {
  const instructions = readFileSync(join(appDir(app), 'Dockerfile'), 'utf8')
    .split(/\r?\n/)
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\[ \t]*\r?\n/g, ' ')
    .split('\n');
  let stage: string | undefined;
  for (const instruction of instructions) {
    const from = /^\s*FROM\s+(?:--\S+\s+)*\S+(?:\s+AS\s+(\S+))?\s*$/i.exec(instruction);
    if (from !== null) {
      stage = from[1]?.toLowerCase();
      continue;
    }
    if (stage !== 'runner' || !/^\s*ENV\s/i.test(instruction)) continue;
    const value = /\bNODE_OPTIONS=("[^"]*"|\S+)/.exec(instruction)?.[1];
    if (value !== undefined) return value.replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}
