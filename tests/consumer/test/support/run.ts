import { execFile } from 'node:child_process';
import { appendFileSync } from 'node:fs';

/** What {@link run} saw. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link run}. */
export interface RunOptions {
  readonly cwd: string;
  /** Environment over `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Kill it after this long. Default: 5 minutes. */
  readonly timeoutMs?: number;
  /** A file to append `$ command` and the last lines of its output to. Default: none. */
  readonly transcript?: string;
  /** Resolve with a non-zero exit instead of throwing. Default: `false`. */
  readonly allowFailure?: boolean;
}

const SHOWN_LINES = 12;

/**
 * Runs a command without a shell and collects its output. A non-zero exit rejects with the command
 * and the end of its output, unless `allowFailure`.
 *
 * @param command - The executable.
 * @param args - Its arguments.
 * @param options - Working directory, environment, time limit, transcript.
 * @returns The exit code and output.
 */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const shown = [command.split('/').at(-1), ...args].join(' ');
  return new Promise((resolve, reject) => {
    execFile(
      command,
      [...args],
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env },
        timeout: options.timeoutMs ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        if (options.transcript !== undefined) {
          const tail = `${stdout}${stderr}`.trimEnd().split('\n').slice(-SHOWN_LINES);
          appendFileSync(
            options.transcript,
            `$ ${shown}   # exit ${code}\n${tail.map((line) => `  ${line}`).join('\n')}\n`,
          );
        }
        if (code !== 0 && options.allowFailure !== true) {
          reject(
            new Error(
              `${shown} exited with ${code} in ${options.cwd}:\n${stdout}\n${stderr}`.trimEnd(),
            ),
          );
          return;
        }
        resolve({ code, stdout, stderr });
      },
    );
  });
}
