import type { ChildProcess } from 'node:child_process';

import { startServerProcess } from '@agentcore-mcp/server-kit/process';

/** Options for {@link spawnApp}. */
export interface SpawnAppOptions {
  /** Extra environment for the child; merged over `process.env`. `HOST` defaults to `127.0.0.1`, `PORT` to `0`. */
  env?: Record<string, string | undefined>;
  /** Extra command-line arguments after the entry file. Default: none. */
  args?: readonly string[];
  /** Working directory of the child. Default: the current directory. */
  cwd?: string;
  /** How long to wait for the listening line, in ms. Default: 15000. */
  startTimeoutMs?: number;
}

/** A running child process started by {@link spawnApp}. */
export interface SpawnedApp {
  /** The child process. */
  readonly child: ChildProcess;
  /** The URL from the app's listening line, e.g. `http://127.0.0.1:41234/mcp`. */
  readonly url: string;
  /** The listening port. */
  readonly port: number;
  /** Every stdout line the app printed so far (its JSON log lines). */
  readonly stdout: string[];
  /** Every stderr line the app printed so far. */
  readonly stderr: string[];
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** Sends `signal` (default SIGTERM) and waits for exit; kills with SIGKILL after `timeoutMs` (default 10000). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

/**
 * Starts `node <entry>` bound to 127.0.0.1 on a free port with server-kit's `startServerProcess`,
 * keeping every output line, and resolves once the app prints its JSON
 * `{"msg":"listening","url":…}` line.
 *
 * @param entry - Path of the built entry file (`dist/main.js`).
 * @param options - Environment, arguments, working directory, start timeout.
 * @returns The running app.
 * @throws `ServerProcessError` (`@agentcore-mcp/server-kit/process`) `ERR_PROCESS_EXITED` with the
 *   exit code and stderr when the app exits first, `ERR_TIMEOUT` when it stays silent.
 * @example
 * ```ts
 * const app = await spawnApp('dist/main.js');
 * try { await fetch(app.url.replace('/mcp', '/ping')); } finally { await app.stop(); }
 * ```
 */
export async function spawnApp(entry: string, options: SpawnAppOptions = {}): Promise<SpawnedApp> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const app = await startServerProcess(process.execPath, [entry, ...(options.args ?? [])], {
    ...(options.env === undefined ? {} : { env: options.env }),
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    readyTimeoutMs: options.startTimeoutMs ?? 15_000,
    onOutput: (line, stream) => (stream === 'stdout' ? stdout : stderr).push(line),
  });
  return {
    child: app.child,
    url: app.url,
    port: app.port,
    stdout,
    stderr,
    exited: app.exited,
    stop: (signal = 'SIGTERM', timeoutMs = 10_000) => app.stop({ signal, timeoutMs }),
  };
}
