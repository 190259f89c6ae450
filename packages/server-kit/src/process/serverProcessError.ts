import { AgentCoreMcpError } from '@agentcore-mcp/core';

/** The error codes of {@link ServerProcessError}. */
export type ServerProcessErrorCode = 'ERR_PROCESS_EXITED' | 'ERR_TIMEOUT';

/** What a {@link ServerProcessError} knows besides its message. */
export interface ServerProcessErrorDetails {
  /** The exit code or signal name, when the process exited. */
  exitCode?: number | string;
  /** Its last stderr lines, oldest first. */
  stderr: readonly string[];
  /** The underlying error (a spawn failure), when there is one. */
  cause?: unknown;
}

/**
 * A server process that never became ready: it exited first (`ERR_PROCESS_EXITED`, also when it
 * could not be spawned at all) or stayed silent past its time limit (`ERR_TIMEOUT`, and it was
 * killed). The one-line message names the command and quotes its most telling stderr line; the
 * last stderr lines are in `stderr`.
 *
 * @example
 * ```ts
 * try {
 *   await startServerProcess(process.execPath, ['dist/main.js']);
 * } catch (error) {
 *   if (error instanceof ServerProcessError) console.error(error.stderr.join('\n'));
 * }
 * ```
 */
export class ServerProcessError extends AgentCoreMcpError {
  declare readonly code: ServerProcessErrorCode;
  /** The exit code or signal name, or `undefined` when it did not exit on its own. */
  readonly exitCode: number | string | undefined;
  /** The last stderr lines (at most 20), oldest first. */
  readonly stderr: readonly string[];

  /**
   * @param code - `ERR_PROCESS_EXITED` or `ERR_TIMEOUT`.
   * @param message - One line: which command, what happened, its telling stderr line.
   * @param details - Exit code, stderr lines and cause.
   */
  constructor(code: ServerProcessErrorCode, message: string, details: ServerProcessErrorDetails) {
    super(code, message, { cause: details.cause });
    this.exitCode = details.exitCode;
    this.stderr = details.stderr;
  }
}
