import { describe, expect, it } from 'vitest';

import { AGENTCORE_RULES, findAwsStringProblem } from '../src/index.js';

describe('AGENTCORE_RULES, as the bedrock-agentcore-control model writes them', () => {
  it.each([
    ['headerName', 'Authorization', true],
    ['headerName', 'X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant', true],
    ['headerName', 'X_Api_Key', true],
    ['headerName', '1-Tenant', false],
    ['headerName', '_trace', false],
    ['headerName', '-x', false],
    ['headerName', `A${'b'.repeat(255)}`, true],
    ['headerName', `A${'b'.repeat(256)}`, false],
    ['claimName', 'cognito:groups', true],
    ['claimName', 'https://example.com/claims/tier', true],
    ['claimName', 'custom.tier_1', true],
    ['claimName', 'x-tenant', false],
    ['claimMatchValue', 'admins', true],
    ['claimMatchValue', 'r-and-d.team_1', true],
    ['claimMatchValue', 'R&D team', false],
    ['claimMatchValue', 'a b', false],
    ['claimMatchValue', 'x'.repeat(255), true],
    ['claimMatchValue', 'x'.repeat(256), false],
    ['runtimeName', 'a', true],
    ['runtimeName', 'a_b', true],
    ['runtimeName', `a${'b'.repeat(47)}`, true],
    ['runtimeName', `a${'b'.repeat(48)}`, false],
    ['runtimeName', 'my-server', false],
  ] as const)('%s %j → %s', (rule, value, accepted) => {
    expect(findAwsStringProblem(AGENTCORE_RULES[rule], value) === undefined).toBe(accepted);
  });

  it('quotes the pattern and the model shape, or the length bounds', () => {
    expect(findAwsStringProblem(AGENTCORE_RULES.headerName, '1-Tenant')).toBe(
      'it must match [A-Za-z][A-Za-z0-9_-]{0,255} (bedrock-agentcore-control#HeaderName)',
    );
    expect(findAwsStringProblem(AGENTCORE_RULES.claimMatchValue, '')).toBe(
      'it is 0 characters long, but bedrock-agentcore-control#MatchValueString allows 1 to 255',
    );
  });
});
