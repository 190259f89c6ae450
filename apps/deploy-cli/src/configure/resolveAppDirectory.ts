import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

import { CliError } from '../errors.js';

/** Where the app and its Dockerfile are, as `.agentcore-mcp.yaml` stores them. */
export interface AppLocation {
  /** The app directory relative to the project root, with `/` separators, e.g. `apps/example-server`. */
  readonly entrypoint: string;
  /** The Dockerfile relative to the project root, e.g. `apps/example-server/Dockerfile`. */
  readonly dockerfile: string;
  /** The app directory as an absolute path. */
  readonly directory: string;
}

/**
 * Checks `--entrypoint` (an app directory inside the project root) and finds its Dockerfile:
 * `--dockerfile` when given, else `<entrypoint>/Dockerfile`.
 *
 * @param cwd - The project root; relative paths start here and are stored relative to it.
 * @param options - `entrypoint` and optional `dockerfile`, as typed on the command line.
 * @returns Both paths relative to the project root.
 * @throws {@link CliError} `ERR_INVALID_INPUT` when the directory or Dockerfile is missing or
 *   outside the project root.
 * @example
 * ```ts
 * resolveAppDirectory('/repo', { entrypoint: 'apps/example-server' });
 * // { entrypoint: 'apps/example-server', dockerfile: 'apps/example-server/Dockerfile', … }
 * ```
 */
export function resolveAppDirectory(
  cwd: string,
  options: { entrypoint: string; dockerfile?: string | undefined },
): AppLocation {
  const directory = resolve(cwd, options.entrypoint);
  const entrypoint = toProjectPath(cwd, directory, '--entrypoint');
  if (!isDirectory(directory)) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `--entrypoint ${options.entrypoint}: no such directory in ${cwd}; pass the app directory, e.g. -e apps/example-server`,
    );
  }
  if (options.dockerfile !== undefined) {
    const path = resolve(cwd, options.dockerfile);
    if (!isFile(path)) {
      throw new CliError(
        'ERR_INVALID_INPUT',
        `--dockerfile ${options.dockerfile}: no such file in ${cwd}; pass the path of the app's Dockerfile`,
      );
    }
    return { entrypoint, dockerfile: toProjectPath(cwd, path, '--dockerfile'), directory };
  }
  const dockerfile = join(directory, 'Dockerfile');
  if (!isFile(dockerfile)) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `No Dockerfile in ${entrypoint}: add one (AgentCore runs an ARM64 container listening on 0.0.0.0:8000/mcp) or pass --dockerfile <path>`,
    );
  }
  return { entrypoint, dockerfile: toProjectPath(cwd, dockerfile, '--dockerfile'), directory };
}

function toProjectPath(cwd: string, path: string, flag: string): string {
  const relativePath = relative(cwd, path);
  if (relativePath === '..' || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath)) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${flag} ${path} is outside the project root ${cwd}: run agentcore-mcp configure from the repository root, which is the image build context`,
    );
  }
  return relativePath === '' ? '.' : relativePath.split(sep).join('/');
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
