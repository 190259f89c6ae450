import { describe, expect, it } from 'vitest';

import { isAwsRegion, parseRegion, resolveRegion } from '../src/region.js';

describe('isAwsRegion', () => {
  it.each(['us-east-1', 'eu-central-2', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-12'])(
    'accepts %s',
    (region) => expect(isAwsRegion(region)).toBe(true),
  );
  it.each(['', 'Europe', 'us-east', 'US-EAST-1', 'us-east-123', 42])('refuses %j', (value) =>
    expect(isAwsRegion(value)).toBe(false),
  );
});

describe('parseRegion', () => {
  it('names the source of a bad value', () => {
    expect(() => parseRegion('Europe', 'AWS_REGION')).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_REGION',
        message:
          'AWS_REGION "Europe" is not an AWS region code; use one such as us-east-1 or eu-central-1',
      }),
    );
  });
});

describe('resolveRegion', () => {
  it.each([
    { explicit: 'eu-west-1', env: { AWS_REGION: 'us-east-1' }, expected: 'eu-west-1' },
    { explicit: undefined, env: { AWS_REGION: 'us-east-1' }, expected: 'us-east-1' },
    { explicit: ' ', env: { AWS_DEFAULT_REGION: 'ap-south-1' }, expected: 'ap-south-1' },
    { explicit: undefined, env: { AWS_REGION: '', AWS_DEFAULT_REGION: '' }, expected: undefined },
  ])('flag $explicit, env $env → $expected', ({ explicit, env, expected }) => {
    expect(resolveRegion(explicit, env)).toBe(expected);
  });

  it('checks the value it picked', () => {
    expect(() => resolveRegion(undefined, { AWS_DEFAULT_REGION: 'moon' })).toThrow(
      /AWS_DEFAULT_REGION "moon" is not an AWS region code/,
    );
  });
});
