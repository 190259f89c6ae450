import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Options of {@link startProcess}. */
export interface StartProcessOptions {
  /** Node arguments: flags, the entry file and its arguments. */
  args: readonly string[];
  /**
   * Added to the test's environment; `HOST=127.0.0.1`, `PORT=0` and `LOG_LEVEL=info` unless given
   * here.
   */
  env?: Record<string, string | undefined>;
  /** Finds the URL in a stdout line; default: server-kit's `{"msg":"listening","url":…}`. */
  ready?: (line: string) => string | undefined;
  /** Every stdout and stderr line goes here too, e.g. a file's log capture. */
  lines?: string[];
  /** How long to wait for the ready line, in ms. Default 30000 (2 busy cores). */
  startTimeoutMs?: number;
}

/** A node process started by {@link startProcess}. */
export interface StartedProcess {
  readonly child: ChildProcess;
  /** The URL its ready line named. */
  readonly url: string;
  /** Every stdout and stderr line so far. */
  readonly lines: readonly string[];
  /** Resolves with the exit code or signal once it has exited. */
  readonly exited: Promise<number | string>;
  /** SIGKILL, as a crash would; resolves once it has exited. */
  kill(): Promise<void>;
  /** SIGTERM, SIGKILL after 5 s; resolves once it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Runs `node <args>` bound to 127.0.0.1 and resolves once a stdout line names its URL. Rejects
 * with its output when it exits first or stays silent.
 *
 * @param options - Arguments, environment, ready-line parser, log capture.
 * @returns The running process; stop it in `afterAll`.
 */
export function startProcess(options: StartProcessOptions): Promise<StartedProcess> {
  const child = spawn(process.execPath, [...options.args], {
    // LOG_LEVEL info: server-kit's listening line is an info line.
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = options.lines ?? [];
  const own: string[] = [];
  const record = (line: string) => {
    own.push(line);
    if (options.lines) lines.push(line);
  };
  const exited = new Promise<number | string>((resolve) =>
    // 'close', not 'exit': it comes after the last stdout and stderr line.
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  createInterface({ input: child.stderr }).on('line', record);
  const ready = options.ready ?? listeningUrl;
  const running = () => child.exitCode === null && child.signalCode === null;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (!running()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    })());
  const kill = async () => {
    if (running()) child.kill('SIGKILL');
    await exited;
  };

  return new Promise((resolve, reject) => {
    const timeoutMs = options.startTimeoutMs ?? 30_000;
    const fail = (why: string) => {
      clearTimeout(timer);
      void kill();
      reject(new Error(`node ${options.args.join(' ')} ${why}:\n${own.slice(-30).join('\n')}`));
    };
    const timer = setTimeout(() => fail(`named no URL within ${timeoutMs} ms`), timeoutMs);
    void exited.then((code) => fail(`exited (${code}) before it was ready`));
    createInterface({ input: child.stdout }).on('line', (line) => {
      record(line);
      const url = ready(line);
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({ child, url, lines: own, exited, kill, stop });
    });
  });
}

function listeningUrl(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return parsed.msg === 'listening' && typeof parsed.url === 'string' ? parsed.url : undefined;
  } catch {
    return undefined;
  }
}
