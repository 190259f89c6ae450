import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';

import { sleep } from '@agentcore-mcp/core';

import { describeExit, showCommand, tellingLine } from './describeProcess.js';
import { readListeningUrl } from './listeningLine.js';
import { controlProcess, type StopProcessOptions } from './processControl.js';
import { ServerProcessError, type ServerProcessErrorCode } from './serverProcessError.js';

/** Which output stream a line came from. */
export type OutputStream = 'stdout' | 'stderr';

/**
 * How {@link startServerProcess} knows that the server is ready:
 * - `listening-line`: server-kit's JSON `{"msg":"listening","url":…}` line on stdout names the URL;
 * - `line`: `parse` finds the URL in another stdout line (`undefined` for every other line);
 * - `port`: `127.0.0.1:<port>` accepts TCP connections (a server that prints no such line); the URL
 *   is then `http://127.0.0.1:<port><path>`, `path` defaulting to `/mcp`.
 */
export type ServerReadiness =
  | { kind: 'listening-line' }
  | { kind: 'line'; parse: (line: string) => string | undefined }
  | { kind: 'port'; port: number; path?: string };

/** Options of {@link startServerProcess}. */
export interface StartServerProcessOptions {
  /**
   * Environment added over `process.env`; an `undefined` value removes a variable. `HOST` is
   * `127.0.0.1` and `PORT` `0` unless set here. Default: nothing added.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** The working directory. Default: the current one. */
  cwd?: string;
  /** How long to wait for readiness, in ms; the process is killed after it. Default: `30000`. */
  readyTimeoutMs?: number;
  /**
   * Receives every output line as it comes, e.g. to print it with a prefix or to keep it. Default:
   * none; once the server is ready, its stdout is then read and dropped unsplit.
   */
  onOutput?: (line: string, stream: OutputStream) => void;
  /** How to know the server is ready. Default: `{ kind: 'listening-line' }`. */
  ready?: ServerReadiness;
  /**
   * Start it as the leader of a process group and signal the whole group, so that the children of
   * a shell command or of a proxy stop with it. Default: `false`.
   */
  processGroup?: boolean;
  /**
   * Gives up before the server is ready: aborting kills the process and rejects with
   * `ERR_PROCESS_EXITED`, e.g. when the user presses Ctrl-C during start-up. It has no effect once
   * the server is ready (then call `stop()`). Default: none.
   */
  signal?: AbortSignal;
}

/** A server process that is ready; see {@link startServerProcess}. */
export interface ServerProcess {
  /** The child process. */
  readonly child: ChildProcess;
  /** Its process id. */
  readonly pid: number;
  /** The URL it is ready at, e.g. `http://127.0.0.1:41234/mcp`. */
  readonly url: string;
  /** The port of `url`. */
  readonly port: number;
  /** Milliseconds from spawning it to readiness. */
  readonly readyAfterMs: number;
  /** Its last stderr lines (at most 20), oldest first; kept up to date. */
  readonly stderrTail: readonly string[];
  /** Resolves with the exit code (or signal name) once it has exited and its output was read. */
  readonly exited: Promise<number | string>;
  /**
   * Stops it: `signal` (default SIGTERM), then SIGKILL after `timeoutMs` (default 5000). Resolves
   * with the exit code or signal name; safe to call again, also after it exited.
   */
  stop(options?: StopProcessOptions): Promise<number | string>;
}

const STDERR_LINES_KEPT = 20;
const PORT_POLL_MS = 50;

