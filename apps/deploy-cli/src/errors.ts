import { AgentCoreMcpError, type AgentCoreMcpErrorOptions } from '@agentcore-mcp/core';

/**
 * The codes the CLI's own errors carry (a subset of core's `ErrorCode`). Scripts `switch` on them;
 * `docs/troubleshooting.md` explains each failure the messages point at.
 */
export type CliErrorCode =
  /** No project file, or no runtime of that name in it. */
  | 'ERR_NOT_CONFIGURED'
  /** A flag, prompt answer or project value is not usable. */
  | 'ERR_INVALID_INPUT'
  /** A file the CLI reads (credentials, gateway config, authorizer) or an option set is invalid. */
  | 'ERR_CONFIG_INVALID'
  /** A runtime name that AWS would refuse for it or for a resource named after it (core's code). */
  | 'ERR_INVALID_RUNTIME_NAME'
  /** No region anywhere, or one that is not an AWS region code. */
  | 'ERR_INVALID_REGION'
  /** An endpoint override is not an http(s) origin. */
  | 'ERR_INVALID_ENDPOINT'
  /** The image build (CodeBuild or local Docker) failed or was stopped. */
  | 'ERR_BUILD_FAILED'
  /** A runtime, gateway or target reached a failed state. */
  | 'ERR_RUNTIME_FAILED'
  /** A wait for READY (or for a build, or a deletion) ran out of time. */
  | 'ERR_TIMEOUT'
  /** A destructive command needs `--yes` when there is no terminal to confirm on. */
  | 'ERR_CONFIRMATION_REQUIRED'
  /** The project was configured but not launched as the command expects. */
  | 'ERR_NOT_DEPLOYED'
  /** A tool called with `invoke` reported an error (`isError: true`). */
  | 'ERR_TOOL_FAILED'
  /** The local emulator cannot bind its address. */
  | 'ERR_LISTEN_FAILED';

/**
 * A failure of an `agentcore-mcp` command with a one-line message saying what happened and what to
 * do, often ending in the matching `docs/troubleshooting.md` section. The top-level catch prints
 * `error: <message>`; `--verbose` adds the cause chain.
 *
 * @example
 * ```ts
 * throw new CliError('ERR_NOT_DEPLOYED', 'example_server has not been launched yet: run agentcore-mcp launch');
 * ```
 */
export class CliError extends AgentCoreMcpError {
  /** The stable code; see {@link CliErrorCode}. */
  declare readonly code: CliErrorCode;

  /**
   * @param code - See {@link CliErrorCode}.
   * @param message - One line: what happened and what to do.
   * @param options - `cause` for the underlying error.
   */
  constructor(code: CliErrorCode, message: string, options?: AgentCoreMcpErrorOptions) {
    super(code, message, options);
  }
}

/** What {@link AwsRequestError} knows besides its code. */
export interface AwsRequestErrorDetails {
  /** The IAM service prefix, e.g. `iam`, `ecr`, `bedrock-agentcore`, `cognito-idp`. */
  readonly service: string;
  /** The operation, e.g. `CreateRole`, or the path of a non-API request such as `/oauth2/token`. */
  readonly operation: string;
  /** The AWS error name (`AccessDeniedException`), a network code (`ENOTFOUND`) or OAuth error. */
  readonly errorName: string;
  /** The AWS request id, when the service answered. */
  readonly requestId?: string | undefined;
  /** What failed: `iam:CreateRole failed: AccessDenied: <the service's first line>`. */
  readonly summary: string;
  /** What to do about it, e.g. the exact permission that is missing. */
  readonly hint: string;
  /** What the SDK (or fetch) threw. */
  readonly cause?: unknown;
}

/**
 * An AWS request that failed (any service, sent by any command), with the one-line message
 * `<summary> — <hint>`. The hint says what to do; `--verbose` adds the request id and the cause.
 * `aws/toAwsRequestError.ts` builds them from what the SDK threw.
 *
 * @example
 * ```ts
 * if (error instanceof AwsRequestError && error.errorName === 'ConflictException') { … }
 * ```
 */
export class AwsRequestError extends AgentCoreMcpError {
  /** Every AWS request failure carries `ERR_AWS_REQUEST_FAILED`. */
  declare readonly code: 'ERR_AWS_REQUEST_FAILED';
  /** The IAM service prefix. */
  readonly service: string;
  /** The operation that failed. */
  readonly operation: string;
  /** The AWS error name, network error code or OAuth error. */
  readonly errorName: string;
  /** The AWS request id, when the service answered. */
  readonly requestId: string | undefined;
  /** The message before its ` — `: what failed. */
  readonly summary: string;
  /** The message after its ` — `: what to do. */
  readonly hint: string;

  /**
   * @param details - Service, operation, error name, request id, summary, hint and cause.
   */
  constructor(details: AwsRequestErrorDetails) {
    super(
      'ERR_AWS_REQUEST_FAILED',
      `${details.summary} — ${details.hint}`,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.service = details.service;
    this.operation = details.operation;
    this.errorName = details.errorName;
    this.requestId = details.requestId;
    this.summary = details.summary;
    this.hint = details.hint;
  }
}
