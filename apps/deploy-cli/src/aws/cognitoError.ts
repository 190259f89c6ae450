/** What {@link CognitoRequestError} knows besides its message. */
export interface CognitoRequestErrorDetails {
  /** The Cognito operation (`CreateUserPool`) or `/oauth2/token`. */
  operation: string;
  /** The AWS error name (`AccessDeniedException`), a network code (`ECONNREFUSED`) or OAuth error. */
  errorName: string;
  /** The AWS request id, when the service answered. */
  requestId?: string;
  /** The original error. */
  cause?: unknown;
}

/**
 * A Cognito call that failed, with a one-line message
 * `Cognito <Operation> failed: <ErrorName>: <message> — <hint>`.
 * The CLI prints the message; `--verbose` adds the request id and the cause chain.
 *
 * @example
 * ```ts
 * if (error instanceof CognitoRequestError && error.errorName === 'UserNotFoundException') { … }
 * ```
 */
export class CognitoRequestError extends Error {
  /** The stable code of every Cognito request failure. */
  readonly code = 'ERR_COGNITO_REQUEST_FAILED';
  /** The Cognito operation that failed. */
  readonly operation: string;
  /** The AWS error name, network error code or OAuth error. */
  readonly errorName: string;
  /** The AWS request id, when the service answered. */
  readonly requestId: string | undefined;

  /**
   * @param message - The whole one-line message.
   * @param details - Operation, error name, request id and cause.
   */
  constructor(message: string, details: CognitoRequestErrorDetails) {
    super(message, { cause: details.cause });
    this.name = new.target.name;
    this.operation = details.operation;
    this.errorName = details.errorName;
    this.requestId = details.requestId;
  }
}

/** Where the failed request went, for the hints. */
export interface CognitoErrorContext {
  /** The local endpoint, when not AWS. */
  endpoint?: string;
  /** The AWS region. */
  region: string;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { requestId?: unknown };
  errors?: unknown;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
]);
const STALE_SIGN_IN =
  'the stored password or refresh token was rejected; run agentcore-mcp setup-cognito again to set a fresh password';
const CREDENTIALS =
  /^(CredentialsProviderError|UnrecognizedClientException|InvalidSignatureException|ExpiredTokenException|InvalidClientTokenId)$/;

/**
 * Turns whatever an AWS SDK call threw into a {@link CognitoRequestError} with a hint.
 *
 * @param operation - The Cognito operation, e.g. `CreateUserPool`.
 * @param error - What the SDK threw.
 * @param context - The region and local endpoint, for the hint.
 * @returns The error to throw.
 * @example
 * ```ts
 * throw toCognitoRequestError('ListUserPools', caught, { region: 'us-east-1' });
 * ```
 */
export function toCognitoRequestError(
  operation: string,
  error: unknown,
  context: CognitoErrorContext,
): CognitoRequestError {
  if (error instanceof CognitoRequestError) return error;
  const like = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const errorName = readErrorName(like);
  const message = typeof like.message === 'string' && like.message ? like.message : String(error);
  const requestId = like.$metadata?.requestId;
  return new CognitoRequestError(
    `Cognito ${operation} failed: ${errorName}: ${firstLine(message)} — ${hintFor(operation, errorName, context)}`,
    {
      operation,
      errorName,
      requestId: typeof requestId === 'string' ? requestId : undefined,
      cause: error,
    },
  );
}

/**
 * Whether an error is a Cognito failure with the given AWS error name (also for errors that did not
 * pass through {@link toCognitoRequestError}, such as a test double's).
 *
 * @param error - The caught value.
 * @param errorName - e.g. `UserNotFoundException`.
 * @returns `true` when the names match.
 */
export function isCognitoError(error: unknown, errorName: string): boolean {
  if (error instanceof CognitoRequestError) return error.errorName === errorName;
  return error instanceof Error && error.name === errorName;
}

function readErrorName(error: ErrorLike): string {
  const nested = Array.isArray(error.errors)
    ? (error.errors[0] as ErrorLike | undefined)
    : undefined;
  for (const candidate of [error.code, nested?.code]) {
    if (typeof candidate === 'string' && candidate) return candidate;
  }
  return typeof error.name === 'string' && error.name ? error.name : 'Error';
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]?.trim() ?? '';
}

function hintFor(
  operation: string,
  errorName: string,
  { endpoint, region }: CognitoErrorContext,
): string {
  const where = endpoint ?? `Cognito in ${region}`;
  if (UNREACHABLE.has(errorName)) {
    return endpoint
      ? `cannot reach ${endpoint}; is the local server (e.g. cognito-local) running, and is --endpoint right?`
      : `cannot reach Cognito in ${region}; check your network, proxy and the region`;
  }
  if (CREDENTIALS.test(errorName)) {
    return 'no usable AWS credentials; set AWS_PROFILE (after aws sso login or aws configure) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or pass --endpoint for a local server';
  }
  if (errorName.startsWith('AccessDenied')) {
    return `your AWS identity is not allowed cognito-idp:${operation}; ask for a policy that allows it`;
  }
  switch (errorName) {
    case 'InvalidPasswordException':
      return operation === 'InitiateAuth'
        ? STALE_SIGN_IN
        : "the pool's password policy rejected the generated password; relax the policy";
    case 'NotAuthorizedException':
      return operation === 'InitiateAuth'
        ? STALE_SIGN_IN
        : `your AWS identity may not be allowed cognito-idp:${operation}; check its policy`;
    case 'ResourceNotFoundException':
    case 'UserNotFoundException':
      return `it does not exist at ${where} (deleted, or another region or endpoint?); run agentcore-mcp setup-cognito again`;
    case 'InvalidParameterException':
      return operation === 'InitiateAuth'
        ? 'the app client must allow USER_PASSWORD_AUTH and REFRESH_TOKEN_AUTH; run agentcore-mcp setup-cognito again'
        : 'Cognito rejected a value; check --pool-name, --client-name and --username';
    case 'Unsupported':
      return `${where} (cognito-local) does not implement ${operation}; --m2m needs a hosted domain, a resource server and client_credentials on /oauth2/token, so run it against AWS Cognito`;
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return 'Cognito throttled the request or a quota was reached; wait a moment and retry';
    default:
      return 'run again with --verbose for the request id and the cause';
  }
}
