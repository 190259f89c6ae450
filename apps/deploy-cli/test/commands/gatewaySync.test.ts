import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { run as sync } from '../../src/commands/gatewaySync.js';
import { registeredProject } from '../gateway/managedGatewayFixture.js';
import { testContext } from '../testContext.js';

beforeAll(() => {
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('agentcore-mcp gateway sync (the command)', () => {
  it('opens AWS in the recorded region unless --region says otherwise', async () => {
    const context = testContext({
      cwd: registeredProject({ region: 'eu-central-1', targets: [] }),
      env: { AWS_REGION: 'us-east-1' },
      dryRun: true,
    });

    // No recorded targets: the command fails after opening AWS, having sent nothing.
    await expect(sync({ dryRun: true }, context)).rejects.toMatchObject({
      code: 'ERR_NOT_DEPLOYED',
    });
    await expect(sync({ dryRun: true, region: 'us-west-2' }, context)).rejects.toMatchObject({
      code: 'ERR_NOT_DEPLOYED',
    });

    expect(context.opened.map((target) => target.region)).toEqual(['eu-central-1', 'us-west-2']);
    expect(context.aws.requests).toEqual([]);
  });

  it('falls back on AWS_REGION without a state file, then fails naming register-managed', async () => {
    const context = testContext({ env: { AWS_REGION: 'ap-south-1' } });

    await expect(sync({}, context)).rejects.toThrow(
      /^No \.agentcore-mcp\/managed-gateway\.json in .*: run agentcore-mcp gateway register-managed/,
    );
    expect(context.opened.map((target) => target.region)).toEqual(['ap-south-1']);
  });

  it('fails with ERR_INVALID_REGION when no region is known anywhere', async () => {
    const context = testContext();

    await expect(sync({}, context)).rejects.toMatchObject({ code: 'ERR_INVALID_REGION' });
    expect(context.opened).toEqual([]);
  });
});
