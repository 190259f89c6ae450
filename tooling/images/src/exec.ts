import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

/** Options of {@link exec}. */
export interface ExecOptions {
  /** Append the command line and all its output to this file. Default: none. */
  readonly logFile?: string;
  /** Also copy its output to this process's stdout/stderr as it comes. Default: `false`. */
  readonly echo?: boolean;
  /** Kill it (SIGKILL) after this long, in ms. Default: no limit. */
  readonly timeoutMs?: number;
  /** Its working directory. Default: the current one. */
  readonly cwd?: string;
  /** Its whole environment. Default: this process's. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What {@link exec} saw. */
export interface ExecResult {
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time, in ms. */
  readonly ms: number;
}

/** A command that exited non-zero (or could not start, or ran out of time). */
export class ExecError extends Error {
  /** Its last output lines, stdout and stderr interleaved as they came. */
  readonly tail: readonly string[];

  constructor(message: string, tail: readonly string[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExecError';
    this.tail = tail;
  }
}

const TAIL_LINES = 40;

/**
 * Runs a command without a shell, collects its output and times it.
 *
 * @param command - The executable.
 * @param args - Its arguments.
 * @param options - Log file, echo, time limit, working directory.
 * @returns Its output and wall time.
 * @throws {@link ExecError} when it exits non-zero, is killed, or cannot be started.
 */
export function exec(
  command: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const shown = [command, ...args].join(' ');
  const startedAt = performance.now();
  if (options.logFile !== undefined) appendFileSync(options.logFile, `$ ${shown}\n`);
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  let tail: string[] = [];
  const collect = (into: string[], echoTo: NodeJS.WriteStream) => (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    into.push(text);
    tail = [...tail, ...text.split('\n').filter((line) => line !== '')].slice(-TAIL_LINES);
    if (options.logFile !== undefined) appendFileSync(options.logFile, text);
    if (options.echo === true) echoTo.write(text);
  };
  child.stdout.on('data', collect(stdout, process.stdout));
  child.stderr.on('data', collect(stderr, process.stderr));
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);

  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new ExecError(`${command} could not be started: ${error.message}`, tail, { cause: error }),
      );
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - startedAt;
      if (code === 0) {
        resolve({ stdout: stdout.join(''), stderr: stderr.join(''), ms });
        return;
      }
      const how =
        signal === 'SIGKILL' && options.timeoutMs !== undefined && ms >= options.timeoutMs
          ? `ran out of time (${Math.round(options.timeoutMs / 1000)} s)`
          : signal === null
            ? `exited with ${code}`
            : `was killed by ${signal}`;
      reject(new ExecError(`${shorten(shown)} ${how}`, tail));
    });
  });
}

/** A command line cut to one readable line (an inline JSON configuration can be long). */
function shorten(line: string): string {
  return line.length <= 160 ? line : `${line.slice(0, 157)}...`;
}
