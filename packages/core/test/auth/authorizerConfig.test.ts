import { describe, expect, it } from 'vitest';

import { parseAuthorizerConfig } from '../../src/auth/authorizerConfig.js';
import { AgentCoreMcpError } from '../../src/errors.js';
import { catchError } from '../support/catchError.js';

const DISCOVERY_URL =
  'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_AbCdEf123/.well-known/openid-configuration';

const FULL = {
  discoveryUrl: DISCOVERY_URL,
  allowedClients: ['1a2b3c4d5e6f7g8h9i0j'],
  allowedAudience: ['my-api'],
  allowedScopes: ['mcp/invoke', 'openid'],
  customClaims: [
    {
      inboundTokenClaimName: 'department',
      inboundTokenClaimValueType: 'STRING',
      authorizingClaimMatchValue: {
        claimMatchValue: { matchValueString: 'engineering' },
        claimMatchOperator: 'EQUALS',
      },
    },
    {
      inboundTokenClaimName: 'cognito:groups',
      inboundTokenClaimValueType: 'STRING_ARRAY',
      authorizingClaimMatchValue: {
        claimMatchValue: { matchValueString: 'admins' },
        claimMatchOperator: 'CONTAINS',
      },
    },
    {
      inboundTokenClaimName: 'roles',
      inboundTokenClaimValueType: 'STRING_ARRAY',
      authorizingClaimMatchValue: {
        claimMatchValue: { matchValueStringList: ['reader', 'writer'] },
        claimMatchOperator: 'CONTAINS_ANY',
      },
    },
  ],
};

/** A deep copy of {@link FULL} with `edit` applied, wrapped the way AWS returns it. */
function wrappedWith(edit: (inner: Record<string, unknown>) => void): unknown {
  const inner = structuredClone(FULL) as unknown as Record<string, unknown>;
  edit(inner);
  return { customJWTAuthorizer: inner };
}

function claim(index: number, inner: Record<string, unknown>): Record<string, unknown> {
  return (inner.customClaims as Record<string, unknown>[])[index]!;
}

function matchValue(index: number, inner: Record<string, unknown>): Record<string, unknown> {
  return claim(index, inner).authorizingClaimMatchValue as Record<string, unknown>;
}

