import { describe, expect, it } from 'vitest';

import { toForwardedHeaders } from '../../src/local/forwardedHeaders.js';

describe('toForwardedHeaders', () => {
  it('passes an Mcp-Param-* header when the allowlist names it, and drops the others', () => {
    const { headers } = toForwardedHeaders(
      {
        'mcp-method': 'tools/call',
        'mcp-param-region': 'eu-west-1',
        'mcp-param-tenant': 'acme',
      },
      ['Mcp-Param-Region'],
    );
    expect(headers['mcp-method']).toBe('tools/call');
    expect(headers['mcp-param-region']).toBe('eu-west-1');
    expect(headers['mcp-param-tenant']).toBeUndefined();
  });

  it.each([
    [{}, true],
    [{ 'mcp-session-id': 'kept-by-the-client-0123456789abcdef01' }, false],
    [
      { 'x-amzn-bedrock-agentcore-runtime-session-id': 'named-by-the-caller-0123456789abcd' },
      false,
    ],
  ])('generates a session only for a request that names none: %j', (incoming, isNew) => {
    const { headers, sessionId, isNewSession } = toForwardedHeaders(incoming, []);
    expect(isNewSession).toBe(isNew);
    expect(headers['mcp-session-id']).toBe(sessionId);
    expect(headers['x-amzn-bedrock-agentcore-runtime-session-id']).toBe(sessionId);
    if (!isNew) expect(Object.values(incoming)).toContain(sessionId);
  });
});
