import {
  type ServerProcess,
  ServerProcessError,
  startServerProcess,
} from '@agentcore-mcp/server-kit/process';

import { CliError } from '../errors.js';
import type { ServerLaunch } from '../local/serverLaunch.js';
import type { Output } from '../output.js';

/** What {@link startReloadingServer} needs. */
export interface ReloadingServerOptions {
  /** What to run. */
  readonly launch: ServerLaunch;
  /** The runtime name: the prefix of the server's output lines. */
  readonly name: string;
  /** The fixed port it listens on, across restarts (HOST is `127.0.0.1`). */
  readonly port: number;
  /** Environment added for the server (the runtime's configured `environment`). Default: none. */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Where its output and the restart notes go (stderr). */
  readonly output: Output;
  /** Aborting stops a start under way (Ctrl-C during start-up). Default: none. */
  readonly signal?: AbortSignal | undefined;
}

/** A server that `dev` restarts on change; see {@link startReloadingServer}. */
export interface ReloadingServer {
  /** Its MCP endpoint, `http://127.0.0.1:<port>/mcp`, the same across restarts. */
  readonly url: string;
  /**
   * Whether it is up: resolves at once while it runs, once it is ready again during a restart,
   * and to `false` while it is down (it exited, or a restart failed). The emulator awaits it on
   * every request, answering 424 on `false`, as AgentCore does for a runtime that did not start.
   */
  readonly ready: Promise<boolean>;
  /** Stops it and starts it again; calls during a restart add one more restart, not one each. */
  restart(reason: string): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

/** AgentCore's limit for a runtime to come up: 30 s. */
const READY_TIMEOUT_MS = 30_000;
/** A line that says what went wrong: an app's `error: …` line, or an exception's first line. */
const ERROR_LINE = /^(?:error: |\w*(?:Error|Exception)\b)/;

/**
 * Starts a project's server for `dev` on a fixed port (so the emulator's target stays the same),
 * showing its output on stderr prefixed with `[<name>]`, and restarts it on request. A crash after
 * it started is reported, and the server stays down until the next change.
 *
 * @param options - Launch, name, port, environment, output and abort signal.
 * @returns The running server.
 * @throws {@link CliError} `ERR_RUNTIME_FAILED` when the first start fails: the exit code and the
 *   telling stderr line (the last `error: …` or `…Error` line, else the last line), or the 30 s
 *   limit; `ServerProcessError` when `signal` aborted the start.
 * @example
 * ```ts
 * const server = await startReloadingServer({ launch, name: 'weather_server', port, output });
 * ```
 */
export async function startReloadingServer(
  options: ReloadingServerOptions,
): Promise<ReloadingServer> {
  const { launch, name, port, output } = options;
  const stopped = new WeakSet<ServerProcess>();
  let closing = false;
  let ready = Promise.resolve(true);
  const start = () =>
    startServerProcess(launch.command, launch.args, {
      cwd: launch.cwd,
      env: { ...options.env, PORT: String(port) },
      ready: { kind: 'port', port },
      readyTimeoutMs: READY_TIMEOUT_MS,
      processGroup: true,
      signal: options.signal,
      onOutput: (line) => output.note(`[${name}] ${line}`),
    });
  const watchExit = (server: ServerProcess) => {
    void server.exited.then((exit) => {
      if (stopped.has(server) || closing) return;
      ready = Promise.resolve(false);
      output.note(
        `[dev] ${name} ${describeExit(exit)}; it starts again when you save a file (requests get 424 until then)`,
      );
    });
  };

  let current: ServerProcess | undefined;
  try {
    current = await start();
  } catch (error) {
    throw toStartError(error, launch, port);
  }
  watchExit(current);
  let restarting: Promise<void> | undefined;
  let again = false;

  const cycle = async (reason: string) => {
    output.note(`[dev] ${reason}: restarting ${name}`);
    const previous = current;
    current = undefined;
    let settle: (up: boolean) => void = () => undefined;
    ready = new Promise((resolve) => (settle = resolve));
    if (previous) {
      stopped.add(previous);
      await previous.stop();
    }
    try {
      const server = await start();
      current = server;
      watchExit(server);
      settle(true);
      output.note(`[dev] ${name} restarted in ${Math.round(server.readyAfterMs)} ms`);
    } catch (error) {
      settle(false);
      if (!closing) {
        output.note(
          `[dev] ${name} did not start again: ${toStartError(error, launch, port).message.replace(/: fix it.*$/, '')}; fix it and save again (requests get 424 until then)`,
        );
      }
    }
  };

  return {
    url: `http://127.0.0.1:${port}/mcp`,
    get ready() {
      return ready;
    },
    restart: (reason) => {
      if (closing) return Promise.resolve();
      if (restarting) {
        again = true;
        return restarting;
      }
      restarting = (async () => {
        let next = reason;
        do {
          again = false;
          await cycle(next);
          next = 'more changes';
        } while (again && !closing);
      })().finally(() => (restarting = undefined));
      return restarting;
    },
    stop: async () => {
      closing = true;
      await restarting;
      if (current) {
        stopped.add(current);
        await current.stop();
      }
    },
  };
}

/** One line for a start that failed: the exit code and the telling stderr line. */
function toStartError(error: unknown, launch: ServerLaunch, port: number): Error {
  if (!(error instanceof ServerProcessError)) return error as Error;
  if (error.code === 'ERR_TIMEOUT') {
    return new CliError(
      'ERR_RUNTIME_FAILED',
      `${launch.description} did not listen on 127.0.0.1:${port} within 30 s (AgentCore's limit): fix it to listen on env HOST and PORT, then run agentcore-mcp dev again`,
      { cause: error },
    );
  }
  if (error.exitCode === undefined) return error;
  const line = tellingLine(error.stderr);
  return new CliError(
    'ERR_RUNTIME_FAILED',
    `${launch.description} ${describeExit(error.exitCode)} at start${line === undefined ? ', printing nothing on stderr' : `; stderr: ${line}`}: fix it and run agentcore-mcp dev again`,
    { cause: error },
  );
}

function describeExit(exit: number | string): string {
  return typeof exit === 'number' ? `exited with code ${exit}` : `was killed by ${exit}`;
}

/** The last `error: …` or `…Error: …` line, else the last line that is not Node's version footer. */
function tellingLine(lines: readonly string[]): string | undefined {
  const kept = lines.map((line) => line.trim()).filter((line) => line !== '');
  return (
    kept.findLast((line) => ERROR_LINE.test(line)) ??
    kept.findLast((line) => !/^Node\.js v\d/.test(line))
  );
}
