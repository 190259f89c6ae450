import type { ChildProcess } from 'node:child_process';

/** How long `exited` waits for stdout and stderr to close after the process exited. */
const PIPE_GRACE_MS = 1_000;

/** Options of {@link ProcessControl.stop}. */
export interface StopProcessOptions {
  /** The first signal. Default: `'SIGTERM'`. */
  signal?: NodeJS.Signals;
  /** When to send SIGKILL if the process has not exited yet, in ms. Default: `5000`. */
  timeoutMs?: number;
}

/** Signals and waits for one child process; see {@link controlProcess}. */
export interface ProcessControl {
  /**
   * Resolves with the exit code (or signal name) once the process has exited and its output has
   * been read to the end.
   */
  readonly exited: Promise<number | string>;
  /** Whether the process is still running. */
  running(): boolean;
  /** Sends a signal to the process, or to its whole group; does nothing once it is gone. */
  signal(signal: NodeJS.Signals): void;
  /**
   * Stops the process: `signal`, then SIGKILL after `timeoutMs`. A second call while the first is
   * under way waits for the same exit (only SIGKILL is sent again), so a graceful shutdown is
   * never cut short by a repeated SIGTERM.
   */
  stop(options?: StopProcessOptions): Promise<number | string>;
}

/**
 * Wraps a spawned child for stopping: the exit as a promise, and signals to the process or, for a
 * process started `detached` as a group leader, to its whole group (so the children of a shell
 * command or of a proxy stop with it).
 *
 * @param child - The spawned process.
 * @param group - Whether it leads its own process group.
 * @returns The control.
 */
export function controlProcess(child: ChildProcess, group: boolean): ProcessControl {
  const exited = new Promise<number | string>((resolve) => {
    // 'close' comes after the last output line; a grandchild that keeps the pipes open must not
    // delay the exit for ever, hence the grace period after 'exit'.
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('exit', (code, signal) => {
      setTimeout(() => resolve(code ?? signal ?? 'unknown'), PIPE_GRACE_MS).unref();
    });
  });
  const running = () =>
    child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  const signal = (name: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      if (group) process.kill(-child.pid, name);
      else if (running()) child.kill(name);
    } catch {
      // Gone already.
    }
  };
  let stopping: Promise<number | string> | undefined;
  const stop = ({ signal: first = 'SIGTERM', timeoutMs = 5_000 }: StopProcessOptions = {}) => {
    if (!running()) {
      if (group) signal('SIGKILL'); // children that outlived their leader
      return exited;
    }
    if (stopping !== undefined && first !== 'SIGKILL') return stopping;
    signal(first);
    const timer = setTimeout(() => signal('SIGKILL'), timeoutMs);
    stopping = exited.finally(() => {
      clearTimeout(timer);
      // Children of a group that outlived their leader.
      if (group) signal('SIGKILL');
    });
    return stopping;
  };
  return { exited, running, signal, stop };
}
