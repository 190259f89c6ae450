import { UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';

import { readTokenExpiry } from '../../src/auth/readTokenExpiry.js';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const jwt = (claims: Record<string, unknown>) => new UnsecuredJWT(claims).encode();

describe('readTokenExpiry', () => {
  it.each([
    {
      case: 'the JWT exp claim',
      token: jwt({ exp: NOW / 1000 + 600 }),
      expiresIn: 3600,
      seconds: 600,
    },
    { case: 'expires_in for an opaque token', token: 'opaque', expiresIn: 3600, seconds: 3600 },
    {
      case: 'expires_in for a JWT without exp',
      token: jwt({ sub: 'x' }),
      expiresIn: 30,
      seconds: 30,
    },
    { case: 'a numeric-string expires_in', token: 'opaque', expiresIn: '120', seconds: 120 },
  ])('reads $case', ({ token, expiresIn, seconds }) => {
    expect(readTokenExpiry(token, expiresIn, NOW)).toEqual(new Date(NOW + seconds * 1000));
  });

  it.each([
    { case: 'no expires_in', expiresIn: undefined },
    { case: 'a zero expires_in', expiresIn: 0 },
    { case: 'a non-numeric expires_in', expiresIn: 'soon' },
  ])('returns undefined for an opaque token with $case', ({ expiresIn }) => {
    expect(readTokenExpiry('opaque', expiresIn, NOW)).toBeUndefined();
  });
});
