import {
  BedrockAgentCoreControlClient,
  GetAgentRuntimeCommand,
  GetAgentRuntimeEndpointCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { CliError } from '../../src/errors.js';
import { showStatus } from '../../src/runtime/showStatus.js';
import { missingFromIamTable, recordMockedRequests } from '../docs/iamPermissionsTable.js';
import { testContext } from '../testContext.js';
import { launchedRuntime, RUNTIME_ARN, RUNTIME_ID } from './launchedRuntimeFixture.js';

const agentCore = mockClient(BedrockAgentCoreControlClient);
/** Every request the mocked clients got in this file, for the IAM table check at its end. */
const sentRequests = recordMockedRequests({ 'bedrock-agentcore': agentCore });
const URL = `https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/${encodeURIComponent(RUNTIME_ARN)}/invocations?qualifier=DEFAULT`;

beforeEach(() => {
  agentCore.reset();
});

function mockRuntime(runtime: Record<string, unknown>, endpoint: Record<string, unknown>): void {
  agentCore.on(GetAgentRuntimeCommand).resolves({
    agentRuntimeArn: RUNTIME_ARN,
    agentRuntimeId: RUNTIME_ID,
    agentRuntimeName: 'example_server',
    lastUpdatedAt: new Date('2026-11-25T11:58:00.000Z'),
    protocolConfiguration: { serverProtocol: 'MCP' },
    ...runtime,
  });
  agentCore.on(GetAgentRuntimeEndpointCommand).resolves({ name: 'DEFAULT', ...endpoint });
}

describe('status', () => {
  it('reports a READY runtime: state, version, endpoint, protocol, auth, ARN and URL', async () => {
    mockRuntime(
      {
        status: 'READY',
        agentRuntimeVersion: '3',
        authorizerConfiguration: {
          customJWTAuthorizer: {
            discoveryUrl: 'https://issuer.example/.well-known/openid-configuration',
            allowedClients: ['abc'],
          },
        },
      },
      { status: 'READY', liveVersion: '3', targetVersion: '3' },
    );
    const context = testContext();

    const result = await showStatus(context, launchedRuntime());

    expect(context.aws.requests).toEqual([
      {
        service: 'bedrock-agentcore',
        operation: 'GetAgentRuntime',
        input: { agentRuntimeId: RUNTIME_ID },
      },
      {
        service: 'bedrock-agentcore',
        operation: 'GetAgentRuntimeEndpoint',
        input: { agentRuntimeId: RUNTIME_ID, endpointName: 'DEFAULT' },
      },
    ]);
    expect(context.stdout).toEqual([
      `example_server (${RUNTIME_ID})`,
      '  status:   READY',
      '  version:  3',
      '  updated:  2026-11-25T11:58:00.000Z',
      '  endpoint: DEFAULT READY, live version 3',
      '  protocol: MCP',
      '  auth:     JWT (customJWTAuthorizer)',
      '  region:   us-east-1',
      `  arn:      ${RUNTIME_ARN}`,
      `  url:      ${URL}`,
    ]);
    expect(result.failureReason).toBeUndefined();
    expect(context.stderr).toEqual([]);
  });

  it('shows the failure reason of a CREATE_FAILED runtime, and IAM auth without an authorizer', async () => {
    mockRuntime(
      {
        status: 'CREATE_FAILED',
        agentRuntimeVersion: '1',
        failureReason: 'Image not found: pull access denied',
      },
      { status: 'CREATE_FAILED', targetVersion: '1', failureReason: 'runtime version failed' },
    );
    const context = testContext();

    await showStatus(context, launchedRuntime());

    expect(context.aws.requests.map((r) => r.operation)).toEqual([
      'GetAgentRuntime',
      'GetAgentRuntimeEndpoint',
    ]);
    expect(context.stdout).toEqual([
      `example_server (${RUNTIME_ID})`,
      '  status:           CREATE_FAILED',
      '  failure:          Image not found: pull access denied',
      '  version:          1',
      '  updated:          2026-11-25T11:58:00.000Z',
      '  endpoint:         DEFAULT CREATE_FAILED, target version 1',
      '  endpoint failure: runtime version failed',
      '  protocol:         MCP',
      '  auth:             IAM (SigV4)',
      '  region:           us-east-1',
      `  arn:              ${RUNTIME_ARN}`,
      `  url:              ${URL}`,
    ]);
  });

  it('prints one JSON object with --json', async () => {
    mockRuntime(
      { status: 'UPDATING', agentRuntimeVersion: '4', failureReason: 'stale reason' },
      { status: 'UPDATING', liveVersion: '3', targetVersion: '4' },
    );
    const context = testContext();

    await showStatus(context, launchedRuntime(), { json: true });

    expect(JSON.parse(context.stdout.join('\n'))).toEqual({
      name: 'example_server',
      region: 'us-east-1',
      runtimeId: RUNTIME_ID,
      runtimeArn: RUNTIME_ARN,
      invocationUrl: URL,
      status: 'UPDATING',
      version: '4',
      lastUpdatedAt: '2026-11-25T11:58:00.000Z',
      protocol: 'MCP',
      authorizer: 'IAM',
      endpoint: { name: 'DEFAULT', status: 'UPDATING', liveVersion: '3', targetVersion: '4' },
    });
  });

  it('reports an endpoint AgentCore has not created yet as NOT_FOUND', async () => {
    agentCore.on(GetAgentRuntimeCommand).resolves({ status: 'CREATING', agentRuntimeVersion: '1' });
    agentCore
      .on(GetAgentRuntimeEndpointCommand)
      .rejects(new ResourceNotFoundException({ message: 'no endpoint', $metadata: {} }));
    const context = testContext();

    const result = await showStatus(context, launchedRuntime());

    expect(result.endpoint).toEqual({ name: 'DEFAULT', status: 'NOT_FOUND' });
    expect(context.stdout).toContain('  endpoint: DEFAULT NOT_FOUND');
  });

  it('says to run launch when the runtime was never launched, without calling AWS', async () => {
    const context = testContext();

    const failure = showStatus(context, launchedRuntime({ deployment: undefined }));

    await expect(failure).rejects.toThrow(CliError);
    await expect(failure).rejects.toThrow(
      'example_server has not been launched yet: run agentcore-mcp launch --name example_server',
    );
    expect(context.aws.requests).toEqual([]);
  });

  it('hints at a deletion outside agentcore-mcp when AgentCore no longer knows the runtime', async () => {
    agentCore
      .on(GetAgentRuntimeCommand)
      .rejects(new ResourceNotFoundException({ message: 'Runtime not found', $metadata: {} }));
    const context = testContext();

    const failure = showStatus(context, launchedRuntime());

    await expect(failure).rejects.toMatchObject({
      code: 'ERR_NOT_DEPLOYED',
      message: `Runtime ${RUNTIME_ID} (example_server) does not exist in us-east-1 (deleted outside agentcore-mcp?): run agentcore-mcp launch --name example_server to deploy it again, or agentcore-mcp destroy --name example_server to forget it`,
    });
    expect(context.aws.requests.map((r) => r.operation)).toEqual(['GetAgentRuntime']);
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of status', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['status'], sentRequests())).toEqual([]);
  });
});
