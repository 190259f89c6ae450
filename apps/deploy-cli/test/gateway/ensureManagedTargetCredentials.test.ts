import {
  BedrockAgentCoreControlClient,
  GetGatewayTargetCommand,
  UpdateGatewayTargetCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { ensureManagedTarget } from '../../src/gateway/managedTargets.js';
import { apiKeyOutboundAuth, NO_OUTBOUND_AUTH } from '../../src/gateway/targetCredentials.js';
import { testContext } from '../testContext.js';
import { GATEWAY_ID, TARGET_ID } from './managedGatewayFixture.js';

const agentCore = mockClient(BedrockAgentCoreControlClient);
beforeEach(() => {
  agentCore.reset();
});

const ENDPOINT = 'https://search.example.com/mcp';
const PROVIDER = {
  name: 'search-key',
  arn: 'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/apikeycredentialprovider/search-key',
};
const TARGET = { configName: 'search', name: 'search', endpoint: ENDPOINT };
const EXISTING = [
  {
    targetId: TARGET_ID,
    name: 'search',
    status: 'READY' as const,
    createdAt: new Date(),
    updatedAt: new Date(),
  },
];

/** The registered target as GetGatewayTarget returns it, with these credentials. */
function registered(credentialProviderConfigurations: unknown[] | undefined): void {
  agentCore.on(GetGatewayTargetCommand).resolves({
    targetId: TARGET_ID,
    status: 'READY',
    targetConfiguration: { mcp: { mcpServer: { endpoint: ENDPOINT } } },
    ...(credentialProviderConfigurations === undefined
      ? {}
      : { credentialProviderConfigurations: credentialProviderConfigurations as never }),
  });
  agentCore.on(UpdateGatewayTargetCommand).resolves({});
}

describe('ensureManagedTarget with a --target-credential', () => {
  it('reuses a target that already sends the same API key', async () => {
    const outbound = apiKeyOutboundAuth(PROVIDER, 'X-Api-Key');
    registered(outbound.credentials);

    const result = await ensureManagedTarget(testContext(), {
      gatewayId: GATEWAY_ID,
      existing: EXISTING,
      target: TARGET,
      outbound,
    });

    expect(result).toMatchObject({ targetId: TARGET_ID, action: 'reused' });
    expect(agentCore.commandCalls(UpdateGatewayTargetCommand)).toEqual([]);
  });

  it('updates a target registered without credentials, sending the exact configuration', async () => {
    registered(undefined);
    const outbound = apiKeyOutboundAuth(PROVIDER, 'X-Api-Key');

    const result = await ensureManagedTarget(testContext(), {
      gatewayId: GATEWAY_ID,
      existing: EXISTING,
      target: TARGET,
      outbound,
    });

    expect(result).toEqual({ targetId: TARGET_ID, action: 'updated' });
    expect(agentCore.commandCalls(UpdateGatewayTargetCommand)[0]?.args[0].input).toEqual({
      gatewayIdentifier: GATEWAY_ID,
      targetId: TARGET_ID,
      name: 'search',
      targetConfiguration: { mcp: { mcpServer: { endpoint: ENDPOINT } } },
      credentialProviderConfigurations: [
        {
          credentialProviderType: 'API_KEY',
          credentialProvider: {
            apiKeyCredentialProvider: {
              providerArn: PROVIDER.arn,
              credentialLocation: 'HEADER',
              credentialParameterName: 'X-Api-Key',
            },
          },
        },
      ],
    });
  });

  it('updates a target whose key goes in another header', async () => {
    registered(apiKeyOutboundAuth(PROVIDER, 'Authorization').credentials);

    const result = await ensureManagedTarget(testContext(), {
      gatewayId: GATEWAY_ID,
      existing: EXISTING,
      target: TARGET,
      outbound: apiKeyOutboundAuth(PROVIDER, 'X-Api-Key'),
    });

    expect(result.action).toBe('updated');
  });

  it('without a credential, leaves a target alone whatever credentials it has', async () => {
    registered(apiKeyOutboundAuth(PROVIDER, 'X-Api-Key').credentials);

    const result = await ensureManagedTarget(testContext(), {
      gatewayId: GATEWAY_ID,
      existing: EXISTING,
      target: TARGET,
      outbound: NO_OUTBOUND_AUTH,
    });

    expect(result.action).toBe('reused');
    expect(agentCore.commandCalls(UpdateGatewayTargetCommand)).toEqual([]);
  });
});
