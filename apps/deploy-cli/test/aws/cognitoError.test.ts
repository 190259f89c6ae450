import { describe, expect, it } from 'vitest';

import { CognitoRequestError, toCognitoRequestError } from '../../src/aws/cognitoError.js';

function serviceError(name: string, message: string, requestId = 'req-123'): Error {
  return Object.assign(new Error(message), { name, $metadata: { requestId, httpStatusCode: 400 } });
}

describe('toCognitoRequestError', () => {
  it.each([
    {
      operation: 'CreateUserPool',
      error: serviceError('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized'),
      message:
        'Cognito CreateUserPool failed: AccessDeniedException: User: arn:aws:iam::1:user/x is not authorized — your AWS identity is not allowed cognito-idp:CreateUserPool; ask for a policy that allows it',
    },
    {
      operation: 'InitiateAuth',
      error: serviceError('NotAuthorizedException', 'Incorrect username or password.'),
      message:
        'Cognito InitiateAuth failed: NotAuthorizedException: Incorrect username or password. — the stored password or refresh token was rejected; run agentcore-mcp setup-cognito again to set a fresh password',
    },
    {
      operation: 'ListUserPools',
      error: serviceError('NotAuthorizedException', 'Not allowed'),
      message:
        'Cognito ListUserPools failed: NotAuthorizedException: Not allowed — your AWS identity may not be allowed cognito-idp:ListUserPools; check its policy',
    },
    {
      operation: 'InitiateAuth',
      error: serviceError('ResourceNotFoundException', 'User pool client abc does not exist.'),
      message:
        'Cognito InitiateAuth failed: ResourceNotFoundException: User pool client abc does not exist. — it does not exist at Cognito in us-east-1 (deleted, or another region or endpoint?); run agentcore-mcp setup-cognito again',
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
      expect(mapped).toBeInstanceOf(CognitoRequestError);
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
      code: 'ERR_COGNITO_REQUEST_FAILED',
    });
    expect(toCognitoRequestError('Other', mapped, { region: 'us-east-1' })).toBe(mapped);
  });
});
