import { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';

import { recordMockedRequests } from '../docs/iamPermissionsTable.js';

/**
 * The mocked AWS clients of a `gateway register-managed` test file: AgentCore control, IAM and
 * STS, reset before each test, with every request they get recorded for the IAM table check and
 * the AWS SDK's Node-version warning silenced for the file. Call it once, at the top of the file.
 *
 * @returns The mocks and the recorded requests.
 * @example
 * ```ts
 * const { agentCore, iam, sts, sentRequests } = mockManagedGatewayClients();
 * ```
 */
export function mockManagedGatewayClients() {
  const agentCore = mockClient(BedrockAgentCoreControlClient);
  const iam = mockClient(IAMClient);
  const sts = mockClient(STSClient);
  /** Every request the mocked clients got in this file, for the IAM table check at its end. */
  const sentRequests = recordMockedRequests({ 'bedrock-agentcore': agentCore, iam, sts });
  beforeAll(() => {
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });
  beforeEach(() => {
    agentCore.reset();
    iam.reset();
    sts.reset();
  });
  return { agentCore, iam, sts, sentRequests };
}
