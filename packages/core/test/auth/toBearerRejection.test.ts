import { describe, expect, it } from 'vitest';

import { AgentCoreMcpError, toBearerRejection } from '../../src/index.js';

const METADATA = 'https://api.example.com/.well-known/oauth-protected-resource';

describe('toBearerRejection: one table from token error to HTTP answer', () => {
  it('answers a missing token with 401 and only the resource_metadata pointer', () => {
    expect(
      toBearerRejection(new AgentCoreMcpError('ERR_TOKEN_MISSING', 'no token'), METADATA),
    ).toEqual({
      status: 401,
      headers: { 'WWW-Authenticate': `Bearer resource_metadata="${METADATA}"` },
      message:
        'Unauthorized: send Authorization: Bearer <access token> (get one with agentcore-mcp token)',
      reason: 'ERR_TOKEN_MISSING',
    });
  });

  it.each([
    ['ERR_TOKEN_EXPIRED', 401, 'invalid_token', 'Unauthorized: '],
    ['ERR_TOKEN_WRONG_CLIENT', 401, 'invalid_token', 'Unauthorized: '],
    ['ERR_TOKEN_INVALID', 401, 'invalid_token', 'Unauthorized: '],
    ['ERR_TOKEN_INSUFFICIENT_SCOPE', 403, 'insufficient_scope', 'Forbidden: '],
  ] as const)('answers %s with %d error="%s"', (code, status, kind, prefix) => {
    const rejection = toBearerRejection(
      new AgentCoreMcpError(code, 'Token client "x" is not allowed'),
      METADATA,
    );
    expect(rejection.status).toBe(status);
    expect(rejection.headers['WWW-Authenticate']).toBe(
      `Bearer error="${kind}", error_description="Token client \\"x\\" is not allowed", resource_metadata="${METADATA}"`,
    );
    expect(rejection.message).toBe(`${prefix}Token client "x" is not allowed`);
  });

  it('answers an unreachable identity provider with 503 and Retry-After', () => {
    const rejection = toBearerRejection(
      new AgentCoreMcpError('ERR_AUTHORIZER_UNAVAILABLE', 'discovery failed'),
      METADATA,
    );
    expect(rejection).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '5' },
      message: 'Cannot verify tokens right now: discovery failed',
    });
  });

  it('keeps header values to printable ASCII and treats unknown errors as invalid tokens', () => {
    const rejection = toBearerRejection(new Error('naïve\nline'), METADATA);
    expect(rejection).toMatchObject({ status: 401, reason: 'ERR_INTERNAL' });
    expect(rejection.headers['WWW-Authenticate']).toContain('error_description="na?ve?line"');
  });
});
