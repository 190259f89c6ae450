import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

import type { CommandContext } from '../commandContext.js';
import { CliError } from '../errors.js';

/**
 * Runs `npm install` in a generated project (`init --install`), showing npm's output on stderr
 * prefixed with `[npm]`.
 *
 * @param directory - The project directory.
 * @param context - Output and the environment npm runs with.
 * @throws {@link CliError} `ERR_BUILD_FAILED` when npm cannot be started or exits non-zero.
 * @example
 * ```ts
 * await installDependencies('/work/my-server', context);
 * ```
 */
export async function installDependencies(
  directory: string,
  context: Pick<CommandContext, 'output' | 'env'>,
): Promise<void> {
  const lines: string[] = [];
  const exit = await new Promise<number | string>((resolve, reject) => {
    const child = spawn('npm', ['install', '--no-audit', '--no-fund'], {
      cwd: directory,
      env: context.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
    });
    const show = (line: string) => {
      if (line.trim() === '') return;
      lines.push(line);
      context.output.note(`[npm] ${line}`);
    };
    createInterface({ input: child.stdout }).on('line', show);
    createInterface({ input: child.stderr }).on('line', show);
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new CliError(
          'ERR_BUILD_FAILED',
          `Cannot run npm (${error.code ?? error.message}); the files are written: install Node.js with npm, then run npm install in ${directory}`,
          { cause: error },
        ),
      );
    });
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  if (exit === 0) return;
  const last = lines.at(-1);
  throw new CliError(
    'ERR_BUILD_FAILED',
    `npm install failed in ${directory} (${typeof exit === 'number' ? `exit code ${exit}` : exit})${last === undefined ? '' : `: ${last.trim()}`}; the files are written: fix that, then run npm install there`,
  );
}
