import { describe, expect, it } from 'vitest';

import { clientCredentialsHint, cognitoSignInHint } from '../../src/cognito/cognitoSignInHints.js';

describe('cognitoSignInHint', () => {
  const aws = cognitoSignInHint({ region: 'us-east-1' });
  const local = cognitoSignInHint({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9229' });

  it.each(['NotAuthorizedException', 'InvalidPasswordException'])(
    'tells the user to run setup-cognito again when Cognito rejects the stored sign-in (%s)',
    (errorName) => {
      expect(aws(errorName)).toBe(
        'the stored password or refresh token was rejected; run agentcore-mcp setup-cognito again to set a fresh password',
      );
    },
  );

  it('names the local endpoint or the region when Cognito cannot be reached', () => {
    expect(local('ECONNREFUSED')).toBe(
      'cannot reach http://127.0.0.1:9229; is the local server (e.g. cognito-local) running, and is --endpoint right?',
    );
    expect(aws('AbortError')).toBe(
      'cannot reach Cognito in us-east-1; check your network, proxy and the region',
    );
  });

  it("keeps the client library's hint for anything else", () => {
    expect(aws('UserNotConfirmedException')).toBeUndefined();
  });
});

describe('clientCredentialsHint', () => {
  it.each([
    ['invalid_client', /setup-cognito --m2m again$/],
    ['unsupported_grant_type', /cognito-local has none/],
    ['ECONNREFUSED', /check the network and the tokenUrl/],
  ])('has a fix for %s', (errorName, hint) => {
    expect(clientCredentialsHint(errorName)).toMatch(hint);
  });
});
