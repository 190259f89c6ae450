import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  AccessDeniedException,
  CreateGatewayCommand,
  CreateGatewayTargetCommand,
  DeleteGatewayTargetCommand,
  DeleteOauth2CredentialProviderCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  ListGatewaysCommand,
  ListGatewayTargetsCommand,
  ResourceNotFoundException,
  UpdateGatewayTargetCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import {
  CreateRoleCommand,
  GetRoleCommand,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';

import { AwsRequestError, CliError } from '../../src/errors.js';
import { gatewayExecutionPolicy, gatewayTrustPolicy } from '../../src/gateway/gatewayPolicy.js';
import { gatewayRoleName } from '../../src/gateway/gatewayRole.js';
import {
  MANAGED_GATEWAY_STATE_FILE,
  type ManagedGatewayState,
} from '../../src/gateway/managedGatewayState.js';
import { registerManagedGateway } from '../../src/gateway/registerManagedGateway.js';
import { missingFromIamTable } from '../docs/iamPermissionsTable.js';
import {
  AUTHORIZER,
  FILES_ID,
  GATEWAY_ARN,
  GATEWAY_ID,
  GATEWAY_NAME,
  GATEWAY_URL,
  LISTED_GATEWAY,
  operations,
  projectWithGatewayConfig,
  PROVIDER_ARN,
  PROVIDER_NAME,
  RECORDED_TARGETS,
  TARGET_ID,
  WEATHER_URL,
  writeRecordedState,
} from '../gateway/managedGatewayFixture.js';
import { testContext } from '../testContext.js';
import { mockManagedGatewayClients } from './mockManagedGatewayClients.js';

const { agentCore, iam, sts, sentRequests } = mockManagedGatewayClients();

const ACCOUNT = '123456789012';
const ROLE_NAME = gatewayRoleName(GATEWAY_NAME, 'us-east-1');
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE_NAME}`;
const SCOPE = { account: ACCOUNT, region: 'us-east-1', partition: 'aws' };
const CREATE_GATEWAY_INPUT = {
  name: GATEWAY_NAME,
  description: 'MCP gateway registered by agentcore-mcp gateway register-managed',
  roleArn: ROLE_ARN,
  protocolType: 'MCP',
  authorizerType: 'CUSTOM_JWT',
  authorizerConfiguration: { customJWTAuthorizer: AUTHORIZER },
};
const CREATE_TARGET_INPUT = {
  gatewayIdentifier: GATEWAY_ID,
  name: 'weather-api',
  description: 'MCP server weather_api, registered by agentcore-mcp',
  targetConfiguration: { mcp: { mcpServer: { endpoint: WEATHER_URL } } },
};
const READY_GATEWAY = {
  gatewayId: GATEWAY_ID,
  gatewayArn: GATEWAY_ARN,
  gatewayUrl: GATEWAY_URL,
  roleArn: ROLE_ARN,
  status: 'READY' as const,
  authorizerType: 'CUSTOM_JWT' as const,
  authorizerConfiguration: { customJWTAuthorizer: AUTHORIZER },
};
const SKIPPED = [
  'Skipping target files: a stdio target cannot be a managed target (AgentCore Gateway only calls MCP servers over HTTPS); keep it behind our own gateway (gateway-service), or serve it over HTTPS',
  'Skipping target private: it sends credentials (headers, oauth or forwardClientToken); a managed target gets them from an AgentCore Identity credential provider: pass --target-credential private=api-key:<provider>[:<header>] or --target-credential private=oauth:<provider>[:<scopes>]',
];

function readState(cwd: string): ManagedGatewayState {
  return JSON.parse(
    readFileSync(join(cwd, MANAGED_GATEWAY_STATE_FILE), 'utf8'),
  ) as ManagedGatewayState;
}

function mockNewRole(): void {
  sts.on(GetCallerIdentityCommand).resolves({
    Account: ACCOUNT,
    Arn: `arn:aws:iam::${ACCOUNT}:user/dev`,
  });
  iam
    .on(GetRoleCommand)
    .rejects(new NoSuchEntityException({ message: 'Role not found', $metadata: {} }));
  iam.on(CreateRoleCommand).resolves({
    Role: {
      Arn: ROLE_ARN,
      RoleName: ROLE_NAME,
      Path: '/',
      RoleId: 'AROA1',
      CreateDate: new Date(),
    },
  });
  iam.on(PutRolePolicyCommand).resolves({});
}

describe('gateway register-managed', () => {
  it('creates the role, the gateway and one mcpServer target, waits for READY and records them', async () => {
    mockNewRole();
    agentCore.on(ListGatewaysCommand).resolves({ items: [] });
    agentCore.on(CreateGatewayCommand).resolves({ gatewayId: GATEWAY_ID, status: 'CREATING' });
    agentCore
      .on(GetGatewayCommand)
      .resolvesOnce({ gatewayId: GATEWAY_ID, status: 'CREATING' })
      .resolves(READY_GATEWAY);
    agentCore.on(ListGatewayTargetsCommand).resolves({ items: [] });
    agentCore.on(CreateGatewayTargetCommand).resolves({ targetId: TARGET_ID, status: 'CREATING' });
    agentCore
      .on(GetGatewayTargetCommand)
      .resolvesOnce({ targetId: TARGET_ID, status: 'CREATING' })
      .resolves({ targetId: TARGET_ID, status: 'READY' });
    const context = testContext({ cwd: projectWithGatewayConfig() });

    const result = await registerManagedGateway({}, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:ListGateways',
      'sts:GetCallerIdentity',
      'iam:GetRole',
      'iam:CreateRole',
      'iam:PutRolePolicy',
      'bedrock-agentcore:CreateGateway',
      'bedrock-agentcore:GetGateway',
      'bedrock-agentcore:GetGateway',
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:CreateGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
    ]);
    const inputs = context.aws.requests.map((request) => request.input);
    expect(inputs[0]).toEqual({ maxResults: 100 });
    expect(inputs[3]).toEqual({
      RoleName: ROLE_NAME,
      Description: `Execution role of the AgentCore Gateway ${GATEWAY_NAME} (agentcore-mcp)`,
      AssumeRolePolicyDocument: JSON.stringify(gatewayTrustPolicy(SCOPE)),
      Tags: [{ Key: 'managed-by', Value: 'agentcore-mcp' }],
    });
    expect(inputs[4]).toEqual({
      RoleName: ROLE_NAME,
      PolicyName: `AgentCoreMcpGatewayPolicy-${GATEWAY_NAME}`,
      PolicyDocument: JSON.stringify(gatewayExecutionPolicy(SCOPE, GATEWAY_NAME)),
    });
    expect(inputs[5]).toEqual(CREATE_GATEWAY_INPUT);
    expect(inputs[6]).toEqual({ gatewayIdentifier: GATEWAY_ID });
    expect(inputs[8]).toEqual({ gatewayIdentifier: GATEWAY_ID, maxResults: 100 });
    expect(inputs[9]).toEqual(CREATE_TARGET_INPUT);
    expect(inputs[10]).toEqual({ gatewayIdentifier: GATEWAY_ID, targetId: TARGET_ID });
    expect(context.sleeps).toEqual([10_000, 5_000, 5_000]);

    expect(result.gateway).toEqual({
      gatewayId: GATEWAY_ID,
      gatewayArn: GATEWAY_ARN,
      gatewayUrl: GATEWAY_URL,
      roleArn: ROLE_ARN,
      created: true,
    });
    const state = readState(context.cwd);
    expect(state).toEqual({
      version: 1,
      region: 'us-east-1',
      gatewayName: GATEWAY_NAME,
      gatewayId: GATEWAY_ID,
      gatewayArn: GATEWAY_ARN,
      gatewayUrl: GATEWAY_URL,
      roleArn: ROLE_ARN,
      config: 'gateway.json',
      targets: [
        {
          configName: 'weather_api',
          name: 'weather-api',
          targetId: TARGET_ID,
          endpoint: WEATHER_URL,
          auth: 'none',
        },
      ],
      updatedAt: '2026-11-25T12:00:00.000Z',
    });
    expect(context.stdout).toEqual([
      ...SKIPPED,
      `Created the execution role ${ROLE_ARN}; waiting 10 s for IAM to propagate it`,
      `Creating gateway ${GATEWAY_NAME}`,
      `Created target weather-api (${TARGET_ID}) → ${WEATHER_URL}`,
      `Gateway ${GATEWAY_ID} is READY with 1 target.`,
      `  URL: ${GATEWAY_URL}`,
      `  Call it with a bearer token from the authorizer's issuer, e.g.: agentcore-mcp invoke --url ${GATEWAY_URL} --credentials .agentcore-mcp/cognito-credentials.json tools/list`,
      "  Tools are named <target>___<tool>, e.g. weather-api___<tool>; after a server's tools change run agentcore-mcp gateway sync",
      `  Recorded in ${MANAGED_GATEWAY_STATE_FILE}`,
    ]);
    expect(context.stderr).toEqual([]);
  });

  it('reuses a gateway and a target of the same name without creating anything', async () => {
    agentCore.on(ListGatewaysCommand).resolves({
      items: [
        {
          gatewayId: 'other-gateway-0000000000',
          name: 'other',
          status: 'READY',
          createdAt: new Date(),
          updatedAt: new Date(),
          authorizerType: 'CUSTOM_JWT',
        },
        LISTED_GATEWAY,
      ],
    });
    agentCore.on(GetGatewayCommand).resolves(READY_GATEWAY);
    agentCore.on(ListGatewayTargetsCommand).resolves({
      items: [
        {
          targetId: TARGET_ID,
          name: 'weather-api',
          status: 'READY',
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      ],
    });
    agentCore.on(GetGatewayTargetCommand).resolves({
      targetId: TARGET_ID,
      status: 'READY',
      targetConfiguration: { mcp: { mcpServer: { endpoint: WEATHER_URL } } },
    });
    const context = testContext({ cwd: projectWithGatewayConfig() });

    const result = await registerManagedGateway({ roleArn: 'unused' }, context);

    expect(context.aws.requests).toEqual([
      { service: 'bedrock-agentcore', operation: 'ListGateways', input: { maxResults: 100 } },
      {
        service: 'bedrock-agentcore',
        operation: 'GetGateway',
        input: { gatewayIdentifier: GATEWAY_ID },
      },
      {
        service: 'bedrock-agentcore',
        operation: 'ListGatewayTargets',
        input: { gatewayIdentifier: GATEWAY_ID, maxResults: 100 },
      },
      {
        service: 'bedrock-agentcore',
        operation: 'GetGatewayTarget',
        input: { gatewayIdentifier: GATEWAY_ID, targetId: TARGET_ID },
      },
    ]);
    expect(result.gateway.created).toBe(false);
    expect(result.targets).toEqual([
      expect.objectContaining({ name: 'weather-api', targetId: TARGET_ID, action: 'reused' }),
    ]);
    expect(context.stdout).toContain(`Reusing gateway ${GATEWAY_NAME} (${GATEWAY_ID})`);
    expect(context.stdout).toContain(`Reused target weather-api (${TARGET_ID}) → ${WEATHER_URL}`);
    expect(context.sleeps).toEqual([]);
  });

  it("stops with the target's status reasons on one line when it is FAILED, and keeps it recorded for sync", async () => {
    agentCore.on(ListGatewaysCommand).resolves({ items: [] });
    agentCore.on(CreateGatewayCommand).resolves({ gatewayId: GATEWAY_ID, status: 'CREATING' });
    agentCore.on(GetGatewayCommand).resolves(READY_GATEWAY);
    agentCore.on(ListGatewayTargetsCommand).resolves({ items: [] });
    agentCore.on(CreateGatewayTargetCommand).resolves({ targetId: TARGET_ID, status: 'CREATING' });
    agentCore.on(GetGatewayTargetCommand).resolves({
      targetId: TARGET_ID,
      status: 'FAILED',
      statusReasons: ['Failed to connect to the MCP server\n', 'tools/list returned HTTP 401'],
    });
    const context = testContext({ cwd: projectWithGatewayConfig() });

    const failure = await registerManagedGateway({ roleArn: ROLE_ARN }, context).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(CliError);
    expect((failure as CliError).code).toBe('ERR_RUNTIME_FAILED');
    expect((failure as CliError).message).toBe(
      `Target weather-api (${TARGET_ID}) is FAILED: Failed to connect to the MCP server; tools/list returned HTTP 401 — AgentCore could not list the server's tools: it must answer MCP over streamable HTTP at a public https:// URL without credentials; fix it, then run agentcore-mcp gateway sync --target weather_api`,
    );
    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:ListGateways',
      'bedrock-agentcore:CreateGateway',
      'bedrock-agentcore:GetGateway',
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:CreateGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
    ]);
    expect(context.aws.requests[1]?.input).toEqual(CREATE_GATEWAY_INPUT);
    const state = readState(context.cwd);
    expect(state.targets).toEqual([
      {
        configName: 'weather_api',
        name: 'weather-api',
        targetId: TARGET_ID,
        endpoint: WEATHER_URL,
        auth: 'none',
      },
    ]);
  });

  it('updates a reused target whose endpoint changed, then waits for it', async () => {
    agentCore.on(ListGatewaysCommand).resolves({
      items: [LISTED_GATEWAY],
    });
    agentCore.on(GetGatewayCommand).resolves(READY_GATEWAY);
    agentCore.on(ListGatewayTargetsCommand).resolves({
      items: [
        {
          targetId: TARGET_ID,
          name: 'weather-api',
          status: 'READY',
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      ],
    });
    agentCore
      .on(GetGatewayTargetCommand)
      .resolvesOnce({
        targetId: TARGET_ID,
        status: 'READY',
        targetConfiguration: { mcp: { mcpServer: { endpoint: 'https://old.example.com/mcp' } } },
      })
      .resolvesOnce({ targetId: TARGET_ID, status: 'UPDATING' })
      .resolves({ targetId: TARGET_ID, status: 'READY' });
    agentCore.on(UpdateGatewayTargetCommand).resolves({ targetId: TARGET_ID, status: 'UPDATING' });
    const context = testContext({ cwd: projectWithGatewayConfig() });

    await registerManagedGateway({}, context);

    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:ListGateways',
      'bedrock-agentcore:GetGateway',
      'bedrock-agentcore:ListGatewayTargets',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:UpdateGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
      'bedrock-agentcore:GetGatewayTarget',
    ]);
    expect(context.aws.requests[4]?.input).toEqual({
      gatewayIdentifier: GATEWAY_ID,
      targetId: TARGET_ID,
      name: 'weather-api',
      targetConfiguration: { mcp: { mcpServer: { endpoint: WEATHER_URL } } },
    });
    expect(context.stdout).toContain(`Updated target weather-api (${TARGET_ID}) → ${WEATHER_URL}`);
  });

  it("stops with the gateway's status reasons when it is FAILED", async () => {
    agentCore.on(ListGatewaysCommand).resolves({ items: [] });
    agentCore.on(CreateGatewayCommand).resolves({ gatewayId: GATEWAY_ID, status: 'CREATING' });
    agentCore.on(GetGatewayCommand).resolves({
      gatewayId: GATEWAY_ID,
      status: 'FAILED',
      statusReasons: ['Unable to fetch the discovery document'],
    });
    const context = testContext({ cwd: projectWithGatewayConfig() });

    await expect(registerManagedGateway({ roleArn: ROLE_ARN }, context)).rejects.toThrow(
      `Gateway ${GATEWAY_NAME} (${GATEWAY_ID}) is FAILED: Unable to fetch the discovery document — fix the cause (often the role or the authorizer discovery URL), delete the gateway in the AgentCore console, and run register-managed again`,
    );
    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:ListGateways',
      'bedrock-agentcore:CreateGateway',
      'bedrock-agentcore:GetGateway',
    ]);
  });

  it('names the missing permission bedrock-agentcore:CreateGateway in one line on AccessDenied', async () => {
    agentCore.on(ListGatewaysCommand).resolves({ items: [] });
    agentCore.on(CreateGatewayCommand).rejects(
      new AccessDeniedException({
        message: `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: bedrock-agentcore:CreateGateway`,
        $metadata: { requestId: 'req-1' },
      }),
    );
    const context = testContext({ cwd: projectWithGatewayConfig() });

    const failure = await registerManagedGateway({ roleArn: ROLE_ARN }, context).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(AwsRequestError);
    const { message } = failure as AwsRequestError;
    expect(message).toMatch(/^bedrock-agentcore:CreateGateway failed: AccessDeniedException: /);
    expect(message).toContain(
      'your AWS identity is missing the permission bedrock-agentcore:CreateGateway',
    );
    expect(message).not.toContain('\n');
    expect(operations(context.aws.requests)).toEqual([
      'bedrock-agentcore:ListGateways',
      'bedrock-agentcore:CreateGateway',
    ]);
    expect(existsSync(join(context.cwd, MANAGED_GATEWAY_STATE_FILE))).toBe(false);
  });

  it('--dry-run prints every request it would send, in order, and writes nothing', async () => {
    const context = testContext({ cwd: projectWithGatewayConfig(), dryRun: true });

    await registerManagedGateway({ name: 'my_tools' }, context);

    const dryRunId = 'my-tools-dryrun0000';
    const roleName = gatewayRoleName('my-tools', 'us-east-1');
    const dryScope = { account: '111122223333', region: 'us-east-1', partition: 'aws' };
    expect(context.stdout).toEqual([
      ...SKIPPED,
      'Dry run: nothing was sent. The 10 AWS requests, in order:',
      '  1. bedrock-agentcore:ListGateways {"maxResults":100}',
      '  2. sts:GetCallerIdentity {}',
      `  3. iam:GetRole {"RoleName":"${roleName}"}`,
      `  4. iam:CreateRole ${JSON.stringify({
        RoleName: roleName,
        Description: 'Execution role of the AgentCore Gateway my-tools (agentcore-mcp)',
        AssumeRolePolicyDocument: JSON.stringify(gatewayTrustPolicy(dryScope)),
        Tags: [{ Key: 'managed-by', Value: 'agentcore-mcp' }],
      })}`,
      `  5. iam:PutRolePolicy ${JSON.stringify({
        RoleName: roleName,
        PolicyName: 'AgentCoreMcpGatewayPolicy-my-tools',
        PolicyDocument: JSON.stringify(gatewayExecutionPolicy(dryScope, 'my-tools')),
      })}`,
      `  6. bedrock-agentcore:CreateGateway ${JSON.stringify({
        ...CREATE_GATEWAY_INPUT,
        name: 'my-tools',
        roleArn: `arn:aws:iam::111122223333:role/${roleName}`,
      })}`,
      `  7. bedrock-agentcore:GetGateway {"gatewayIdentifier":"${dryRunId}"}`,
      `  8. bedrock-agentcore:ListGatewayTargets {"gatewayIdentifier":"${dryRunId}","maxResults":100}`,
      `  9. bedrock-agentcore:CreateGatewayTarget ${JSON.stringify({ ...CREATE_TARGET_INPUT, gatewayIdentifier: dryRunId })}`,
      `  10. bedrock-agentcore:GetGatewayTarget {"gatewayIdentifier":"${dryRunId}","targetId":"WEATDRYRUN"}`,
    ]);
    expect(agentCore.calls()).toEqual([]);
    expect(existsSync(join(context.cwd, MANAGED_GATEWAY_STATE_FILE))).toBe(false);
  });

  it.each([
    [
      'no authorizer',
      { gateway: {} },
      {},
      'gateway.json has no gateway.auth.customJWTAuthorizer, and a managed gateway needs one: run agentcore-mcp setup-cognito, then agentcore-mcp gateway setup (it adds authorizer_config.json)',
    ],
    [
      'a gateway name AgentCore rejects',
      {},
      { name: 'my__tools' },
      'Invalid gateway name "my__tools" for AgentCore Gateway: after turning _ into -, "my--tools" must be up to 100 letters and digits with single hyphens between them, starting with a letter or digit (it has two hyphens in a row; ([0-9a-zA-Z][-]?){1,100}, bedrock-agentcore-control#GatewayName); rename it',
    ],
    [
      'two targets that collide once converted',
      {
        mcpServers: {
          a_b: { url: 'https://a.example.com/mcp' },
          'a-b': { url: 'https://b.example.com/mcp' },
        },
      },
      {},
      'Targets "a_b" and "a-b" would both be named "a-b" on AgentCore Gateway (underscores become hyphens); rename one of them',
    ],
  ])('refuses %s before any AWS request', async (_case, config, options, message) => {
    const context = testContext({ cwd: projectWithGatewayConfig(config) });

    await expect(registerManagedGateway(options, context)).rejects.toThrow(message);
    expect(context.aws.requests).toEqual([]);
  });

  describe('a target an earlier run recorded that the config no longer registers', () => {
    /** The gateway and `weather-api` reused; `files`, recorded before, is a stdio target now. */
    function mockReusedGateway(): string {
      agentCore.on(ListGatewaysCommand).resolves({
        items: [LISTED_GATEWAY],
      });
      agentCore.on(GetGatewayCommand).resolves(READY_GATEWAY);
      agentCore.on(ListGatewayTargetsCommand).resolves({
        items: [TARGET_ID, FILES_ID].map((targetId) => ({
          targetId,
          name: targetId === TARGET_ID ? 'weather-api' : 'files',
          status: 'READY' as const,
          createdAt: new Date(),
          updatedAt: new Date(),
        })),
      });
      agentCore.on(GetGatewayTargetCommand, { targetId: TARGET_ID }).resolves({
        targetId: TARGET_ID,
        status: 'READY',
        targetConfiguration: { mcp: { mcpServer: { endpoint: WEATHER_URL } } },
      });
      const cwd = projectWithGatewayConfig();
      writeRecordedState(cwd, {
        roleArn: ROLE_ARN,
        targets: [
          RECORDED_TARGETS[0]!,
          {
            ...RECORDED_TARGETS[1]!,
            auth: 'oauth',
            credentialProvider: { name: PROVIDER_NAME, arn: PROVIDER_ARN },
          },
        ],
      });
      return cwd;
    }

    it('stays on the gateway and recorded (destroy-managed deletes it), and a line says how to delete it', async () => {
      const context = testContext({ cwd: mockReusedGateway() });

      const result = await registerManagedGateway({ roleArn: 'unused' }, context);

      expect(operations(context.aws.requests)).not.toContain(
        'bedrock-agentcore:DeleteGatewayTarget',
      );
      expect(context.stdout).toContain(
        `Target files (${FILES_ID}) is no longer registered from gateway.json; it stays on the gateway and in ${MANAGED_GATEWAY_STATE_FILE} (destroy-managed deletes it): run register-managed again with --prune to delete it now`,
      );
      expect(readState(context.cwd).targets.map((target) => target.targetId)).toEqual([
        TARGET_ID,
        FILES_ID,
      ]);
      expect(readState(context.cwd).targets[1]?.credentialProvider?.name).toBe(PROVIDER_NAME);
      expect(result.stale).toEqual({
        targets: [expect.objectContaining({ targetId: FILES_ID })],
        pruned: false,
      });
    });

    it('is deleted with --prune, with the credential provider created for it alone, and forgotten', async () => {
      agentCore.on(DeleteGatewayTargetCommand).resolves({});
      agentCore
        .on(GetGatewayTargetCommand, { targetId: FILES_ID })
        .rejects(new ResourceNotFoundException({ message: 'not found', $metadata: {} }));
      agentCore.on(DeleteOauth2CredentialProviderCommand).resolves({});
      const context = testContext({ cwd: mockReusedGateway() });

      const result = await registerManagedGateway({ roleArn: 'unused', prune: true }, context);

      expect(context.aws.requests.slice(-3)).toEqual([
        {
          service: 'bedrock-agentcore',
          operation: 'DeleteGatewayTarget',
          input: { gatewayIdentifier: GATEWAY_ID, targetId: FILES_ID },
        },
        {
          service: 'bedrock-agentcore',
          operation: 'GetGatewayTarget',
          input: { gatewayIdentifier: GATEWAY_ID, targetId: FILES_ID },
        },
        {
          service: 'bedrock-agentcore',
          operation: 'DeleteOauth2CredentialProvider',
          input: { name: PROVIDER_NAME },
        },
      ]);
      expect(context.stdout).toContain(`Deleted target files (${FILES_ID}): no longer registered`);
      expect(context.stdout).toContain(
        `Deleted OAuth2 credential provider ${PROVIDER_NAME}: no registered target uses it`,
      );
      expect(readState(context.cwd).targets.map((target) => target.targetId)).toEqual([TARGET_ID]);
      expect(result.stale.pruned).toBe(true);
    });

    it('stays recorded when --prune gives up waiting for its deletion, and says what to run again', async () => {
      agentCore.on(DeleteGatewayTargetCommand).resolves({});
      agentCore
        .on(GetGatewayTargetCommand, { targetId: FILES_ID })
        .resolves({ targetId: FILES_ID, status: 'DELETING' });
      const context = testContext({ cwd: mockReusedGateway() });

      await expect(
        registerManagedGateway({ roleArn: 'unused', prune: true }, context),
      ).rejects.toThrow(
        `Target files (${FILES_ID}) was still there after 5 minutes (status DELETING); check it in the AgentCore console, then run agentcore-mcp gateway register-managed --prune again`,
      );
      expect(readState(context.cwd).targets.map((target) => target.targetId)).toEqual([
        TARGET_ID,
        FILES_ID,
      ]);
    });
  });

  it('reports an unreadable config on one line', async () => {
    const context = testContext();

    await expect(registerManagedGateway({ config: 'missing.json' }, context)).rejects.toThrow(
      `No gateway config at ${join(context.cwd, 'missing.json')}: run agentcore-mcp gateway setup to write one, or pass --config FILE`,
    );
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of gateway register-managed', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['gateway register-managed'], sentRequests())).toEqual([]);
  });
});
