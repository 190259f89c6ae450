import type { ChildProcess } from 'node:child_process';

import { startServerProcess } from '@agentcore-mcp/server-kit/process';

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
 * Runs `node <args>` bound to 127.0.0.1 with server-kit's `startServerProcess` and resolves once a
 * stdout line names its URL, keeping every output line. Rejects with `ServerProcessError` (exit
 * code, stderr lines) when it exits first or stays silent.
 *
 * @param options - Arguments, environment, ready-line parser, log capture.
 * @returns The running process; stop it in `afterAll`.
 */
export async function startProcess(options: StartProcessOptions): Promise<StartedProcess> {
  const own: string[] = [];
  const started = await startServerProcess(process.execPath, options.args, {
    // LOG_LEVEL info: server-kit's listening line is an info line.
    env: { LOG_LEVEL: 'info', ...options.env },
    readyTimeoutMs: options.startTimeoutMs ?? 30_000,
    ...(options.ready === undefined ? {} : { ready: { kind: 'line', parse: options.ready } }),
    onOutput: (line) => {
      own.push(line);
      options.lines?.push(line);
    },
  });
  return {
    child: started.child,
    url: started.url,
    lines: own,
    exited: started.exited,
    kill: async () => {
      await started.stop({ signal: 'SIGKILL' });
    },
    stop: async () => {
      await started.stop({ timeoutMs: 5_000 });
    },
  };
}
