import { describe, expect, it } from 'vitest';

import { AgentCoreMcpError } from '../src/errors.js';
import {
  CUSTOM_HEADER_PREFIX,
  isHeaderAllowed,
  MAX_HEADER_ALLOWLIST_SIZE,
  parseHeaderAllowlist,
  RESTRICTED_REQUEST_HEADER_PREFIXES,
  RESTRICTED_REQUEST_HEADERS,
} from '../src/headerAllowlist.js';
import { catchError } from './support/catchError.js';

const TENANT = `${CUSTOM_HEADER_PREFIX}Tenant`;
const twentyHeaders = Array.from({ length: MAX_HEADER_ALLOWLIST_SIZE }, (_, i) => `X-Header-${i}`);

describe('parseHeaderAllowlist', () => {
  it.each([
    { case: 'one name', input: 'Authorization', names: ['Authorization'] },
    {
      case: 'a comma-separated string',
      input: `Authorization, ${TENANT}`,
      names: ['Authorization', TENANT],
    },
    {
      case: 'an array',
      input: ['X-Api-Key', ' X-Tenant-Id '],
      names: ['X-Api-Key', 'X-Tenant-Id'],
    },
    {
      case: 'the legacy custom prefix in any case',
      input: [TENANT.toLowerCase()],
      names: [TENANT.toLowerCase()],
    },
    { case: 'underscores', input: 'X_Api_Key', names: ['X_Api_Key'] },
    { case: 'twenty names', input: twentyHeaders, names: twentyHeaders },
    {
      case: 'a 256-character name',
      input: [`X-${'a'.repeat(254)}`],
      names: [`X-${'a'.repeat(254)}`],
    },
  ])('accepts $case', ({ input, names }) => {
    expect(parseHeaderAllowlist(input)).toEqual(names);
  });

  it.each([
    { rule: 'empty string', input: '', names: 'it is empty' },
    { rule: 'empty array', input: [], names: 'it is empty' },
    {
      rule: 'more than 20',
      input: [...twentyHeaders, 'X-Extra'],
      names: 'it has 21 headers, but the limit is 20',
    },
    { rule: 'empty entry', input: 'Authorization,,X-Api-Key', names: 'entry 2 is empty' },
    { rule: 'trailing comma', input: 'Authorization,', names: 'entry 2 is empty' },
    {
      rule: 'too long',
      input: [`X-${'a'.repeat(255)}`],
      names: '257 characters long, but the limit is 256',
    },
    {
      rule: 'wildcard',
      input: `${CUSTOM_HEADER_PREFIX}*`,
      names: `"${CUSTOM_HEADER_PREFIX}*" contains a wildcard`,
    },
    { rule: 'bare wildcard', input: '*', names: '"*" contains a wildcard' },
    {
      rule: 'invalid characters',
      input: 'X Api Key',
      names: '"X Api Key" must start with a letter and contain only letters',
    },
    {
      rule: 'a colon',
      input: 'X-Api:Key',
      names: '"X-Api:Key" must start with a letter and contain only letters',
    },
    {
      rule: 'a leading digit (the model: [A-Za-z][A-Za-z0-9_-]{0,255})',
      input: '1-Tenant',
      names:
        '"1-Tenant" must start with a letter and contain only letters, digits, "-" and "_" ([A-Za-z][A-Za-z0-9_-]{0,255}, bedrock-agentcore-control#HeaderName)',
    },
    {
      rule: 'a leading underscore',
      input: '_trace',
      names: '"_trace" must start with a letter',
    },
    {
      rule: 'pseudo-header',
      input: ':authority',
      names: '":authority" is an HTTP/2 pseudo-header',
    },
    { rule: 'restricted name', input: 'Host', names: '"Host" is restricted' },
    { rule: 'restricted name in lower case', input: 'cookie', names: '"cookie" is restricted' },
    { rule: 'Accept family', input: 'Accept-Language', names: 'restricted (the Accept-* family)' },
    { rule: 'Content family', input: 'Content-Type', names: 'restricted (the Content-* family)' },
    {
      rule: 'CORS family',
      input: 'Access-Control-Allow-Origin',
      names: 'the Access-Control-* family',
    },
    { rule: 'X-Forwarded family', input: 'X-Forwarded-For', names: 'the X-Forwarded-* family' },
    { rule: 'WebSocket family', input: 'Sec-WebSocket-Key', names: 'the Sec-WebSocket-* family' },
    { rule: 'Max-Forwards', input: 'Max-Forwards', names: '"Max-Forwards" is restricted' },
    {
      rule: 'x-amz- prefix',
      input: 'X-Amz-Date',
      names: '"X-Amz-Date" uses the "X-Amz-" prefix reserved for SigV4',
    },
    {
      rule: 'x-amzn- prefix',
      input: 'X-Amzn-Trace-Id',
      names: '"X-Amzn-Trace-Id" uses the reserved "X-Amzn-" prefix',
    },
    {
      rule: 'bare custom prefix',
      input: CUSTOM_HEADER_PREFIX,
      names: 'needs a name after the prefix',
    },
    {
      rule: 'case-insensitive duplicate',
      input: ['X-Api-Key', 'x-api-key'],
      names: '"x-api-key" repeats "X-Api-Key"',
    },
  ])('rejects $rule with ERR_INVALID_HEADER_ALLOWLIST', ({ input, names }) => {
    const error = catchError(() => parseHeaderAllowlist(input));
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error.code).toBe('ERR_INVALID_HEADER_ALLOWLIST');
    expect(error.message).toMatch(/^Invalid request header allowlist: /);
    expect(error.message).toContain(names);
    expect(error.message).not.toContain('\n');
  });

  it.each(RESTRICTED_REQUEST_HEADERS.map((name) => [name]))('rejects restricted %s', (name) => {
    expect(catchError(() => parseHeaderAllowlist([name])).message).toContain('is restricted');
  });

  it.each(RESTRICTED_REQUEST_HEADER_PREFIXES.filter((prefix) => prefix !== ':').map((p) => [p]))(
    'rejects every name in the %s* family',
    (prefix) => {
      expect(catchError(() => parseHeaderAllowlist([`${prefix}Anything`])).message).toContain(
        `the ${prefix}* family`,
      );
    },
  );
});

