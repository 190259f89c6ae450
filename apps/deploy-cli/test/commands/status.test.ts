import {
  BedrockAgentCoreControlClient,
  GetAgentRuntimeCommand,
  GetAgentRuntimeEndpointCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { run as status } from '../../src/commands/status.js';
import { launchedRuntime, RUNTIME_ID, seedProject } from '../runtime/launchedRuntimeFixture.js';
import { testContext } from '../testContext.js';

const agentCore = mockClient(BedrockAgentCoreControlClient);

beforeEach(() => {
  agentCore.reset();
  agentCore.on(GetAgentRuntimeCommand).resolves({ agentRuntimeId: RUNTIME_ID, status: 'READY' });
  agentCore.on(GetAgentRuntimeEndpointCommand).resolves({ name: 'DEFAULT', status: 'READY' });
});

describe('agentcore-mcp status (the command)', () => {
  it("opens AWS in the runtime's region, with AWS_PROFILE, and prints the status", async () => {
    const context = testContext({ env: { AWS_REGION: 'eu-west-1', AWS_PROFILE: 'dev' } });
    seedProject(context.cwd, launchedRuntime({ region: 'us-west-2' }));

    const result = await status({ json: true }, context);

    expect(context.opened).toEqual([{ region: 'us-west-2', profile: 'dev', dryRun: false }]);
    expect(result.status).toBe('READY');
    expect(JSON.parse(context.stdout.join('\n'))).toMatchObject({ status: 'READY' });
    expect(context.aws.requests.map((request) => request.operation)).toEqual([
      'GetAgentRuntime',
      'GetAgentRuntimeEndpoint',
    ]);
  });

  it('uses --region and --profile over the project and the environment', async () => {
    const context = testContext({ env: { AWS_PROFILE: 'dev' } });
    seedProject(context.cwd);

    await status({ region: 'ap-south-1', profile: 'ops' }, context);

    expect(context.opened).toEqual([{ region: 'ap-south-1', profile: 'ops', dryRun: false }]);
  });

  it.each([
    { case: 'no project file', seed: false, options: {}, code: 'ERR_NOT_CONFIGURED' },
    {
      case: 'an unknown --name',
      seed: true,
      options: { name: 'nope' },
      code: 'ERR_NOT_CONFIGURED',
    },
    {
      case: 'a --region that is not a region code',
      seed: true,
      options: { region: 'Frankfurt' },
      code: 'ERR_INVALID_REGION',
    },
  ])('fails for $case with $code and sends nothing', async ({ seed, options, code }) => {
    const context = testContext();
    if (seed) seedProject(context.cwd);

    await expect(status(options, context)).rejects.toMatchObject({ code });
    expect(context.opened).toEqual([]);
    expect(agentCore.calls()).toHaveLength(0);
  });
});
