import { describe, expect, it } from 'vitest';

import { resolveCognitoTarget } from '../../src/aws/cognitoTarget.js';

describe('resolveCognitoTarget', () => {
  it.each([
    {
      case: 'flags',
      options: { region: 'eu-west-1' },
      env: { AWS_REGION: 'us-east-1' },
      target: { region: 'eu-west-1' },
    },
    {
      case: 'AWS_REGION',
      options: {},
      env: { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-west-1' },
      target: { region: 'us-west-2' },
    },
    {
      case: 'AWS_DEFAULT_REGION',
      options: {},
      env: { AWS_REGION: '', AWS_DEFAULT_REGION: 'eu-west-1' },
      target: { region: 'eu-west-1' },
    },
    {
      case: 'a GovCloud region',
      options: { region: 'us-gov-west-1' },
      env: {},
      target: { region: 'us-gov-west-1' },
    },
    {
      case: '--endpoint, without its trailing slash',
      options: { region: 'us-east-1', endpoint: 'http://127.0.0.1:9229/' },
      env: { AGENTCORE_MCP_COGNITO_ENDPOINT: 'http://127.0.0.1:1' },
      target: { region: 'us-east-1', endpoint: 'http://127.0.0.1:9229' },
    },
    {
      case: 'AGENTCORE_MCP_COGNITO_ENDPOINT',
      options: { region: 'us-east-1' },
      env: { AGENTCORE_MCP_COGNITO_ENDPOINT: 'http://localhost:9229' },
      target: { region: 'us-east-1', endpoint: 'http://localhost:9229' },
    },
  ])('takes the target from $case', ({ options, env, target }) => {
    expect(resolveCognitoTarget(options, env)).toStrictEqual(target);
  });

  it.each([
    { case: 'no region', options: {}, code: 'ERR_INVALID_REGION', message: /^No AWS region/ },
    {
      case: 'a bad region',
      options: { region: 'useast1' },
      code: 'ERR_INVALID_REGION',
      message: /^--region "useast1" is not an AWS region code/,
    },
    {
      case: 'a host without scheme',
      options: { region: 'us-east-1', endpoint: 'localhost:9229' },
      code: 'ERR_INVALID_ENDPOINT',
      message: /^Invalid endpoint "localhost:9229"/,
    },
    {
      case: 'a non-http scheme',
      options: { region: 'us-east-1', endpoint: 'ftp://x' },
      code: 'ERR_INVALID_ENDPOINT',
      message: /^Invalid endpoint/,
    },
  ])('rejects $case', ({ options, code, message }) => {
    expect(() => resolveCognitoTarget(options, {})).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(message) as unknown }),
    );
  });
});
