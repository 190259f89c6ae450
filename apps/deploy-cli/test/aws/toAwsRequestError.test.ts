import { describe, expect, it } from 'vitest';

import { COGNITO_REQUEST_HINTS } from '../../src/aws/cognitoRequestHints.js';
import { isAwsError, toAwsRequestError } from '../../src/aws/toAwsRequestError.js';
import { AwsRequestError } from '../../src/errors.js';

function serviceError(name: string, message: string, requestId = 'req-123'): Error {
  return Object.assign(new Error(message), { name, $metadata: { requestId, httpStatusCode: 400 } });
}

/** The Cognito commands' mapping, as `createCognitoClient` applies it. */
function toCognitoRequestError(
  operation: string,
  error: unknown,
  target: { region: string; endpoint?: string },
): AwsRequestError {
  return toAwsRequestError(
    { service: 'cognito-idp', operation, ...target },
    error,
    COGNITO_REQUEST_HINTS,
  );
}

describe('toAwsRequestError with the Cognito hints', () => {
  it.each([
    {
      operation: 'CreateUserPool',
      error: serviceError('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized'),
      message:
        'Cognito CreateUserPool failed: AccessDeniedException: User: arn:aws:iam::1:user/x is not authorized — your AWS identity is not allowed cognito-idp:CreateUserPool; ask for a policy that allows it',
    },
    {
      operation: 'ListUserPools',
      error: serviceError('NotAuthorizedException', 'Not allowed'),
      message:
        'Cognito ListUserPools failed: NotAuthorizedException: Not allowed — your AWS identity may not be allowed cognito-idp:ListUserPools; check its policy',
    },
    {
      operation: 'DescribeUserPoolClient',
      error: serviceError('ResourceNotFoundException', 'User pool client abc does not exist.'),
      message:
        'Cognito DescribeUserPoolClient failed: ResourceNotFoundException: User pool client abc does not exist. — it does not exist at Cognito in us-east-1 (deleted, or another region or endpoint?); run agentcore-mcp setup-cognito again',
    },
    {
      operation: 'CreateUserPoolClient',
      error: serviceError('InvalidParameterException', 'Bad name'),
      message:
        'Cognito CreateUserPoolClient failed: InvalidParameterException: Bad name — Cognito rejected a value; check --pool-name, --client-name and --username',
    },
    {
      operation: 'ListUserPools',
      error: Object.assign(new Error('Could not load credentials from any providers'), {
        name: 'CredentialsProviderError',
      }),
      message:
        /^Cognito ListUserPools failed: CredentialsProviderError: Could not load credentials from any providers — no usable AWS credentials; /,
    },
    {
      operation: 'ListUserPools',
      error: Object.assign(new Error('getaddrinfo ENOTFOUND cognito-idp.xx-east-1.amazonaws.com'), {
        code: 'ENOTFOUND',
      }),
      message:
        'Cognito ListUserPools failed: ENOTFOUND: getaddrinfo ENOTFOUND cognito-idp.xx-east-1.amazonaws.com — cannot reach Cognito in us-east-1; check your network, proxy and the region',
    },
    {
      operation: 'ListUserPools',
      error: serviceError('InternalErrorException', 'Boom'),
      message:
        'Cognito ListUserPools failed: InternalErrorException: Boom — run again with --verbose for the request id and the cause',
    },
  ])(
    'maps $error.name from $operation to one line with a hint',
    ({ operation, error, message }) => {
      const mapped = toCognitoRequestError(operation, error, { region: 'us-east-1' });
      expect(mapped).toBeInstanceOf(AwsRequestError);
      expect(mapped.message).toMatch(message);
      expect(mapped.message).not.toContain('\n');
      expect(mapped.cause).toBe(error);
      expect(mapped.operation).toBe(operation);
    },
  );

  it('keeps the request id and leaves an already mapped error alone', () => {
    const mapped = toCognitoRequestError(
      'CreateUserPool',
      serviceError('LimitExceededException', 'Too many pools'),
      { region: 'us-east-1' },
    );
    expect(mapped).toMatchObject({
      errorName: 'LimitExceededException',
      requestId: 'req-123',
      code: 'ERR_AWS_REQUEST_FAILED',
      service: 'cognito-idp',
    });
    expect(toCognitoRequestError('Other', mapped, { region: 'us-east-1' })).toBe(mapped);
  });
});

describe("toAwsRequestError with the deployment commands' hints", () => {
  const request = { service: 'iam', operation: 'CreateRole', region: 'eu-west-1' };

  it.each([
    {
      error: serviceError('AccessDenied', 'User: arn:aws:iam::1:user/x is not authorized'),
      message:
        'iam:CreateRole failed: AccessDenied: User: arn:aws:iam::1:user/x is not authorized — your AWS identity is missing the permission iam:CreateRole; add it to your IAM policy (docs/troubleshooting.md#access-denied)',
    },
    {
      error: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      message:
        'iam:CreateRole failed: ECONNREFUSED: connect ECONNREFUSED — cannot reach AWS in eu-west-1; check your network, proxy and the region',
    },
    {
      error: serviceError('ExpiredToken', 'The security token included in the request is expired'),
      message:
        'iam:CreateRole failed: ExpiredToken: The security token included in the request is expired — no usable AWS credentials; run aws sso login / aws configure and set AWS_PROFILE (or --profile), then run agentcore-mcp doctor',
    },
    {
      error: serviceError('Throttling', 'Rate exceeded'),
      message:
        'iam:CreateRole failed: Throttling: Rate exceeded — AWS throttled the request even after retries; wait a minute and run the command again',
    },
    {
      error: serviceError('ValidationException', 'Bad value\nsecond line'),
      message:
        'iam:CreateRole failed: ValidationException: Bad value — AWS rejected a value; check the project config (agentcore-mcp configure) and run again with --verbose',
    },
    {
      error: serviceError('LimitExceededException', 'Too many roles'),
      message:
        'iam:CreateRole failed: LimitExceededException: Too many roles — an account quota in eu-west-1 was reached; delete unused resources or ask for a quota increase',
    },
    {
      error: serviceError('InternalFailure', 'Boom'),
      message:
        'iam:CreateRole failed: InternalFailure: Boom — run again with --verbose for the request id and the cause',
    },
  ])('maps $error.name to one line with a hint', ({ error, message }) => {
    const mapped = toAwsRequestError(request, error);

    expect(mapped.message).toBe(message);
    expect(mapped).toMatchObject({
      code: 'ERR_AWS_REQUEST_FAILED',
      service: 'iam',
      operation: 'CreateRole',
      requestId: error.name === 'Error' ? undefined : 'req-123',
      cause: error,
    });
    expect(`${mapped.summary} — ${mapped.hint}`).toBe(message);
  });

  it('reads the network code of an AggregateError (IPv4 and IPv6 both refused)', () => {
    const error = new AggregateError([
      Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
    ]);

    expect(toAwsRequestError(request, error).errorName).toBe('ECONNREFUSED');
  });

  it('tells AWS error names apart, whether mapped or raw', () => {
    const raw = serviceError('ResourceNotFoundException', 'gone');
    const mapped = toAwsRequestError(request, raw);

    expect(isAwsError(mapped, 'ConflictException', 'ResourceNotFoundException')).toBe(true);
    expect(isAwsError(raw, 'ResourceNotFoundException')).toBe(true);
    expect(isAwsError(mapped, 'ConflictException')).toBe(false);
    expect(isAwsError('ResourceNotFoundException', 'ResourceNotFoundException')).toBe(false);
  });
});
