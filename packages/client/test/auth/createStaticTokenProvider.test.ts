import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

import { createStaticTokenProvider } from '../../src/auth/createStaticTokenProvider.js';

describe('createStaticTokenProvider', () => {
  it('returns the token, also on forceRefresh', async () => {
    const provider = createStaticTokenProvider('eyJ.static.token');

    expect(await provider.getToken()).toBe('eyJ.static.token');
    expect(await provider.getToken({ forceRefresh: true })).toBe('eyJ.static.token');
  });

  it.each([
    { case: 'an empty token', token: '', names: 'it is empty' },
    { case: 'a blank token', token: '  ', names: 'it is empty' },
    { case: 'a token with the scheme', token: 'Bearer eyJ.x.y', names: 'starts with "Bearer "' },
  ])('rejects $case with ERR_CONFIG_INVALID', ({ token, names }) => {
    let thrown: unknown;
    try {
      createStaticTokenProvider(token);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AgentCoreMcpError);
    expect(thrown).toMatchObject({
      code: 'ERR_CONFIG_INVALID',
      message: expect.stringContaining(names) as unknown,
    });
    expect((thrown as Error).message).not.toContain('eyJ');
  });
});
