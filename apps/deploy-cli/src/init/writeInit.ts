import { existsSync, mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { CliError } from '../errors.js';
import type { InitPlan } from './planInit.js';

/**
 * Writes the files of a plan. New files are created exclusively (a file that appeared since the
 * plan is not overwritten); files the plan overwrites (`--force`) are replaced. If a write fails
 * (permissions, a full disk), the files and directories created so far are removed again, so the
 * directory is left as it was, except for files already overwritten.
 *
 * @param plan - What {@link planInit} decided.
 * @throws {@link CliError} `ERR_INVALID_INPUT` naming the file that could not be written.
 * @example
 * ```ts
 * writeInitPlan(planInit({ cwd, name: 'my-server', template: 'server', readVersion: readShippedVersion }));
 * ```
 */
export function writeInitPlan(plan: InitPlan): void {
  const createdFiles: string[] = [];
  const createdDirectories: string[] = [];
  let current = '';
  try {
    for (const file of plan.files) {
      current = file.path;
      const target = join(plan.directory, ...file.path.split('/'));
      createdDirectories.push(...makeDirectories(dirname(target)));
      writeFileSync(target, file.content, { flag: file.overwrite ? 'w' : 'wx' });
      if (!file.overwrite) createdFiles.push(target);
    }
  } catch (error) {
    for (const path of createdFiles) rmSync(path, { force: true });
    for (const path of createdDirectories.reverse()) {
      try {
        rmdirSync(path);
      } catch {
        // Not empty any more (someone else wrote there): leave it.
      }
    }
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Cannot write ${current} in ${plan.directory} (${(error as NodeJS.ErrnoException).code ?? 'error'}), so nothing new was left there: check the directory's permissions and free space, then run agentcore-mcp init again`,
      { cause: error },
    );
  }
}

/** Creates a directory and its missing parents; returns the ones it created, outermost first. */
function makeDirectories(directory: string): string[] {
  const missing: string[] = [];
  for (let path = directory; !existsSync(path); path = dirname(path)) missing.unshift(path);
  if (missing.length > 0) mkdirSync(directory, { recursive: true });
  return missing;
}
