import { describe, expect, it } from 'vitest';

import { readBearerToken } from '../../src/auth/readBearerToken.js';
import { catchError } from '../support/catchError.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl';

describe('readBearerToken', () => {
  it.each([
    { header: `Bearer ${TOKEN}`, case: 'canonical' },
    { header: `bearer ${TOKEN}`, case: 'lower-case scheme' },
    { header: `BEARER ${TOKEN}`, case: 'upper-case scheme' },
    { header: `  Bearer   ${TOKEN}  `, case: 'extra whitespace' },
    { header: `Bearer\t${TOKEN}`, case: 'a tab separator' },
  ])('returns the token ($case)', ({ header }) => {
    expect(readBearerToken(header)).toBe(TOKEN);
  });

  it('accepts every b64token character, including trailing "="', () => {
    expect(readBearerToken('Bearer aZ09-._~+/==')).toBe('aZ09-._~+/==');
  });

  it.each([
    { header: undefined, case: 'absent' },
    { header: '', case: 'empty' },
    { header: '   ', case: 'blank' },
  ])('throws ERR_TOKEN_MISSING when the header is $case', ({ header }) => {
    const error = catchError(() => readBearerToken(header));
    expect(error.code).toBe('ERR_TOKEN_MISSING');
    expect(error.message).toContain('Authorization header is missing');
    expect(error.message).toContain('Bearer <token>');
  });

  it.each([
    { header: 'Basic dXNlcjpwYXNz', names: 'uses the Basic scheme, not Bearer' },
    { header: 'basic dXNlcjpwYXNz', names: 'uses the Basic scheme' },
    {
      header: 'AWS4-HMAC-SHA256 Credential=AKIA/20260101/us-east-1/bedrock-agentcore/aws4_request',
      names: 'uses the AWS4-HMAC-SHA256 scheme',
    },
    { header: `Token ${TOKEN}`, names: 'uses the Token scheme' },
    { header: `JWT ${TOKEN}`, names: 'does not use the Bearer scheme' },
    { header: TOKEN, names: 'bare token without the "Bearer " prefix' },
    { header: 'Bearer', names: 'no token after "Bearer"' },
    { header: 'Bearer    ', names: 'no token after "Bearer"' },
    { header: `Bearer ${TOKEN} extra`, names: 'characters a token cannot contain' },
    { header: `Bearer "${TOKEN}"`, names: 'characters a token cannot contain' },
    { header: `Bearer ${TOKEN},x`, names: 'characters a token cannot contain' },
    { header: `Bearer=${TOKEN}`, names: 'without the "Bearer " prefix' },
    { header: 'Bearer=abc', names: 'does not use the Bearer scheme' },
  ])('throws ERR_TOKEN_MALFORMED for "$header" without echoing the token', ({ header, names }) => {
    const error = catchError(() => readBearerToken(header));
    expect(error.code).toBe('ERR_TOKEN_MALFORMED');
    expect(error.message).toContain(names);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain('dXNlcjpwYXNz');
    expect(error.message).not.toContain('AKIA');
    expect(error.message).not.toContain('\n');
  });
});
