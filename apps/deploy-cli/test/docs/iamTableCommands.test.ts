import { GetOauth2CredentialProviderCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { beforeEach, describe, expect, it } from 'vitest';

import { createCommandContext } from '../../src/commandContext.js';
import { run as deployGateway } from '../../src/commands/gatewayDeploy.js';
import { destroyDeployment } from '../../src/destroy/destroyDeployment.js';
import { destroyManagedGateway } from '../../src/gateway/destroyManagedGateway.js';
import { registerManagedGateway } from '../../src/gateway/registerManagedGateway.js';
import { syncManagedTargets } from '../../src/gateway/syncManagedTargets.js';
import { AUTH, userGatewayProject } from '../gateway/gatewayProjectFixture.js';
import {
  IAM_RUNTIME_ARN,
  invocationUrlOf,
  JWT_RUNTIME_ARN,
  projectWithCreatedProvider,
  projectWithTargets,
  registeredProject,
} from '../gateway/managedGatewayFixture.js';
import { launchConfigured, launchedRuntime } from '../runtime/launchedRuntimeFixture.js';
import { agentCore, LAUNCH_MOCKS, mockEverythingMissing } from '../runtime/launchMocks.js';
import { testContext } from '../testContext.js';
import { actionsNeededBy, missingFromIamTable, type SentRequest } from './iamPermissionsTable.js';

beforeEach(() => {
  for (const mock of LAUNCH_MOCKS) mock.reset();
});

/** The requests of one launch of a runtime with an outbound OAuth2 provider. */
function launched(options: {
  dryRun: boolean;
  localBuild?: boolean;
  observability?: boolean;
  deployed?: boolean;
}): Promise<readonly SentRequest[]> {
  return launchConfigured(
    testContext({ dryRun: options.dryRun }),
    {
      outboundOauthProviders: ['github'],
      ...(options.deployed === true ? { deployment: launchedRuntime().deployment } : {}),
    },
    {
      localBuild: options.localBuild ?? false,
      observability: options.observability === true,
      enableTransactionSearch: options.observability === true,
    },
  );
}

describe('the IAM table lists, in each command’s row, every action its requests need', () => {
  it('launch: a first launch (mocked), and the plans of a first launch and an update', async () => {
    mockEverythingMissing();
    agentCore.on(GetOauth2CredentialProviderCommand).resolves({
      credentialProviderArn:
        'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/github',
      clientSecretArn: { secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:s' },
    });
    const requests = [
      ...(await launched({ dryRun: false })),
      ...(await launched({ dryRun: true })),
      ...(await launched({ dryRun: true, deployed: true })),
    ];

    const needed = new Set(requests.flatMap(actionsNeededBy));
    for (const action of [
      'iam:TagRole',
      'ecr:TagResource',
      'iam:PassRole',
      'iam:CreateServiceLinkedRole',
      'bedrock-agentcore:GetOauth2CredentialProvider',
      'bedrock-agentcore:UpdateAgentRuntime',
    ]) {
      expect(needed).toContain(action);
    }
    expect(missingFromIamTable(['launch'], requests)).toEqual([]);
  });

  it('launch --observability --enable-transaction-search (plan)', async () => {
    const requests = await launched({ dryRun: true, observability: true });

    expect(requests.map(({ operation }) => operation)).toContain('UpdateIndexingRule');
    expect(missingFromIamTable(['launch', 'launch --observability'], requests)).toEqual([]);
  });

  it('launch --local-build (plan)', async () => {
    const requests = await launched({ dryRun: true, localBuild: true });

    // The row adds the push to the launch row's ECR, execution-role and AgentCore actions.
    expect(missingFromIamTable(['launch --local-build', 'launch'], requests)).toEqual([]);
  });

  it('gateway deploy --observability --enable-transaction-search (plan)', async () => {
    const cwd = userGatewayProject({
      mcpServers: { ext: { url: 'https://ext.example.com/mcp' } },
      gateway: { auth: AUTH },
    });
    const { output } = testContext();
    const recorded = testContext({ cwd, dryRun: true });

    await deployGateway(
      {
        region: 'us-east-1',
        dryRun: true,
        json: true,
        observability: true,
        enableTransactionSearch: true,
      },
      {
        ...createCommandContext({ output, cwd, env: {}, interactive: false }),
        openAws: recorded.openAws,
      },
    );

    expect(
      missingFromIamTable(
        ['gateway deploy', 'gateway deploy --observability'],
        recorded.aws.requests,
      ),
    ).toEqual([]);
  });

  it('gateway register-managed: runtime targets (oauth, iam), an API key and an OAuth target (plan)', async () => {
    const cwd = projectWithTargets({
      weather: invocationUrlOf(JWT_RUNTIME_ARN),
      billing: invocationUrlOf(IAM_RUNTIME_ARN),
      search: 'https://search.example.com/mcp',
      docs: 'https://docs.example.com/mcp',
    });
    const context = testContext({ cwd, dryRun: true });

    await registerManagedGateway(
      { targetCredential: ['search=api-key:search-key', 'docs=oauth:docs-oauth'] },
      context,
    );

    const needed = new Set(context.aws.requests.flatMap(actionsNeededBy));
    for (const action of [
      'iam:TagRole',
      'iam:PassRole',
      'secretsmanager:CreateSecret',
      'bedrock-agentcore:CreateTokenVault',
      'bedrock-agentcore:GetApiKeyCredentialProvider',
    ]) {
      expect(needed).toContain(action);
    }
    expect(missingFromIamTable(['gateway register-managed'], context.aws.requests)).toEqual([]);
  });

  it('destroy with every --delete-* (plan)', async () => {
    const context = testContext({ dryRun: true });

    await destroyDeployment(context, launchedRuntime(), {
      deleteEcrRepo: true,
      deleteRole: true,
      deleteCodebuild: true,
    });

    expect(missingFromIamTable(['destroy'], context.aws.requests)).toEqual([]);
  });

  it('gateway destroy-managed --delete-role, with a provider it created (plan)', async () => {
    const cwd = projectWithCreatedProvider();
    const context = testContext({ cwd, dryRun: true });

    await destroyManagedGateway({ deleteRole: true }, context);

    expect(context.aws.requests.flatMap(actionsNeededBy)).toContain('secretsmanager:DeleteSecret');
    expect(missingFromIamTable(['gateway destroy-managed'], context.aws.requests)).toEqual([]);
  });

  it('gateway sync (plan)', async () => {
    const context = testContext({ cwd: registeredProject(), dryRun: true });

    await syncManagedTargets({}, context);

    expect(missingFromIamTable(['gateway sync'], context.aws.requests)).toEqual([]);
  });

  it('an action listed under another command does not count', () => {
    const tagRole: SentRequest = {
      service: 'iam',
      operation: 'CreateRole',
      input: { RoleName: 'r', Tags: [{ Key: 'k', Value: 'v' }] },
    };
    expect(missingFromIamTable(['status'], [tagRole])).toEqual([
      'iam:CreateRole (iam:CreateRole)',
      'iam:TagRole (iam:CreateRole)',
    ]);
    expect(() => missingFromIamTable(['no-such-command'], [tagRole])).toThrow(
      'docs/troubleshooting.md has no IAM table row for `no-such-command`',
    );
  });
});
