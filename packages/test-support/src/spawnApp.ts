import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

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
  /** Sends `signal` (default SIGTERM) and waits for exit; kills with SIGKILL after `timeoutMs`. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

interface ListeningLine {
  msg?: unknown;
  url?: unknown;
  port?: unknown;
}

/**
 * Starts `node <entry>` bound to 127.0.0.1 on a free port and resolves once the app prints its
 * JSON `{"msg":"listening","url":…}` line. Rejects with the app's output if it exits first.
 *
 * @param entry - Path of the built entry file (`dist/main.js`).
 * @param options - Environment, arguments, working directory, start timeout.
 * @returns The running app.
 * @example
 * ```ts
 * const app = await spawnApp('dist/main.js');
 * try { await fetch(app.url.replace('/mcp', '/ping')); } finally { await app.stop(); }
 * ```
 */
export function spawnApp(entry: string, options: SpawnAppOptions = {}): Promise<SpawnedApp> {
  const child = spawn(process.execPath, [entry, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));

  return new Promise((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 15_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${entry} did not print a listening line within ${timeoutMs} ms:\n${dump()}`),
      );
    }, timeoutMs);
    const dump = () => [...stdout, ...stderr].join('\n');

    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before listening:\n${dump()}`));
    });

    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      const parsed = parseJsonLine(line);
      if (parsed?.msg !== 'listening' || typeof parsed.url !== 'string') return;
      clearTimeout(timer);
      const url = parsed.url;
      resolve({
        child,
        url,
        port: Number(new URL(url).port),
        stdout,
        stderr,
        exited,
        stop: (signal = 'SIGTERM', stopTimeoutMs = 10_000) =>
          stopChild(child, exited, { signal, stopTimeoutMs }),
      });
    });
  });
}

function parseJsonLine(line: string): ListeningLine | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as ListeningLine;
  } catch {
    return undefined;
  }
}

async function stopChild(
  child: ChildProcess,
  exited: Promise<number | string>,
  { signal, stopTimeoutMs }: { signal: NodeJS.Signals; stopTimeoutMs: number },
): Promise<number | string> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
  try {
    return await exited;
  } finally {
    clearTimeout(timer);
  }
}
