import { findAwsStringProblem } from '@agentcore-mcp/core';
import {
  BedrockAgentCoreControlClient,
  CreateGatewayTargetCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { AWS_NAME_RULES } from '../../src/aws/awsNameRules.js';
import { ensureManagedTarget } from '../../src/gateway/managedTargets.js';
import { toOauthProviderName } from '../../src/gateway/oauthCredentialProvider.js';
import { formatTargetDescription } from '../../src/gateway/targetDescription.js';
import { testContext } from '../testContext.js';
import { GATEWAY_ID, WEATHER_URL } from './managedGatewayFixture.js';

const agentCore = mockClient(BedrockAgentCoreControlClient);

beforeAll(() => {
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
});
afterAll(() => {
  vi.unstubAllEnvs();
});
beforeEach(() => {
  agentCore.reset();
});

describe('formatTargetDescription', () => {
  it('keeps a name that fits', () => {
    expect(formatTargetDescription('weather')).toBe(
      'MCP server weather, registered by agentcore-mcp',
    );
    const longest = 'n'.repeat(200 - 'MCP server , registered by agentcore-mcp'.length);
    expect(formatTargetDescription(longest)).toBe(
      `MCP server ${longest}, registered by agentcore-mcp`,
    );
  });

  it('cuts a longer name with an ellipsis so the description is 200 characters', () => {
    const description = formatTargetDescription('x_'.repeat(100));

    expect(description).toHaveLength(200);
    expect(description).toMatch(/^MCP server (x_)+x?…, registered by agentcore-mcp$/);
    expect(findAwsStringProblem(AWS_NAME_RULES.gatewayTargetDescription, description)).toBe(
      undefined,
    );
  });

  it('CreateGatewayTarget gets the cut description for a 200-character target name', async () => {
    // gateway.json caps names at 63 characters; the description must fit whatever it is given.
    const configName = 'x_'.repeat(100);
    agentCore.on(CreateGatewayTargetCommand).resolves({ targetId: 'XXXX000001', status: 'READY' });
    const context = testContext();

    await ensureManagedTarget(context, {
      gatewayId: GATEWAY_ID,
      existing: [],
      target: { configName, name: 'x-'.repeat(100), endpoint: WEATHER_URL },
    });

    const input = agentCore.commandCalls(CreateGatewayTargetCommand)[0]?.args[0].input;
    expect(input?.description).toBe(formatTargetDescription(configName));
    expect(input?.description).toHaveLength(200);
  });
});

describe('toOauthProviderName', () => {
  it('names the provider after the gateway', () => {
    expect(toOauthProviderName('agentcore-mcp-gateway')).toBe('agentcore-mcp-gateway-m2m');
  });

  it('shortens a long gateway name with a hash, within CredentialProviderName', () => {
    const name = toOauthProviderName('a-'.repeat(99) + 'a');

    expect(name).toHaveLength(128);
    expect(name).toMatch(/^(a-)+a?-[0-9a-f]{8}-m2m$/);
    expect(findAwsStringProblem(AWS_NAME_RULES.credentialProviderName, name)).toBe(undefined);
    expect(toOauthProviderName('a-'.repeat(99) + 'b')).not.toBe(name);
  });
});
