import { AGENTCORE_RULES, type AwsStringRule, findAwsStringProblem } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

import { AWS_NAME_RULES } from '../../src/aws/awsNameRules.js';
import type { RecordedAwsRequest } from '../../src/aws/awsRequests.js';
import { registerManagedGateway } from '../../src/gateway/registerManagedGateway.js';
import { launchAndRecord } from '../../src/runtime/launchAndRecord.js';
import {
  IAM_RUNTIME_ARN,
  invocationUrlOf,
  JWT_RUNTIME_ARN,
  projectWithTargets,
} from '../gateway/managedGatewayFixture.js';
import { configuredProject } from '../runtime/launchedRuntimeFixture.js';
import { testContext } from '../testContext.js';

type Input = Record<string, unknown>;
/** Which values of a request's input each AWS rule governs. */
type RuleChecks = readonly (readonly [string, (input: Input) => unknown[], AwsStringRule])[];

const at =
  (...path: string[]) =>
  (input: Input): unknown[] => {
    let value: unknown = input;
    for (const key of path) value = (value as Input | undefined)?.[key];
    return value === undefined ? [] : [value];
  };
const each =
  (...path: string[]) =>
  (input: Input): unknown[] =>
    (at(...path)(input)[0] as unknown[] | undefined) ?? [];
const claims = (input: Input): Input[] =>
  (at('authorizerConfiguration', 'customJWTAuthorizer', 'customClaims')(input)[0] as
    Input[] | undefined) ?? [];

/** What CreateAgentRuntime and UpdateAgentRuntime both carry. */
const RUNTIME_CHECKS: RuleChecks = [
  [
    'containerUri',
    at('agentRuntimeArtifact', 'containerConfiguration', 'containerUri'),
    AWS_NAME_RULES.containerUri,
  ],
  [
    'requestHeaderAllowlist',
    each('requestHeaderConfiguration', 'requestHeaderAllowlist'),
    AGENTCORE_RULES.headerName,
  ],
  [
    'claim name',
    (input) => claims(input).map((claim) => claim.inboundTokenClaimName),
    AGENTCORE_RULES.claimName,
  ],
  [
    'claim value',
    (input) =>
      claims(input)
        .flatMap((claim) => {
          const value = (claim.authorizingClaimMatchValue as Input | undefined)?.claimMatchValue as
            Input | undefined;
          return [value?.matchValueString, ...((value?.matchValueStringList as unknown[]) ?? [])];
        })
        .filter((value) => value !== undefined),
    AGENTCORE_RULES.claimMatchValue,
  ],
];

/** Every constrained string the dry-run plans carry, by operation. */
const CHECKS: Readonly<Record<string, RuleChecks>> = {
  'ecr:CreateRepository': [['repositoryName', at('repositoryName'), AWS_NAME_RULES.ecrRepository]],
  'iam:CreateRole': [['RoleName', at('RoleName'), AWS_NAME_RULES.iamRole]],
  'iam:PutRolePolicy': [
    ['RoleName', at('RoleName'), AWS_NAME_RULES.iamRole],
    ['PolicyName', at('PolicyName'), AWS_NAME_RULES.iamPolicy],
  ],
  's3:CreateBucket': [['Bucket', at('Bucket'), AWS_NAME_RULES.s3Bucket]],
  's3:PutObject': [
    ['Bucket', at('Bucket'), AWS_NAME_RULES.s3Bucket],
    ['Key', at('Key'), AWS_NAME_RULES.s3Key],
  ],
  'codebuild:CreateProject': [['name', at('name'), AWS_NAME_RULES.codeBuildProject]],
  'bedrock-agentcore:CreateAgentRuntime': [
    ['agentRuntimeName', at('agentRuntimeName'), AGENTCORE_RULES.runtimeName],
    ...RUNTIME_CHECKS,
  ],
  'bedrock-agentcore:UpdateAgentRuntime': RUNTIME_CHECKS,
  'bedrock-agentcore:CreateGatewayTarget': [
    ['description', at('description'), AWS_NAME_RULES.gatewayTargetDescription],
  ],
  'bedrock-agentcore:CreateOauth2CredentialProvider': [
    ['name', at('name'), AWS_NAME_RULES.oauth2CredentialProvider],
  ],
};

