import {
  BedrockAgentCoreControlClient,
  DeleteAgentRuntimeCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { run as destroy } from '../../src/commands/destroy.js';
import { readProjectConfig } from '../../src/project/projectConfigFile.js';
import { RUNTIME_ID, seedProject } from '../runtime/launchedRuntimeFixture.js';
import { testContext } from '../testContext.js';

const agentCore = mockClient(BedrockAgentCoreControlClient);

beforeEach(() => {
  agentCore.reset();
});

describe('agentcore-mcp destroy (the command)', () => {
  it('with --dry-run opens AWS only to record, prints the requests and changes nothing', async () => {
    const context = testContext({ dryRun: true });
    seedProject(context.cwd);

    const result = await destroy({ dryRun: true, deleteEcrRepo: true }, context);

    expect(context.opened).toEqual([{ region: 'us-east-1', profile: undefined, dryRun: true }]);
    expect(result.steps.map((step) => step.resource)).toEqual([
      `AgentCore runtime example_server (${RUNTIME_ID})`,
      'ECR repository agentcore-mcp/example_server',
    ]);
    expect(JSON.parse(context.stdout.join('\n'))).toEqual(context.aws.requests);
    expect(agentCore.commandCalls(DeleteAgentRuntimeCommand)).toHaveLength(0);
    expect(readProjectConfig(context.cwd)?.runtimes.example_server?.deployment).toBeDefined();
  });

  it('without a terminal and --yes refuses before sending anything', async () => {
    const context = testContext();
    seedProject(context.cwd);

    await expect(destroy({}, context)).rejects.toMatchObject({ code: 'ERR_CONFIRMATION_REQUIRED' });
    expect(context.aws.requests).toEqual([]);
  });
});
