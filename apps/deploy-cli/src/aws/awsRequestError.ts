/** What {@link AwsRequestError} knows besides its message. */
export interface AwsRequestErrorDetails {
  /** The IAM service prefix, e.g. `iam`, `ecr`, `bedrock-agentcore`. */
  readonly service: string;
  /** The operation, e.g. `CreateRole`. */
  readonly operation: string;
  /** The AWS error name (`AccessDeniedException`) or a network code (`ENOTFOUND`). */
  readonly errorName: string;
  /** The AWS request id, when the service answered. */
  readonly requestId?: string | undefined;
  readonly cause?: unknown;
}

/**
 * An AWS call of the deployment commands that failed, with a one-line message
 * `<service>:<Operation> failed: <ErrorName>: <message> — <hint>` whose hint says what to do (for
 * AccessDenied: the exact permission that is missing). `--verbose` adds the request id.
 *
 * @example
 * ```ts
 * if (error instanceof AwsRequestError && error.errorName === 'ConflictException') { … }
 * ```
 */
export class AwsRequestError extends Error {
  /** The stable code of every AWS request failure. */
  readonly code = 'ERR_AWS_REQUEST_FAILED';
  readonly service: string;
  readonly operation: string;
  readonly errorName: string;
  readonly requestId: string | undefined;

  /**
   * @param message - The whole one-line message.
   * @param details - Service, operation, error name, request id and cause.
   */
  constructor(message: string, details: AwsRequestErrorDetails) {
    super(message, { cause: details.cause });
    this.name = new.target.name;
    this.service = details.service;
    this.operation = details.operation;
    this.errorName = details.errorName;
    this.requestId = details.requestId;
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { requestId?: unknown };
}

const UNREACHABLE =
  /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|TimeoutError)$/;
const CREDENTIALS =
  /^(CredentialsProviderError|UnrecognizedClientException|InvalidSignatureException|ExpiredToken(Exception)?|InvalidClientTokenId|SignatureDoesNotMatch)$/;
const THROTTLED =
  /^(Throttling(Exception)?|TooManyRequestsException|RequestLimitExceeded|SlowDown)$/;

/**
 * Turns whatever an AWS SDK call threw into an {@link AwsRequestError} with a hint.
 *
 * @param request - The IAM service prefix and operation.
 * @param error - What the SDK threw.
 * @returns The error to throw.
 */
export function toAwsRequestError(
  request: { service: string; operation: string; region: string },
  error: unknown,
): AwsRequestError {
  if (error instanceof AwsRequestError) return error;
  const like = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const errorName =
    typeof like.code === 'string' && like.code
      ? like.code
      : typeof like.name === 'string' && like.name
        ? like.name
        : 'Error';
  const message = typeof like.message === 'string' && like.message ? like.message : String(error);
  const requestId = like.$metadata?.requestId;
  const action = `${request.service}:${request.operation}`;
  return new AwsRequestError(
    `${action} failed: ${errorName}: ${firstLine(message)} — ${hintFor(action, errorName, request.region)}`,
    {
      service: request.service,
      operation: request.operation,
      errorName,
      requestId: typeof requestId === 'string' ? requestId : undefined,
      cause: error,
    },
  );
}

/**
 * Whether an error is an AWS failure with one of the given error names.
 *
 * @param error - The caught value.
 * @param names - e.g. `ResourceNotFoundException`.
 */
export function isAwsError(error: unknown, ...names: string[]): boolean {
  if (error instanceof AwsRequestError) return names.includes(error.errorName);
  return error instanceof Error && names.includes(error.name);
}

function hintFor(action: string, errorName: string, region: string): string {
  if (UNREACHABLE.test(errorName)) {
    return `cannot reach AWS in ${region}; check your network, proxy and the region`;
  }
  if (CREDENTIALS.test(errorName)) {
    return 'no usable AWS credentials; run aws sso login / aws configure and set AWS_PROFILE (or --profile), then run agentcore-mcp doctor';
  }
  if (errorName.startsWith('AccessDenied') || errorName === 'UnauthorizedOperation') {
    return `your AWS identity is missing the permission ${action}; add it to your IAM policy (docs/troubleshooting.md#access-denied)`;
  }
  if (THROTTLED.test(errorName)) {
    return 'AWS throttled the request even after retries; wait a minute and run the command again';
  }
  if (errorName === 'ValidationException') {
    return 'AWS rejected a value; check the project config (agentcore-mcp configure) and run again with --verbose';
  }
  if (errorName === 'ServiceQuotaExceededException' || errorName === 'LimitExceededException') {
    return `an account quota in ${region} was reached; delete unused resources or ask for a quota increase`;
  }
  return 'run again with --verbose for the request id and the cause';
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}
