import { describe, expect, it } from 'vitest';

import { AgentCoreMcpError } from '../src/errors.js';
import { assertQualifier, DEFAULT_QUALIFIER, isQualifier } from '../src/qualifier.js';
import { catchError } from './support/catchError.js';

describe('assertQualifier and isQualifier', () => {
  it.each([DEFAULT_QUALIFIER, 'prod', 'prod_v2', 'a', `a${'b'.repeat(47)}`])(
    'accepts %j',
    (value) => {
      expect(() => assertQualifier(value)).not.toThrow();
      expect(isQualifier(value)).toBe(true);
    },
  );

  it.each([
    { case: 'empty', value: '' },
    { case: 'a hyphen', value: 'prod-v2' },
    { case: 'a leading digit', value: '2prod' },
    { case: 'a leading underscore', value: '_prod' },
    { case: 'a dot', value: 'v1.2' },
    { case: '49 characters', value: `a${'b'.repeat(48)}` },
    { case: 'a non-string', value: 1 },
  ])('rejects $case with ERR_INVALID_QUALIFIER', ({ value }) => {
    expect(isQualifier(value)).toBe(false);
    const error = catchError(() => assertQualifier(value));
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error.code).toBe('ERR_INVALID_QUALIFIER');
    expect(error.message).toMatch(/^Invalid qualifier .+: an endpoint name starts with a letter/);
  });
});
