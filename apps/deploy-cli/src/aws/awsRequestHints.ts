/** A request that failed, as the hints see it. */
export interface FailedAwsRequest {
  /** The IAM service prefix, e.g. `iam`, `cognito-idp`. */
  readonly service: string;
  /** The operation, e.g. `CreateRole`. */
  readonly operation: string;
  /** The region it went to. */
  readonly region: string;
  /** A local server it went to instead of AWS (`--endpoint`), if any. */
  readonly endpoint?: string | undefined;
}

/** One hint: the error names it is for (and, optionally, the operations), and what it says. */
export interface AwsRequestHintRule {
  /** The AWS error names (or network codes) the hint is for, as a list or a pattern. */
  readonly errors: readonly string[] | RegExp;
  /** Only for these operations. Default: any. */
  readonly operations?: readonly string[] | undefined;
  /** The hint, or how to write it for the request. */
  readonly hint: string | ((request: FailedAwsRequest) => string);
}

/**
 * The hint data of one set of commands: how a failed request is named in the message, and one
 * hint per kind of failure, first match wins.
 */
export interface AwsRequestHints {
  /** The request's name in the message, e.g. `iam:CreateRole` or `Cognito InitiateAuth`. */
  readonly label: (request: FailedAwsRequest) => string;
  /** The hints, tried in order. */
  readonly rules: readonly AwsRequestHintRule[];
}

/** The hint when no rule matches. */
const VERBOSE_HINT = 'run again with --verbose for the request id and the cause';

/** Network failures: the request never reached the service. */
export const UNREACHABLE_ERRORS = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TimeoutError',
];

/**
 * The hints of the deployment commands (`launch`, `status`, `logs`, `destroy`, `doctor`, the
 * `gateway` commands), for every service they call: these commands take `--profile`, and the
 * AccessDenied hint names the exact permission.
 */
export const AWS_REQUEST_HINTS: AwsRequestHints = {
  label: ({ service, operation }) => `${service}:${operation}`,
  rules: [
    {
      errors: UNREACHABLE_ERRORS,
      hint: ({ region }) =>
        `cannot reach AWS in ${region}; check your network, proxy and the region`,
    },
    {
      errors:
        /^(CredentialsProviderError|UnrecognizedClientException|InvalidSignatureException|ExpiredToken(Exception)?|InvalidClientTokenId|SignatureDoesNotMatch)$/,
      hint: 'no usable AWS credentials; run aws sso login / aws configure and set AWS_PROFILE (or --profile), then run agentcore-mcp doctor',
    },
    {
      errors: /^(AccessDenied.*|UnauthorizedOperation)$/,
      hint: ({ service, operation }) =>
        `your AWS identity is missing the permission ${service}:${operation}; add it to your IAM policy (docs/troubleshooting.md#access-denied)`,
    },
    {
      errors: /^(Throttling(Exception)?|TooManyRequestsException|RequestLimitExceeded|SlowDown)$/,
      hint: 'AWS throttled the request even after retries; wait a minute and run the command again',
    },
    {
      errors: ['ValidationException'],
      hint: 'AWS rejected a value; check the project config (agentcore-mcp configure) and run again with --verbose',
    },
    {
      errors: ['ServiceQuotaExceededException', 'LimitExceededException'],
      hint: ({ region }) =>
        `an account quota in ${region} was reached; delete unused resources or ask for a quota increase`,
    },
  ],
};

/**
 * The hint for a failed request: the first rule of `hints` that matches its error name (and
 * operation), else "run again with --verbose".
 *
 * @param hints - The hint data.
 * @param request - The failed request.
 * @param errorName - Its AWS error name or network code.
 * @returns The hint.
 * @example
 * ```ts
 * hintFor(AWS_REQUEST_HINTS, { service: 'iam', operation: 'CreateRole', region: 'us-east-1' }, 'AccessDenied');
 * ```
 */
export function hintFor(
  hints: AwsRequestHints,
  request: FailedAwsRequest,
  errorName: string,
): string {
  const rule = hints.rules.find(
    ({ errors, operations }) =>
      (errors instanceof RegExp ? errors.test(errorName) : errors.includes(errorName)) &&
      (operations === undefined || operations.includes(request.operation)),
  );
  if (rule === undefined) return VERBOSE_HINT;
  return typeof rule.hint === 'string' ? rule.hint : rule.hint(request);
}
