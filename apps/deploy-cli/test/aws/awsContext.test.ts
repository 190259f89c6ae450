import { describe, expect, it } from 'vitest';

import { openAwsContext } from '../../src/aws/awsContext.js';
import { testContext } from '../testContext.js';

describe('openAwsContext', () => {
  it.each([
    {
      case: '--region over everything',
      options: { region: 'eu-west-1', fallbackRegion: 'us-west-2' },
      env: { AWS_REGION: 'ap-south-1' },
      region: 'eu-west-1',
    },
    {
      case: "the project's region over the environment",
      options: { fallbackRegion: 'us-west-2' },
      env: { AWS_REGION: 'ap-south-1' },
      region: 'us-west-2',
    },
    {
      case: 'AWS_REGION, then AWS_DEFAULT_REGION',
      options: {},
      env: { AWS_REGION: '', AWS_DEFAULT_REGION: 'ca-central-1' },
      region: 'ca-central-1',
    },
  ])('opens AWS in the region from $case', async ({ options, env, region }) => {
    const context = testContext({ env });

    const opened = await openAwsContext(context, options);

    expect(context.opened).toEqual([{ region, profile: undefined, dryRun: false }]);
    expect(opened.clients.target.region).toBe(region);
    expect(opened.cwd).toBe(context.cwd);
  });

  it('takes --profile, else AWS_PROFILE, and passes --dry-run on', async () => {
    const context = testContext({ env: { AWS_PROFILE: 'dev' }, dryRun: true });

    await openAwsContext(context, { region: 'us-east-1', dryRun: true });
    await openAwsContext(context, { region: 'us-east-1', profile: 'ops', dryRun: true });

    expect(context.opened).toEqual([
      { region: 'us-east-1', profile: 'dev', dryRun: true },
      { region: 'us-east-1', profile: 'ops', dryRun: true },
    ]);
  });

  it.each([
    {
      case: 'no region anywhere',
      options: {},
      message: 'No AWS region: pass --region (or set AWS_REGION), e.g. --region us-east-1',
    },
    {
      case: 'a region that is not a region code',
      options: { region: 'Frankfurt' },
      message:
        '--region "Frankfurt" is not an AWS region code; use one such as us-east-1 or eu-central-1',
    },
  ])('refuses $case with ERR_INVALID_REGION, opening nothing', async ({ options, message }) => {
    const context = testContext();

    await expect(openAwsContext(context, options)).rejects.toMatchObject({
      code: 'ERR_INVALID_REGION',
      message,
    });
    expect(context.opened).toEqual([]);
  });
});