describe('parseAuthorizerConfig', () => {
  it.each([
    { shape: 'the wrapped object AWS returns', input: { customJWTAuthorizer: FULL } },
    { shape: 'the inner object', input: FULL },
    {
      shape: 'a JSON string of the wrapped object',
      input: JSON.stringify({ customJWTAuthorizer: FULL }),
    },
    { shape: 'a JSON string of the inner object', input: JSON.stringify(FULL) },
  ])('accepts $shape and returns the inner object', ({ input }) => {
    expect(parseAuthorizerConfig(input)).toEqual(FULL);
  });

  it('accepts the minimal Cognito sample shape (discoveryUrl + allowedClients)', () => {
    const input = `{"customJWTAuthorizer": {"allowedClients": ["abc"], "discoveryUrl": "${DISCOVERY_URL}"}}`;
    expect(parseAuthorizerConfig(input)).toEqual({
      discoveryUrl: DISCOVERY_URL,
      allowedClients: ['abc'],
    });
  });

  it('accepts an http discovery URL (local issuers) and returns a copy', () => {
    const input = { discoveryUrl: 'http://127.0.0.1:4000/pool/.well-known/openid-configuration' };
    const parsed = parseAuthorizerConfig(input);
    expect(parsed).toEqual(input);
    expect(parsed).not.toBe(input);
  });

  it.each([
    { rule: 'not an object', input: 42, path: '', expected: 'expected {"customJWTAuthorizer"' },
    { rule: 'null', input: null, path: '', expected: 'expected {"customJWTAuthorizer"' },
    { rule: 'an array', input: [FULL], path: '', expected: 'its inner object' },
    {
      rule: 'invalid JSON',
      input: '{"customJWTAuthorizer": ',
      path: '',
      expected: 'not valid JSON',
    },
    {
      rule: 'JSON of a string',
      input: '"x"',
      path: '',
      expected: 'expected {"customJWTAuthorizer"',
    },
    {
      rule: 'the wrapper is not an object',
      input: { customJWTAuthorizer: 'x' },
      path: 'customJWTAuthorizer: ',
      expected: 'expected an object with discoveryUrl',
    },
    {
      rule: 'an unknown key beside the wrapper',
      input: { customJWTAuthorizer: FULL, authorizerType: 'CUSTOM_JWT' },
      path: 'authorizerType: ',
      expected: 'unknown key; expected only customJWTAuthorizer',
    },
    {
      rule: 'discoveryUrl missing',
      input: wrappedWith((inner) => delete inner.discoveryUrl),
      path: 'customJWTAuthorizer.discoveryUrl: ',
      expected: 'missing; expected an http(s) URL ending in /.well-known/openid-configuration',
    },
    {
      rule: 'discoveryUrl without the well-known suffix',
      input: wrappedWith(
        (inner) => (inner.discoveryUrl = 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_A'),
      ),
      path: 'customJWTAuthorizer.discoveryUrl: ',
      expected: 'expected an http(s) URL ending in /.well-known/openid-configuration',
    },
    {
      rule: 'discoveryUrl with another protocol',
      input: wrappedWith(
        (inner) => (inner.discoveryUrl = 'ftp://example.com/.well-known/openid-configuration'),
      ),
      path: 'customJWTAuthorizer.discoveryUrl: ',
      expected: 'http(s) URL',
    },
    {
      rule: 'discoveryUrl not a URL',
      input: wrappedWith(
        (inner) => (inner.discoveryUrl = 'not a url/.well-known/openid-configuration'),
      ),
      path: 'customJWTAuthorizer.discoveryUrl: ',
      expected: 'http(s) URL',
    },
    {
      rule: 'discoveryUrl not a string',
      input: wrappedWith((inner) => (inner.discoveryUrl = 7)),
      path: 'customJWTAuthorizer.discoveryUrl: ',
      expected: 'http(s) URL',
    },
    {
      rule: 'empty allowedClients',
      input: wrappedWith((inner) => (inner.allowedClients = [])),
      path: 'customJWTAuthorizer.allowedClients: ',
      expected: 'expected a non-empty list of strings',
    },
    {
      rule: 'allowedClients as a string',
      input: wrappedWith((inner) => (inner.allowedClients = 'abc')),
      path: 'customJWTAuthorizer.allowedClients: ',
      expected: 'expected a non-empty list of strings',
    },
    {
      rule: 'an empty client id',
      input: wrappedWith((inner) => (inner.allowedClients = ['ok', ''])),
      path: 'customJWTAuthorizer.allowedClients[1]: ',
      expected: 'expected a client id of 1-255 characters',
    },
    {
      rule: 'empty allowedAudience',
      input: wrappedWith((inner) => (inner.allowedAudience = [])),
      path: 'customJWTAuthorizer.allowedAudience: ',
      expected: 'expected a non-empty list of strings',
    },
    {
      rule: 'a non-string audience',
      input: wrappedWith((inner) => (inner.allowedAudience = [3])),
      path: 'customJWTAuthorizer.allowedAudience[0]: ',
      expected: 'expected an audience',
    },
    {
      rule: 'empty allowedScopes',
      input: wrappedWith((inner) => (inner.allowedScopes = [])),
      path: 'customJWTAuthorizer.allowedScopes: ',
      expected: 'expected a non-empty list of strings',
    },
    {
      rule: 'a scope with a space',
      input: wrappedWith((inner) => (inner.allowedScopes = ['mcp/invoke', 'a b'])),
      path: 'customJWTAuthorizer.allowedScopes[1]: ',
      expected: 'expected a scope of printable ASCII without spaces',
    },
    {
      rule: 'a scope with a double quote',
      input: wrappedWith((inner) => (inner.allowedScopes = ['a"b'])),
      path: 'customJWTAuthorizer.allowedScopes[0]: ',
      expected: 'printable ASCII',
    },
    {
      rule: 'a scope with a backslash',
      input: wrappedWith((inner) => (inner.allowedScopes = ['a\\b'])),
      path: 'customJWTAuthorizer.allowedScopes[0]: ',
      expected: 'printable ASCII',
    },
    {
      rule: 'a scope longer than 255',
      input: wrappedWith((inner) => (inner.allowedScopes = ['s'.repeat(256)])),
      path: 'customJWTAuthorizer.allowedScopes[0]: ',
      expected: 'expected a scope of 1-255 characters',
    },
    {
      rule: 'empty customClaims',
      input: wrappedWith((inner) => (inner.customClaims = [])),
      path: 'customJWTAuthorizer.customClaims: ',
      expected: 'expected a non-empty list of claim rules',
    },
    {
      rule: 'a claim name with a space',
      input: wrappedWith((inner) => (claim(0, inner).inboundTokenClaimName = 'my claim')),
      path: 'customJWTAuthorizer.customClaims[0].inboundTokenClaimName: ',
      expected: 'expected 1-255 letters, digits',
    },
    {
      rule: 'a claim name with "-" (InboundTokenClaimNameType [A-Za-z0-9_.-:]+ has .-: as a range)',
      input: wrappedWith((inner) => (claim(0, inner).inboundTokenClaimName = 'x-tenant')),
      path: 'customJWTAuthorizer.customClaims[0].inboundTokenClaimName: ',
      expected:
        'expected 1-255 letters, digits, "_", ".", "/" or ":" (bedrock-agentcore-control#InboundTokenClaimNameType; "-" is not allowed)',
    },
    {
      rule: 'an empty claim name',
      input: wrappedWith((inner) => (claim(0, inner).inboundTokenClaimName = '')),
      path: 'customJWTAuthorizer.customClaims[0].inboundTokenClaimName: ',
      expected: 'expected 1-255 letters, digits',
    },
    {
      rule: 'a claim name longer than 255',
      input: wrappedWith((inner) => (claim(0, inner).inboundTokenClaimName = 'c'.repeat(256))),
      path: 'customJWTAuthorizer.customClaims[0].inboundTokenClaimName: ',
      expected: 'at most 255',
    },
    {
      rule: 'an unknown value type',
      input: wrappedWith((inner) => (claim(1, inner).inboundTokenClaimValueType = 'NUMBER')),
      path: 'customJWTAuthorizer.customClaims[1].inboundTokenClaimValueType: ',
      expected: 'expected STRING or STRING_ARRAY',
    },
    {
      rule: 'an unknown operator',
      input: wrappedWith((inner) => (matchValue(0, inner).claimMatchOperator = 'STARTS_WITH')),
      path: 'customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchOperator: ',
      expected: 'expected EQUALS, CONTAINS or CONTAINS_ANY',
    },
    {
      rule: 'EQUALS on STRING_ARRAY',
      input: wrappedWith((inner) => (matchValue(1, inner).claimMatchOperator = 'EQUALS')),
      path: 'customJWTAuthorizer.customClaims[1].authorizingClaimMatchValue.claimMatchOperator: ',
      expected: 'EQUALS needs inboundTokenClaimValueType STRING',
    },
    {
      rule: 'CONTAINS on STRING',
      input: wrappedWith((inner) => (matchValue(0, inner).claimMatchOperator = 'CONTAINS')),
      path: 'customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchOperator: ',
      expected: 'CONTAINS needs inboundTokenClaimValueType STRING_ARRAY',
    },
    {
      rule: 'both match values',
      input: wrappedWith(
        (inner) =>
          (matchValue(0, inner).claimMatchValue = {
            matchValueString: 'a',
            matchValueStringList: ['b'],
          }),
      ),
      path: 'customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue: ',
      expected: 'set exactly one of matchValueString or matchValueStringList',
    },
    {
      rule: 'CONTAINS_ANY without a list',
      input: wrappedWith(
        (inner) => (matchValue(2, inner).claimMatchValue = { matchValueString: 'reader' }),
      ),
      path: 'customJWTAuthorizer.customClaims[2].authorizingClaimMatchValue.claimMatchValue.matchValueStringList: ',
      expected: 'missing; CONTAINS_ANY needs a non-empty list of strings',
    },
    {
      rule: 'EQUALS without a string',
      input: wrappedWith((inner) => (matchValue(0, inner).claimMatchValue = {})),
      path: 'customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue.matchValueString: ',
      expected: 'missing; EQUALS needs a string of 1-255 characters',
    },
    {
      rule: 'an empty match list',
      input: wrappedWith(
        (inner) => (matchValue(2, inner).claimMatchValue = { matchValueStringList: [] }),
      ),
      path: 'customJWTAuthorizer.customClaims[2].authorizingClaimMatchValue.claimMatchValue.matchValueStringList: ',
      expected: 'expected a non-empty list of strings',
    },
    {
      rule: 'an empty match string',
      input: wrappedWith(
        (inner) => (matchValue(0, inner).claimMatchValue = { matchValueString: '' }),
      ),
      path: 'customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue.matchValueString: ',
      expected: 'expected 1-255 letters, digits, "_", "." or "-"',
    },
    {
      rule: 'a match string with a space and "&" (MatchValueString is [A-Za-z0-9_.-]+)',
      input: wrappedWith(
        (inner) => (matchValue(0, inner).claimMatchValue = { matchValueString: 'R&D team' }),
      ),
      path: 'customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue.matchValueString: ',
      expected:
        'expected 1-255 letters, digits, "_", "." or "-" (bedrock-agentcore-control#MatchValueString: no spaces)',
    },
    {
      rule: 'an unknown key in the inner object',
      input: wrappedWith((inner) => (inner.allowedClient = ['typo'])),
      path: 'customJWTAuthorizer.allowedClient: ',
      expected:
        'unknown key; expected only discoveryUrl, allowedClients, allowedAudience, allowedScopes, customClaims',
    },
    {
      rule: 'an unknown key in the inner object given alone',
      input: { ...FULL, advertisedScopeMapping: {} },
      path: 'advertisedScopeMapping: ',
      expected: 'unknown key',
    },
    {
      rule: 'an unknown key in a claim rule',
      input: wrappedWith((inner) => (claim(0, inner).optional = true)),
      path: 'customJWTAuthorizer.customClaims[0].optional: ',
      expected: 'unknown key; expected only inboundTokenClaimName',
    },
    {
      rule: 'an unknown key in claimMatchValue',
      input: wrappedWith(
        (inner) =>
          (matchValue(0, inner).claimMatchValue = {
            matchValueString: 'a',
            matchValueArray: ['b'],
          }),
      ),
      path: 'customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue.matchValueArray: ',
      expected: 'unknown key',
    },
  ])('rejects $rule with ERR_CONFIG_INVALID naming the key path', ({ input, path, expected }) => {
    const error = catchError(() => parseAuthorizerConfig(input));
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error.code).toBe('ERR_CONFIG_INVALID');
    expect(error.message).toContain(`Invalid authorizer config: ${path}`);
    expect(error.message).toContain(expected);
    expect(error.message).not.toContain('\n');
  });

  it('gives the exact message of the brief for an empty client list', () => {
    const error = catchError(() =>
      parseAuthorizerConfig(wrappedWith((inner) => (inner.allowedClients = []))),
    );
    expect(error.message).toBe(
      'Invalid authorizer config: customJWTAuthorizer.allowedClients: expected a non-empty list of strings',
    );
  });

  it('keeps the JSON parse error as the cause', () => {
    const error = catchError(() => parseAuthorizerConfig('{'));
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

describe('parseAuthorizerConfig suggests claim names and values the model accepts', () => {
  const NAME_RULE =
    'expected 1-255 letters, digits, "_", ".", "/" or ":" (bedrock-agentcore-control#InboundTokenClaimNameType; "-" is not allowed)';
  const VALUE_RULE =
    'expected 1-255 letters, digits, "_", "." or "-" (bedrock-agentcore-control#MatchValueString: no spaces)';

  it.each([
    { name: 'x-tenant', suggestion: 'x_tenant' },
    { name: 'my claim', suggestion: 'my_claim' },
    { name: 'dept - name', suggestion: 'dept_name' },
  ])('claim name $name → $suggestion, on one line', ({ name, suggestion }) => {
    const error = catchError(() =>
      parseAuthorizerConfig(wrappedWith((inner) => (claim(0, inner).inboundTokenClaimName = name))),
    );
    expect(error.message).toBe(
      `Invalid authorizer config: customJWTAuthorizer.customClaims[0].inboundTokenClaimName: ${NAME_RULE}; try "${suggestion}" (if the token carries the claim under that name)`,
    );
    expect(() =>
      parseAuthorizerConfig(
        wrappedWith((inner) => (claim(0, inner).inboundTokenClaimName = suggestion)),
      ),
    ).not.toThrow();
  });

  it.each([
    { value: 'R&D team', suggestion: 'R_D_team' },
    { value: ' admins ', suggestion: 'admins' },
    { value: 'a+b=c', suggestion: 'a_b_c' },
  ])('match string $value → $suggestion', ({ value, suggestion }) => {
    const error = catchError(() =>
      parseAuthorizerConfig(
        wrappedWith(
          (inner) => (matchValue(0, inner).claimMatchValue = { matchValueString: value }),
        ),
      ),
    );
    expect(error.message).toBe(
      `Invalid authorizer config: customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue.matchValueString: ${VALUE_RULE}; try "${suggestion}" (if the token carries that value)`,
    );
  });

  it('suggests for each refused item of a match list, naming its index', () => {
    const error = catchError(() =>
      parseAuthorizerConfig(
        wrappedWith(
          (inner) =>
            (matchValue(2, inner).claimMatchValue = { matchValueStringList: ['ok', 'R&D team'] }),
        ),
      ),
    );
    expect(error.message).toBe(
      `Invalid authorizer config: customJWTAuthorizer.customClaims[2].authorizingClaimMatchValue.claimMatchValue.matchValueStringList[1]: ${VALUE_RULE}; try "R_D_team" (if the token carries that value)`,
    );
  });

  it('suggests nothing when no allowed character is left', () => {
    const error = catchError(() =>
      parseAuthorizerConfig(
        wrappedWith((inner) => (matchValue(0, inner).claimMatchValue = { matchValueString: '&&' })),
      ),
    );
    expect(error.message).toBe(
      `Invalid authorizer config: customJWTAuthorizer.customClaims[0].authorizingClaimMatchValue.claimMatchValue.matchValueString: ${VALUE_RULE}`,
    );
  });
});
