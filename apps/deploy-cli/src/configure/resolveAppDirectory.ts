import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

import { CliError } from '../errors.js';

/** Where the app and its Dockerfile are, as `.agentcore-mcp.yaml` stores them. */
export interface AppLocation {
  /** The app directory relative to the project root, with `/` separators: `.` or e.g. `server`. */
  readonly entrypoint: string;
  /** The Dockerfile relative to the project root, e.g. `Dockerfile` or `server/Dockerfile`. */
  readonly dockerfile: string;
  /** The app directory as an absolute path. */
  readonly directory: string;
  /** When `-e` named a file: that file, relative to the project root (e.g. `src/server.ts`). */
  readonly file?: string | undefined;
}

/** What {@link resolveAppDirectory} is given. */
export interface ResolveAppOptions {
  /** The app directory, or a file in it, as typed on the command line. */
  readonly entrypoint: string;
  /** `--dockerfile`, as typed. Default: `<app directory>/Dockerfile`. */
  readonly dockerfile?: string | undefined;
  /** The flag named in messages. Default `--entrypoint`. */
  readonly flag?: string | undefined;
  /**
   * How to fix a missing Dockerfile. Default: add one (`agentcore-mcp init` generates one) or pass
   * `--dockerfile <path>`.
   */
  readonly missingDockerfileFix?: string | undefined;
}

const DEFAULT_MISSING_DOCKERFILE_FIX =
  'add one (an arm64 image serving MCP on 0.0.0.0:8000/mcp; agentcore-mcp init generates one), or pass --dockerfile <path>';

/**
 * Finds the app `-e/--entrypoint` names, in any project (a monorepo or a single package): a
 * directory is the app itself and must hold a `package.json`; a file (e.g. `src/server.ts`) means
 * the nearest directory above it, up to the project root, that holds a `package.json`. The
 * Dockerfile is `--dockerfile` when given, else the app's `Dockerfile`. The build context stays the
 * project root, so both must be inside it.
 *
 * @param cwd - The project root; relative paths start here and are stored relative to it.
 * @param options - `entrypoint` and optional `dockerfile`, as typed on the command line.
 * @returns The app directory and Dockerfile, relative to the project root.
 * @throws {@link CliError} `ERR_INVALID_INPUT`, one line with the fix, when the path is neither a
 *   directory nor a file, is outside the project root, has no `package.json`, or the Dockerfile is
 *   missing.
 * @example
 * ```ts
 * resolveAppDirectory('/my-server', { entrypoint: 'src/server.ts' });
 * // { entrypoint: '.', dockerfile: 'Dockerfile', file: 'src/server.ts', … }
 * ```
 */
export function resolveAppDirectory(cwd: string, options: ResolveAppOptions): AppLocation {
  const flag = options.flag ?? '--entrypoint';
  const target = resolve(cwd, options.entrypoint);
  const shown = toProjectPath(cwd, target, `${flag} ${options.entrypoint}`);
  const kind = kindOf(target);
  if (kind === undefined) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${flag} ${options.entrypoint}: no such file or directory in ${cwd}; pass your app's directory (where its package.json is), e.g. ${flag} ., or a file in it, e.g. ${flag} src/server.ts`,
    );
  }
  if (kind === 'other') {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${flag} ${options.entrypoint} is neither a directory nor a file: pass your app's directory (where its package.json is), or a file in it`,
    );
  }
  const directory = kind === 'directory' ? target : findPackageDirectory(cwd, dirname(target));
  if (directory === undefined || !isFile(join(directory, 'package.json'))) {
    const where =
      kind === 'directory'
        ? `No package.json in ${describe(shown)}`
        : `No package.json in the directories of ${shown}, up to the project root ${cwd}`;
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${where}: ${flag} takes your app's directory (where its package.json is) or a file in it; run agentcore-mcp from your project's root, or agentcore-mcp init to create a project`,
    );
  }
  const entrypoint = toProjectPath(cwd, directory, flag);
  const file = kind === 'file' ? shown : undefined;
  if (options.dockerfile !== undefined) {
    const path = resolve(cwd, options.dockerfile);
    if (!isFile(path)) {
      throw new CliError(
        'ERR_INVALID_INPUT',
        `--dockerfile ${options.dockerfile}: no such file in ${cwd}; pass the path of the app's Dockerfile`,
      );
    }
    return { entrypoint, dockerfile: toProjectPath(cwd, path, '--dockerfile'), directory, file };
  }
  const dockerfile = join(directory, 'Dockerfile');
  if (!isFile(dockerfile)) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `No Dockerfile in ${describe(entrypoint)}: ${options.missingDockerfileFix ?? DEFAULT_MISSING_DOCKERFILE_FIX}`,
    );
  }
  return {
    entrypoint,
    dockerfile: toProjectPath(cwd, dockerfile, '--dockerfile'),
    directory,
    file,
  };
}

/** The nearest directory from `start` up to `root` (both included) that holds a package.json. */
function findPackageDirectory(root: string, start: string): string | undefined {
  for (let directory = start; ; directory = dirname(directory)) {
    if (isFile(join(directory, 'package.json'))) return directory;
    if (directory === root || dirname(directory) === directory) return undefined;
  }
}

/**
 * A path inside the project root, relative to it with `/` separators (`.` for the root itself), as
 * `.agentcore-mcp.yaml` stores paths.
 *
 * @param cwd - The project root.
 * @param path - An absolute path.
 * @param what - What the path is, for the message, e.g. `--dockerfile ../Dockerfile`.
 * @returns The project-relative path.
 * @throws {@link CliError} `ERR_INVALID_INPUT` when the path is outside the project root.
 * @example
 * ```ts
 * toProjectPath('/proj', '/proj/server/Dockerfile', '--dockerfile'); // 'server/Dockerfile'
 * ```
 */
export function toProjectPath(cwd: string, path: string, what: string): string {
  const relativePath = relative(cwd, path);
  if (relativePath === '..' || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath)) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${what} is outside the project root ${cwd}: run agentcore-mcp from your project's root directory (the image build context), with paths inside it`,
    );
  }
  return relativePath === '' ? '.' : relativePath.split(sep).join('/');
}

function describe(projectPath: string): string {
  return projectPath === '.' ? '. (the project root)' : projectPath;
}

function kindOf(path: string): 'directory' | 'file' | 'other' | undefined {
  if (!existsSync(path)) return undefined;
  const stats = statSync(path);
  if (stats.isDirectory()) return 'directory';
  return stats.isFile() ? 'file' : 'other';
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}