/**
 * The one way the toolkit starts a server process and waits for it: spawns `command` with `args`
 * (bound to `127.0.0.1` and a free port unless `env` says otherwise), hands every output line to
 * `onOutput`, and resolves once the server is ready — by default when it prints server-kit's
 * listening line. An exit before that rejects at once with the exit code and the telling stderr
 * line; silence past `readyTimeoutMs` kills the process and rejects.
 *
 * @param command - The executable, e.g. `process.execPath`.
 * @param args - Its arguments, e.g. `['dist/main.js']`.
 * @param options - Environment, working directory, readiness, time limit, output callback.
 * @returns The ready process; `stop()` it when done.
 * @throws {@link ServerProcessError} `ERR_PROCESS_EXITED` when it exits (or cannot be spawned, or
 *   `signal` aborts) before it is ready, `ERR_TIMEOUT` when it is not ready in time.
 * @example
 * ```ts
 * const server = await startServerProcess(process.execPath, ['dist/main.js'], {
 *   onOutput: (line, stream) => console.log(`[server ${stream}] ${line}`),
 * });
 * try {
 *   await fetch(server.url.replace(/\/mcp$/, '/ping'));
 * } finally {
 *   await server.stop();
 * }
 * ```
 */
export function startServerProcess(
  command: string,
  args: readonly string[],
  options: StartServerProcessOptions = {},
): Promise<ServerProcess> {
  const startedAt = performance.now();
  const ready = options.ready ?? { kind: 'listening-line' };
  const group = options.processGroup ?? false;
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: group,
  });
  const control = controlProcess(child, group);
  const stderrTail: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderrTail.push(line);
    if (stderrTail.length > STDERR_LINES_KEPT) stderrTail.shift();
    options.onOutput?.(line, 'stderr');
  });
  const stdout = createInterface({ input: child.stdout });

  return new Promise((resolve, reject) => {
    let settled = false;
    const timeoutMs = options.readyTimeoutMs ?? 30_000;
    const fail = (
      code: ServerProcessErrorCode,
      what: string,
      details: { exitCode?: number | string; cause?: unknown } = {},
    ) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      void control.stop({ signal: 'SIGKILL' });
      const line = tellingLine(stderrTail);
      const message = `${showCommand(command, args)} ${what}${line === undefined ? '' : `; stderr: ${line}`}`;
      reject(new ServerProcessError(code, message, { ...details, stderr: [...stderrTail] }));
    };
    const succeed = (url: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      if (options.onOutput === undefined) {
        // Nobody reads the output: stop splitting it into lines, just drain it.
        stdout.close();
        child.stdout.on('data', () => undefined).resume();
      }
      resolve({
        child,
        pid: child.pid ?? -1,
        url,
        port: Number(new URL(url).port),
        readyAfterMs: performance.now() - startedAt,
        stderrTail,
        exited: control.exited,
        stop: (stopOptions) => control.stop(stopOptions),
      });
    };

    const timer = setTimeout(
      () => fail('ERR_TIMEOUT', `${describeWait(ready)} within ${timeoutMs} ms, so it was killed`),
      timeoutMs,
    );
    child.once('error', (error: NodeJS.ErrnoException) => {
      fail('ERR_PROCESS_EXITED', `could not be started (${error.code ?? error.message})`, {
        cause: error,
      });
    });
    const abort = () => fail('ERR_PROCESS_EXITED', 'was stopped before it was ready');
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    void control.exited.then((exitCode) =>
      fail('ERR_PROCESS_EXITED', `${describeExit(exitCode)} before it was ready`, { exitCode }),
    );
    stdout.on('line', (line) => {
      options.onOutput?.(line, 'stdout');
      if (settled || ready.kind === 'port') return;
      const url = ready.kind === 'line' ? ready.parse(line) : readListeningUrl(line);
      if (url !== undefined) succeed(url);
    });
    if (ready.kind === 'port') {
      void (async () => {
        while (!settled) {
          if (await acceptsConnections(ready.port)) {
            succeed(`http://127.0.0.1:${ready.port}${ready.path ?? '/mcp'}`);
            return;
          }
          await sleep(PORT_POLL_MS);
        }
      })();
    }
  });
}

function describeWait(ready: ServerReadiness): string {
  switch (ready.kind) {
    case 'listening-line':
      return 'did not print its listening line';
    case 'line':
      return 'did not print its ready line';
    case 'port':
      return `did not accept connections on 127.0.0.1:${ready.port}`;
  }
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