/** `operation field: problem` for every value of the plan that breaks its AWS rule. */
function problemsOf(requests: readonly RecordedAwsRequest[]): string[] {
  return requests.flatMap(({ service, operation, input }) =>
    (CHECKS[`${service}:${operation}`] ?? []).flatMap(([field, values, rule]) =>
      values(input as Input).flatMap((value) => {
        // A plan made without asking STS says `<account>` where the account id will be.
        const sent = String(value).replaceAll('<account>', '123456789012');
        const problem = findAwsStringProblem(rule, sent);
        return problem === undefined ? [] : [`${operation} ${field}: ${problem}`];
      }),
    ),
  );
}

/** How many values of the plan the checks looked at. */
function checkedCount(requests: readonly RecordedAwsRequest[]): number {
  return requests.reduce(
    (sum, { service, operation, input }) =>
      sum +
      (CHECKS[`${service}:${operation}`] ?? []).reduce(
        (inner, [, values]) => inner + values(input as Input).length,
        0,
      ),
    0,
  );
}

const EDGE_NAMES = ['a', 'a_b', 'Weather_Server_2', `a${'b'.repeat(47)}`];

describe('every constrained value of a dry-run plan satisfies the AWS model', () => {
  it.each(EDGE_NAMES)(
    'launch of runtime %j, with headers and claims at the edges of their rules',
    async (name) => {
      const context = testContext({ dryRun: true });
      const { project, runtime } = configuredProject(context.cwd, {
        name,
        requestHeaderAllowlist: [
          'Authorization',
          'X-Amzn-Bedrock-AgentCore-Runtime-Custom-T',
          'x_trace-1',
        ],
        authorizer: {
          customJWTAuthorizer: {
            discoveryUrl: 'https://issuer.example.com/.well-known/openid-configuration',
            allowedClients: ['client-1'],
            customClaims: [
              {
                inboundTokenClaimName: 'department.name',
                inboundTokenClaimValueType: 'STRING',
                authorizingClaimMatchValue: {
                  claimMatchOperator: 'EQUALS',
                  claimMatchValue: { matchValueString: 'R_and.D-team' },
                },
              },
            ],
          },
        },
      });

      await launchAndRecord(context, { project, runtime, localBuild: false, json: false });

      expect(checkedCount(context.aws.requests)).toBeGreaterThanOrEqual(12);
      expect(problemsOf(context.aws.requests)).toEqual([]);
    },
  );

  it('register-managed with a JWT- and an IAM-authorized runtime target', async () => {
    const cwd = projectWithTargets({
      weather: invocationUrlOf(JWT_RUNTIME_ARN),
      billing: invocationUrlOf(IAM_RUNTIME_ARN),
    });
    const context = testContext({ cwd, dryRun: true });

    await registerManagedGateway({ name: `g${'w'.repeat(99)}` }, context);

    expect(checkedCount(context.aws.requests)).toBeGreaterThanOrEqual(5);
    expect(problemsOf(context.aws.requests)).toEqual([]);
  });

  it('the checks catch what AWS refuses', () => {
    const refused = problemsOf([
      {
        service: 'bedrock-agentcore',
        operation: 'CreateAgentRuntime',
        input: {
          agentRuntimeName: 'my__server',
          requestHeaderConfiguration: { requestHeaderAllowlist: ['1-Tenant', '_trace'] },
          authorizerConfiguration: {
            customJWTAuthorizer: {
              customClaims: [
                {
                  inboundTokenClaimName: 'dept-name',
                  authorizingClaimMatchValue: {
                    claimMatchValue: { matchValueStringList: ['R&D team'] },
                  },
                },
              ],
            },
          },
        },
      },
      {
        service: 'ecr',
        operation: 'CreateRepository',
        input: { repositoryName: 'agentcore-mcp/server_' },
      },
    ]);
    expect(refused.map((line) => line.split(':')[0])).toEqual([
      'CreateAgentRuntime requestHeaderAllowlist',
      'CreateAgentRuntime requestHeaderAllowlist',
      'CreateAgentRuntime claim name',
      'CreateAgentRuntime claim value',
      'CreateRepository repositoryName',
    ]);
  });
});
