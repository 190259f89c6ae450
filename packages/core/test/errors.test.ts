import { describe, expect, it } from 'vitest';

import { AgentCoreMcpError, firstLine, toAgentCoreMcpError } from '../src/errors.js';

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

describe('toAgentCoreMcpError with wire errors', () => {
  it.each([
    { case: 'our JsonRpcError', name: 'JsonRpcError', message: 'Unknown tool "x"' },
    {
      case: "the SDK v1's McpError",
      name: 'McpError',
      message: 'MCP error -32602: Unknown tool "x"',
    },
    { case: "the SDK v2's ProtocolError", name: 'ProtocolError', message: 'Unknown tool "x"' },
  ])('turns $case into ERR_SERVER_ERROR naming the JSON-RPC code once', ({ name, message }) => {
    const wire = Object.assign(new Error(message), { name, code: -32_602 });
    expect(toAgentCoreMcpError(wire)).toMatchObject({
      code: 'ERR_SERVER_ERROR',
      message: 'The MCP server answered with JSON-RPC error -32602: Unknown tool "x"',
      cause: wire,
    });
  });

  it('keeps only the first line of a multi-line message', () => {
    expect(toAgentCoreMcpError(new Error('boom\n    at x.js:1')).message).toBe(
      'Unexpected internal error: boom',
    );
  });
});

describe('firstLine', () => {
  it.each([
    ['one', 'one'],
    ['  padded  \nsecond', 'padded'],
    ['', ''],
  ])('firstLine(%j) is %j', (text, expected) => {
    expect(firstLine(text)).toBe(expected);
  });
});

describe('subclasses', () => {
  class NarrowError extends AgentCoreMcpError {
    declare readonly code: 'ERR_TIMEOUT' | 'ERR_TARGET_FAILED';
    constructor(code: NarrowError['code'], message: string) {
      super(code, message);
    }
  }

  it('are instances of the root, named after themselves', () => {
    const error = new NarrowError('ERR_TIMEOUT', 'Did not answer within 2000 ms');
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({ name: 'NarrowError', code: 'ERR_TIMEOUT' });
  });
});
