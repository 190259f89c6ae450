import { describe, expect, it } from 'vitest';

import { AgentCoreMcpError, toAgentCoreMcpError } from '../src/errors.js';

describe('AgentCoreMcpError', () => {
  it('carries its code, name and cause', () => {
    const cause = new Error('root');
    const error = new AgentCoreMcpError('ERR_INVALID_ARN', 'Invalid runtime ARN "x"', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'ERR_INVALID_ARN', name: 'AgentCoreMcpError', cause });
  });
});

describe('toAgentCoreMcpError', () => {
  const own = new AgentCoreMcpError('ERR_INVALID_QUALIFIER', 'Invalid qualifier ""');

  it.each([
    { case: 'an Error', thrown: new TypeError('boom'), message: 'Unexpected internal error: boom' },
    { case: 'a string', thrown: 'boom', message: 'Unexpected internal error: boom' },
    { case: 'undefined', thrown: undefined, message: 'Unexpected internal error: undefined' },
  ])('wraps $case as ERR_INTERNAL with the cause kept', ({ thrown, message }) => {
    const error = toAgentCoreMcpError(thrown);
    expect(error).toMatchObject({ code: 'ERR_INTERNAL', message, cause: thrown });
  });

  it('passes our own errors through unchanged', () => {
    expect(toAgentCoreMcpError(own)).toBe(own);
  });
});
