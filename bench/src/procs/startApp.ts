import { startServerProcess } from '@agentcore-mcp/server-kit/process';

/** An app started by {@link startApp}. */
export interface StartedApp {
  readonly pid: number;
  /** The MCP URL from its listening line. */
  readonly url: string;
  /** Milliseconds from spawn to the listening line. */
  readonly listeningAfterMs: number;
  /** SIGTERM (SIGKILL after `timeoutMs`, default 5000) and wait for exit. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Options of {@link startApp}. */
export interface StartAppOptions {
  /** Extra environment; `HOST=127.0.0.1`, `PORT=0` and `LOG_LEVEL=info` are set unless given. */
  readonly env?: Readonly<Record<string, string>>;
  /** Arguments after the entry file. */
  readonly args?: readonly string[];
  /** How long to wait for the listening line, in ms. Default 30000. */
  readonly timeoutMs?: number;
  /** The `node` binary to run it with. Default: the one running the bench. */
  readonly node?: string;
}

/**
 * Starts `node <entry>` (one of our apps, or a bench server that prints the same JSON
 * `{"msg":"listening","url":…}` line) with server-kit's `startServerProcess` and resolves once it
 * listens. Later output is read and dropped unsplit, so a long run's request logs cost the bench
 * no memory (the app still writes them).
 *
 * @param entry - Path of the entry file.
 * @param options - Environment, arguments, timeout.
 * @returns The running app.
 * @throws `ServerProcessError` with the app's exit code and stderr when it exits or does not
 *   listen in time.
 */
export async function startApp(entry: string, options: StartAppOptions = {}): Promise<StartedApp> {
  const node = options.node ?? process.execPath;
  const app = await startServerProcess(node, [entry, ...(options.args ?? [])], {
    // LOG_LEVEL info: server-kit's listening line is an info line.
    env: { LOG_LEVEL: 'info', ...options.env },
    readyTimeoutMs: options.timeoutMs ?? 30_000,
  });
  return {
    pid: app.pid,
    url: app.url,
    listeningAfterMs: app.readyAfterMs,
    stop: async (timeoutMs = 5000) => {
      await app.stop({ timeoutMs });
    },
  };
}
