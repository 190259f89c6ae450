import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { CliError } from '../errors.js';

/** How to start a project's server on this machine, and which files to watch for reloads. */
export interface ServerLaunch {
  /** `server` (an entry file) or `gateway` (gateway-service with `gateway.json`). */
  readonly kind: 'server' | 'gateway';
  /** The executable: the running Node.js. */
  readonly command: string;
  readonly args: readonly string[];
  /** The app directory, where it runs. */
  readonly cwd: string;
  /** What runs, for people: `src/main.ts (with tsx)` or `agentcore-mcp-gateway --config gateway.json`. */
  readonly description: string;
  /** Directories whose files (at any depth) trigger a reload, e.g. `<app>/src`. */
  readonly watchDirectories: readonly string[];
  /** Files directly in the app directory that trigger a reload, e.g. `package.json`. */
  readonly watchFiles: readonly string[];
}

/** Where `init`'s server template (and most projects) keep the process entry, in order. */
const ENTRY_CANDIDATES = ['src/main.ts', 'src/main.mts', 'src/main.js', 'src/main.mjs'];
const GATEWAY_SERVICE = '@agentcore-mcp/gateway-service';
const GATEWAY_CONFIG = 'gateway.json';

/**
 * Works out how to run an app directory's server:
 * - a gateway project (a `gateway.json` and `@agentcore-mcp/gateway-service` in `package.json`)
 *   runs the installed gateway-service's bin with `--config gateway.json`;
 * - otherwise the entry (`entry`, else the first of `src/main.ts`, `src/main.mts`, `src/main.js`,
 *   `src/main.mjs`) runs with Node.js, TypeScript through the project's own `tsx`
 *   (`node --import tsx`).
 *
 * @param directory - The app directory (absolute).
 * @param options - `entry`: the entry file (`--entry`), relative to `directory`.
 * @returns The launch.
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` when there is no entry, or tsx or gateway-service
 *   is not installed (the message says what to install).
 * @example
 * ```ts
 * const launch = resolveServerLaunch('/work/my-server', {});
 * // { kind: 'server', args: ['--import', 'file:///…/tsx/dist/loader.mjs', '/work/my-server/src/main.ts'], … }
 * ```
 */
export function resolveServerLaunch(
  directory: string,
  options: { entry?: string | undefined },
): ServerLaunch {
  if (options.entry === undefined && isGatewayProject(directory)) return gatewayLaunch(directory);
  const entry =
    options.entry === undefined
      ? ENTRY_CANDIDATES.map((candidate) => join(directory, candidate)).find((path) =>
          existsSync(path),
        )
      : resolve(directory, options.entry);
  if (entry === undefined || !existsSync(entry)) {
    throw new CliError(
      'ERR_NOT_CONFIGURED',
      entry === undefined
        ? `No server entry in ${directory}: expected src/main.ts (as agentcore-mcp init writes it), or pass --entry <file>`
        : `No such entry file ${entry}: pass --entry with the file that starts the server`,
    );
  }
  const shown = relative(directory, entry) || basename(entry);
  const typescript = /\.[cm]?ts$/.test(entry);
  const loader = typescript ? [`--import`, resolveTsx(directory, shown)] : [];
  const entryDirectory = dirname(entry);
  const source = join(directory, 'src');
  return {
    kind: 'server',
    command: process.execPath,
    args: [...loader, entry],
    cwd: directory,
    description: `${shown}${typescript ? ' (with tsx)' : ''}`,
    watchDirectories: [
      ...new Set([
        ...(existsSync(source) ? [source] : []),
        ...(entryDirectory === directory ? [] : [entryDirectory]),
      ]),
    ],
    watchFiles: [
      'package.json',
      'tsconfig.json',
      ...(entryDirectory === directory ? [basename(entry)] : []),
    ],
  };
}

function isGatewayProject(directory: string): boolean {
  if (!existsSync(join(directory, GATEWAY_CONFIG))) return false;
  try {
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, unknown>;
      devDependencies?: Record<string, unknown>;
    };
    return GATEWAY_SERVICE in { ...manifest.dependencies, ...manifest.devDependencies };
  } catch {
    return false;
  }
}

function gatewayLaunch(directory: string): ServerLaunch {
  let bin: string;
  try {
    const manifestPath = requireFrom(directory).resolve(`${GATEWAY_SERVICE}/package.json`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      bin?: Record<string, string>;
    };
    bin = join(dirname(manifestPath), manifest.bin?.['agentcore-mcp-gateway'] ?? 'dist/main.js');
  } catch (error) {
    throw new CliError(
      'ERR_NOT_CONFIGURED',
      `${GATEWAY_SERVICE} is not installed in ${directory}: run npm install there`,
      { cause: error },
    );
  }
  return {
    kind: 'gateway',
    command: process.execPath,
    args: [bin, '--config', GATEWAY_CONFIG],
    cwd: directory,
    description: `agentcore-mcp-gateway --config ${GATEWAY_CONFIG}`,
    watchDirectories: [],
    watchFiles: [GATEWAY_CONFIG, 'package.json'],
  };
}

/** The `--import` value that loads the project's own tsx (its ESM loader, as a file URL). */
function resolveTsx(directory: string, shown: string): string {
  try {
    return pathToFileURL(requireFrom(directory).resolve('tsx')).href;
  } catch (error) {
    throw new CliError(
      'ERR_NOT_CONFIGURED',
      `tsx is not installed in ${directory}, and ${shown} is TypeScript: run npm install (init's template lists tsx in devDependencies), or npm install -D tsx`,
      { cause: error },
    );
  }
}

function requireFrom(directory: string): NodeJS.Require {
  return createRequire(join(directory, 'package.json'));
}
