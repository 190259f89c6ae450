import { AgentCoreClientError } from '@agentcore-mcp/client';
import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

import { COGNITO_REQUEST_HINTS } from '../src/aws/cognitoRequestHints.js';
import { toAwsRequestError } from '../src/aws/toAwsRequestError.js';
import { CliError } from '../src/errors.js';
import { createOutput } from '../src/output.js';
import { reportFailure } from '../src/reportFailure.js';

function capture() {
  const stderr: string[] = [];
  const output = createOutput({
    stdout: { write: () => true },
    stderr: { write: (text: string) => stderr.push(text) > 0 },
  });
  return { stderr, output };
}

describe('reportFailure', () => {
  const failure = toAwsRequestError(
    { service: 'cognito-idp', operation: 'CreateUserPool', region: 'us-east-1' },
    Object.assign(new Error('Denied', { cause: new Error('socket detail') }), {
      name: 'AccessDeniedException',
      $metadata: { requestId: 'req-9', httpStatusCode: 403 },
    }),
    COGNITO_REQUEST_HINTS,
  );

  it('prints a Cognito failure as its one line and exits 1', () => {
    const { stderr, output } = capture();
    expect(reportFailure(failure, output)).toBe(1);
    expect(stderr).toEqual([`error: ${failure.message}\n`]);
  });

  it('adds the request id and the cause chain with verbose', () => {
    const { stderr, output } = capture();
    expect(reportFailure(failure, output, { verbose: true })).toBe(1);
    expect(stderr).toEqual([
      `error: ${failure.message}\n`,
      '  requestId: req-9\n',
      '  cause: AccessDeniedException: Denied (HTTP 403)\n',
      '  cause: Error: socket detail\n',
    ]);
  });

  it('prints our own errors as they are and anything else as an internal error', () => {
    const { stderr, output } = capture();
    reportFailure(new AgentCoreMcpError('ERR_CONFIG_INVALID', 'Bad file'), output);
    reportFailure(new TypeError('oops'), output);
    expect(stderr).toEqual(['error: Bad file\n', 'error: Unexpected internal error: oops\n']);
  });

  it('prints client and deployment failures as their own one line, without the internal-error prefix', () => {
    const { stderr, output } = capture();
    reportFailure(
      new AgentCoreClientError('ERR_UNAUTHORIZED', 'The runtime answered 401: the token expired'),
      output,
    );
    reportFailure(new CliError('ERR_NOT_DEPLOYED', 'Not launched yet: run launch'), output);
    reportFailure(new CliError('ERR_TOOL_FAILED', 'Tool "add" reported an error: boom'), output);
    reportFailure(
      Object.assign(new Error('MCP error -32602: Unknown tool "nope"'), {
        name: 'McpError',
        code: -32_602,
      }),
      output,
    );
    expect(stderr).toEqual([
      'error: The runtime answered 401: the token expired\n',
      'error: Not launched yet: run launch\n',
      'error: Tool "add" reported an error: boom\n',
      'error: The MCP server answered with JSON-RPC error -32602: Unknown tool "nope"\n',
    ]);
  });
});
