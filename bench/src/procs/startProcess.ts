import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';

/** A process the bench started and must stop. */
export interface StartedProcess {
  /** The process id (also its process-group id). */
  readonly pid: number;
  /** Its last output lines, for error messages. */
  readonly output: string[];
  /** SIGTERM to its whole process group, SIGKILL after `timeoutMs` (default 3000). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts `node <args>` in its own process group (so children it spawns, such as a proxy's stdio
 * server, are stopped with it) and waits until `127.0.0.1:<port>` accepts connections.
 *
 * @param args - Node arguments: the entry file and its options.
 * @param port - The port the process was told to listen on.
 * @param timeoutMs - How long to wait for the port. Default 20000.
 * @returns The running process.
 * @throws Error with its output when it exits or does not listen in time.
 */
export async function startNodeProcess(
  args: readonly string[],
  port: number,
  timeoutMs = 20_000,
): Promise<StartedProcess> {
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 20));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started: StartedProcess = {
    pid: child.pid ?? -1,
    output,
    stop: (stopTimeoutMs = 3000) => stopGroup(child, exited, stopTimeoutMs),
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await started.stop();
      throw new Error(`node ${args.join(' ')} did not listen on ${port}:\n${output.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return started;
}

async function stopGroup(
  child: ChildProcess,
  exited: Promise<void>,
  timeoutMs: number,
): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, name);
    } catch {
      // The group is gone already.
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL');
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