describe('parseHeaderAllowlist suggests a name the HeaderName rule accepts', () => {
  const RULE =
    'must start with a letter and contain only letters, digits, "-" and "_" ([A-Za-z][A-Za-z0-9_-]{0,255}, bedrock-agentcore-control#HeaderName)';

  it.each([
    { input: '1-Tenant', suggestion: 'X-1-Tenant' },
    { input: '_trace', suggestion: 'trace' },
    { input: 'X Api Key', suggestion: 'X-Api-Key' },
    { input: 'X-Api:Key', suggestion: 'X-Api-Key' },
    { input: 'X-Tenant.Id', suggestion: 'X-Tenant-Id' },
  ])('$input → $suggestion, on the one line of the error', ({ input, suggestion }) => {
    const error = catchError(() => parseHeaderAllowlist(['Authorization', input]));
    expect(error.message).toBe(
      `Invalid request header allowlist: header ${JSON.stringify(input)} ${RULE}; try "${suggestion}"`,
    );
    expect(parseHeaderAllowlist(['Authorization', suggestion])).toEqual([
      'Authorization',
      suggestion,
    ]);
  });

  it.each([
    { case: 'nothing usable is left', input: '%%%' },
    { case: 'the fix would be a restricted header', input: 'Content Type' },
  ])('suggests nothing when $case', ({ input }) => {
    expect(catchError(() => parseHeaderAllowlist([input])).message).toBe(
      `Invalid request header allowlist: header ${JSON.stringify(input)} ${RULE}`,
    );
  });
});

describe('isHeaderAllowed', () => {
  const allowlist = ['Authorization', TENANT];

  it.each([
    { header: 'Authorization', expected: true },
    { header: 'authorization', expected: true },
    { header: TENANT.toUpperCase(), expected: true },
    { header: 'X-Api-Key', expected: false },
    { header: '', expected: false },
  ])('returns $expected for $header', ({ header, expected }) => {
    expect(isHeaderAllowed(allowlist, header)).toBe(expected);
  });
});
