/** Why a deployment command stopped, as a stable code for scripts. */
export type DeployErrorCode =
  /** No project file, or no runtime of that name in it. */
  | 'ERR_NOT_CONFIGURED'
  /** A value given to `configure` (or found in the project) is not usable. */
  | 'ERR_INVALID_INPUT'
  /** The CodeBuild image build failed or was stopped. */
  | 'ERR_BUILD_FAILED'
  /** The runtime reached CREATE_FAILED / UPDATE_FAILED / DELETE_FAILED. */
  | 'ERR_RUNTIME_FAILED'
  /** A wait for READY (or for a build) ran out of time. */
  | 'ERR_TIMEOUT'
  /** A destructive command needs `--yes` when there is no terminal to confirm on. */
  | 'ERR_CONFIRMATION_REQUIRED'
  /** The project was launched but not as this command expects (e.g. no runtime yet). */
  | 'ERR_NOT_DEPLOYED';

/**
 * A deployment command failure with a one-line message saying what happened and what to do,
 * usually ending in the matching `docs/troubleshooting.md` section.
 *
 * @example
 * ```ts
 * throw new DeployError('ERR_NOT_DEPLOYED', 'example_server has not been launched yet: run agentcore-mcp launch');
 * ```
 */
export class DeployError extends Error {
  /** The stable code. */
  readonly code: DeployErrorCode;

  /**
   * @param code - See {@link DeployErrorCode}.
   * @param message - One line: what happened and what to do.
   * @param options - The underlying error.
   */
  constructor(code: DeployErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DeployError';
    this.code = code;
  }
}
