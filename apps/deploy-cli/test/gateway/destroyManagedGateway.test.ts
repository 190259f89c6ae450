import { existsSync } from 'node:fs';
import { join } from 'node:path';

import {
  BedrockAgentCoreControlClient,
  DeleteGatewayCommand,
  DeleteGatewayTargetCommand,
  DeleteOauth2CredentialProviderCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  ListGatewayTargetsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-bedrock-agentcore-control';
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { run as destroyManaged } from '../../src/commands/gatewayDestroyManaged.js';
import { destroyManagedGateway } from '../../src/gateway/destroyManagedGateway.js';
import { gatewayRoleName } from '../../src/gateway/gatewayRole.js';
import {
  MANAGED_GATEWAY_STATE_FILE,
  type ManagedTargetState,
} from '../../src/gateway/managedGatewayState.js';
import { missingFromIamTable, recordMockedRequests } from '../docs/iamPermissionsTable.js';
import { testContext } from '../testContext.js';
import {
  FILES_ID,
  GATEWAY_ID,
  GATEWAY_NAME,
  operations,
  PROVIDER_ARN,
  PROVIDER_NAME,
  registeredProject,
  TARGET_ID,
} from './managedGatewayFixture.js';

const agentCore = mockClient(BedrockAgentCoreControlClient);
const iam = mockClient(IAMClient);
/** Every request the mocked clients got in this file, for the IAM table check at its end. */
const sentRequests = recordMockedRequests({ 'bedrock-agentcore': agentCore, iam });

const ROLE_NAME = gatewayRoleName(GATEWAY_NAME, 'us-east-1');
const OWN_ROLE_ARN = `arn:aws:iam::123456789012:role/${ROLE_NAME}`;
const POLICY_NAME = `AgentCoreMcpGatewayPolicy-${GATEWAY_NAME}`;
const CALENDAR_ID = 'CALENDAR01';
const PROVIDER = { name: PROVIDER_NAME, arn: PROVIDER_ARN };
/** Two OAuth targets sharing the provider register-managed created, and a public one. */
const TARGETS: readonly ManagedTargetState[] = [
  {
    configName: 'weather',
    name: 'weather',
    targetId: TARGET_ID,
    endpoint: 'https://weather',
    auth: 'oauth',
    credentialProvider: PROVIDER,
  },
  {
    configName: 'calendar',
    name: 'calendar',
    targetId: CALENDAR_ID,
    endpoint: 'https://calendar',
    auth: 'oauth',
    credentialProvider: PROVIDER,
  },
  { configName: 'files', name: 'files', targetId: FILES_ID, endpoint: 'https://files' },
];
const notFound = (): ResourceNotFoundException =>
  new ResourceNotFoundException({ message: 'not found', $metadata: {} });

beforeAll(() => {
  vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
});
afterAll(() => {
  vi.unstubAllEnvs();
});
beforeEach(() => {
  agentCore.reset();
  iam.reset();
});

function listed(targets: readonly ManagedTargetState[]): void {
  agentCore.on(ListGatewayTargetsCommand).resolves({
    items: targets.map(({ name, targetId }) => ({
      name,
      targetId,
      status: 'READY',
      createdAt: new Date(),
      updatedAt: new Date(),
    })),
  });
}

function stateFileExists(cwd: string): boolean {
  return existsSync(join(cwd, MANAGED_GATEWAY_STATE_FILE));
}

describe('gateway destroy-managed', () => {
  it('deletes the targets (waiting for each), the gateway, the provider it created once, and with --delete-role its role', async () => {
    listed(TARGETS);
    agentCore.on(DeleteGatewayTargetCommand).resolves({ status: 'DELETING' });
    agentCore
      .on(GetGatewayTargetCommand)
      .resolvesOnce({ targetId: TARGET_ID, status: 'DELETING' })
      .rejects(notFound());
    agentCore.on(DeleteGatewayCommand).resolves({ status: 'DELETING' });
    agentCore.on(GetGatewayCommand).rejects(notFound());
    agentCore.on(DeleteOauth2CredentialProviderCommand).resolves({});
    iam.on(ListRolePoliciesCommand).resolves({ PolicyNames: [POLICY_NAME] });
    iam.on(DeleteRolePolicyCommand).resolves({});
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] });
    iam.on(DeleteRoleCommand).resolves({});
    const cwd = registeredProject({ targets: TARGETS, roleArn: OWN_ROLE_ARN });
    const context = testContext({ cwd });

    const result = await destroyManagedGateway({ yes: true, deleteRole: true }, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:DeleteGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:DeleteGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:DeleteGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:DeleteGateway',
      'bedrock-agentcore:GetGateway',
      'bedrock-agentcore:DeleteOauth2CredentialProvider',
      'iam:ListRolePolicies',
      'iam:DeleteRolePolicy',
      'iam:ListAttachedRolePolicies',
      'iam:DeleteRole',
    ]);
    const inputs = context.aws.requests.map((request) => request.input);
    expect(inputs[0]).toEqual({ gatewayIdentifier: GATEWAY_ID, maxResults: 100 });
    expect(inputs[1]).toEqual({ gatewayIdentifier: GATEWAY_ID, targetId: TARGET_ID });
    expect(inputs[2]).toEqual({ gatewayIdentifier: GATEWAY_ID, targetId: TARGET_ID });
    expect(inputs[4]).toEqual({ gatewayIdentifier: GATEWAY_ID, targetId: CALENDAR_ID });
    expect(inputs[6]).toEqual({ gatewayIdentifier: GATEWAY_ID, targetId: FILES_ID });
    expect(inputs[8]).toEqual({ gatewayIdentifier: GATEWAY_ID });
    expect(inputs[10]).toEqual({ name: PROVIDER_NAME });
    expect(inputs[12]).toEqual({ RoleName: ROLE_NAME, PolicyName: POLICY_NAME });
    expect(inputs[14]).toEqual({ RoleName: ROLE_NAME });
    expect(context.sleeps).toEqual([5_000]);
    expect(result.steps.map((step) => step.outcome)).toEqual(Array(6).fill('deleted'));
    expect(context.stdout).toEqual([
      `Deleted gateway target weather (${TARGET_ID})`,
      `Deleted gateway target calendar (${CALENDAR_ID})`,
      `Deleted gateway target files (${FILES_ID})`,
      `Deleted gateway ${GATEWAY_NAME} (${GATEWAY_ID})`,
      `Deleted OAuth2 credential provider ${PROVIDER_NAME}`,
      `Deleted IAM role ${ROLE_NAME}`,
      `Removed ${MANAGED_GATEWAY_STATE_FILE}`,
    ]);
    expect(stateFileExists(cwd)).toBe(false);
  });

  it('never deletes a provider it reused (not recorded), and keeps the role without --delete-role', async () => {
    const reusing: ManagedTargetState[] = [
      {
        configName: 'weather',
        name: 'weather',
        targetId: TARGET_ID,
        endpoint: 'https://w',
        auth: 'oauth',
      },
    ];
    listed(reusing);
    agentCore.on(DeleteGatewayTargetCommand).resolves({});
    agentCore.on(GetGatewayTargetCommand).rejects(notFound());
    agentCore.on(DeleteGatewayCommand).resolves({});
    agentCore.on(GetGatewayCommand).rejects(notFound());
    const context = testContext({
      cwd: registeredProject({ targets: reusing, roleArn: OWN_ROLE_ARN }),
    });

    await destroyManagedGateway({ yes: true }, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:DeleteGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:DeleteGateway',
      'bedrock-agentcore:GetGateway',
    ]);
    expect(iam.calls()).toEqual([]);
    expect(context.stdout.at(-1)).toBe(`Kept the IAM role ${ROLE_NAME} (--delete-role deletes it)`);
  });

  it('keeps a role register-managed did not create, even with --delete-role', async () => {
    listed([]);
    agentCore.on(DeleteGatewayCommand).resolves({});
    agentCore.on(GetGatewayCommand).rejects(notFound());
    const context = testContext({ cwd: registeredProject({ targets: [] }) });

    await destroyManagedGateway({ yes: true, deleteRole: true }, context);

    expect(iam.calls()).toEqual([]);
    expect(context.stdout.at(-1)).toBe(
      'Kept the IAM role arn:aws:iam::123456789012:role/gateway: register-managed did not create it',
    );
  });

  it('--dry-run prints the requests, sends nothing and keeps the state file', async () => {
    const cwd = registeredProject({ targets: TARGETS, roleArn: OWN_ROLE_ARN });
    const context = testContext({ cwd, dryRun: true });

    await destroyManagedGateway({ deleteRole: true }, context);

    expect(context.stdout).toEqual([
      'Dry run: nothing was sent. The 10 AWS requests, in order:',
      `  1. bedrock-agentcore:ListGatewayTargets {"gatewayIdentifier":"${GATEWAY_ID}","maxResults":100}`,
      `  2. bedrock-agentcore:DeleteGatewayTarget {"gatewayIdentifier":"${GATEWAY_ID}","targetId":"${TARGET_ID}"}`,
      `  3. bedrock-agentcore:DeleteGatewayTarget {"gatewayIdentifier":"${GATEWAY_ID}","targetId":"${CALENDAR_ID}"}`,
      `  4. bedrock-agentcore:DeleteGatewayTarget {"gatewayIdentifier":"${GATEWAY_ID}","targetId":"${FILES_ID}"}`,
      `  5. bedrock-agentcore:DeleteGateway {"gatewayIdentifier":"${GATEWAY_ID}"}`,
      `  6. bedrock-agentcore:DeleteOauth2CredentialProvider {"name":"${PROVIDER_NAME}"}`,
      `  7. iam:ListRolePolicies {"RoleName":"${ROLE_NAME}"}`,
      `  8. iam:DeleteRolePolicy {"RoleName":"${ROLE_NAME}","PolicyName":"${POLICY_NAME}"}`,
      `  9. iam:ListAttachedRolePolicies {"RoleName":"${ROLE_NAME}"}`,
      `  10. iam:DeleteRole {"RoleName":"${ROLE_NAME}"}`,
    ]);
    expect(agentCore.calls()).toEqual([]);
    expect(iam.calls()).toEqual([]);
    expect(stateFileExists(cwd)).toBe(true);
  });

  it('counts what is already gone as done: a deleted gateway, provider and role', async () => {
    agentCore.on(ListGatewayTargetsCommand).rejects(notFound());
    agentCore.on(DeleteOauth2CredentialProviderCommand).rejects(notFound());
    iam
      .on(ListRolePoliciesCommand)
      .rejects(new NoSuchEntityException({ message: 'no role', $metadata: {} }));
    const cwd = registeredProject({ targets: TARGETS, roleArn: OWN_ROLE_ARN });
    const context = testContext({ cwd });

    await destroyManagedGateway({ yes: true, deleteRole: true }, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:DeleteOauth2CredentialProvider',
      'iam:ListRolePolicies',
    ]);
    expect(context.stdout).toEqual([
      `gateway target weather (${TARGET_ID}): already deleted`,
      `gateway target calendar (${CALENDAR_ID}): already deleted`,
      `gateway target files (${FILES_ID}): already deleted`,
      `gateway ${GATEWAY_NAME} (${GATEWAY_ID}): already deleted`,
      `OAuth2 credential provider ${PROVIDER_NAME}: already deleted`,
      `IAM role ${ROLE_NAME}: already deleted`,
      `Removed ${MANAGED_GATEWAY_STATE_FILE}`,
    ]);
    expect(stateFileExists(cwd)).toBe(false);
  });

  it('counts a recorded target that is already gone as done and still deletes the gateway', async () => {
    const [weather] = TARGETS;
    listed([]);
    agentCore.on(DeleteGatewayTargetCommand).rejects(notFound());
    agentCore.on(DeleteGatewayCommand).resolves({});
    agentCore.on(GetGatewayCommand).rejects(notFound());
    agentCore.on(DeleteOauth2CredentialProviderCommand).resolves({});
    const context = testContext({ cwd: registeredProject({ targets: weather ? [weather] : [] }) });

    const result = await destroyManagedGateway({ yes: true }, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:DeleteGatewayTarget',
      'bedrock-agentcore:DeleteGateway',
      'bedrock-agentcore:GetGateway',
      'bedrock-agentcore:DeleteOauth2CredentialProvider',
    ]);
    expect(result.steps.map((step) => step.outcome)).toEqual([
      'already deleted',
      'deleted',
      'deleted',
    ]);
  });

  it('stops before deleting anything when the gateway has targets it did not record', async () => {
    listed([
      ...TARGETS,
      { configName: 'x', name: 'console-made', targetId: 'CONSOLE001', endpoint: 'https://x' },
    ]);
    const cwd = registeredProject({ targets: TARGETS });
    const context = testContext({ cwd });

    await expect(destroyManagedGateway({ yes: true }, context)).rejects.toMatchObject({
      code: 'ERR_INVALID_INPUT',
      message: `Gateway ${GATEWAY_NAME} (${GATEWAY_ID}) also has targets ${MANAGED_GATEWAY_STATE_FILE} does not record: console-made (CONSOLE001); delete them in the AgentCore console (a gateway with targets cannot be deleted), then run agentcore-mcp gateway destroy-managed again`,
    });
    expect(operations(context.aws.requests)).toEqual(['bedrock-agentcore:ListGatewayTargets']);
    expect(stateFileExists(cwd)).toBe(true);
  });

  it('needs --yes without a terminal, and deletes nothing when the answer is no', async () => {
    listed(TARGETS);
    const cwd = registeredProject({ targets: TARGETS, roleArn: OWN_ROLE_ARN });

    await expect(
      destroyManagedGateway({ deleteRole: true }, testContext({ cwd })),
    ).rejects.toMatchObject({
      code: 'ERR_CONFIRMATION_REQUIRED',
      message: `destroy-managed would delete gateway ${GATEWAY_NAME} (${GATEWAY_ID}); gateway target weather (${TARGET_ID}); gateway target calendar (${CALENDAR_ID}); gateway target files (${FILES_ID}); OAuth2 credential provider ${PROVIDER_NAME}; IAM role ${ROLE_NAME}; there is no terminal to confirm on: run again with --yes (or --dry-run to see the requests)`,
    });

    const confirm = vi.fn(() => Promise.resolve(false));
    const context = testContext({ cwd, interactive: true, prompts: { confirm } });
    const result = await destroyManagedGateway({}, context);

    expect(result.confirmed).toBe(false);
    expect(confirm).toHaveBeenCalledWith({ message: 'Delete these resources?', default: false });
    expect(context.stdout).toEqual([
      'agentcore-mcp gateway destroy-managed will delete, in us-east-1:',
      `  - gateway ${GATEWAY_NAME} (${GATEWAY_ID})`,
      `  - gateway target weather (${TARGET_ID})`,
      `  - gateway target calendar (${CALENDAR_ID})`,
      `  - gateway target files (${FILES_ID})`,
      `  - OAuth2 credential provider ${PROVIDER_NAME}`,
      'Nothing deleted.',
    ]);
    expect(operations(context.aws.requests)).toEqual(['bedrock-agentcore:ListGatewayTargets']);
    expect(stateFileExists(cwd)).toBe(true);
  });

  it('the command opens AWS in the recorded region, and fails naming register-managed without a state file', async () => {
    const context = testContext({
      cwd: registeredProject({ region: 'eu-central-1', targets: [] }),
      env: { AWS_REGION: 'us-east-1' },
      dryRun: true,
    });

    await destroyManaged({ dryRun: true }, context);

    expect(context.opened.map((target) => target.region)).toEqual(['eu-central-1']);
    const bare = testContext({ env: { AWS_REGION: 'us-east-1' } });
    await expect(destroyManaged({ yes: true }, bare)).rejects.toMatchObject({
      code: 'ERR_NOT_DEPLOYED',
    });
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of gateway destroy-managed', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['gateway destroy-managed'], sentRequests())).toEqual([]);
  });
});
