import { AGENTCORE_RULES, type AwsStringRule, findAwsStringProblem } from '@agentcore-mcp/core';

import { AWS_NAME_RULES } from '../../src/aws/awsNameRules.js';
import type { RecordedAwsRequest } from '../../src/aws/awsRequests.js';

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
const providers = (input: Input): Input[] =>
  each('credentialProviderConfigurations')(input).map(
    (item) => ((item as Input).credentialProvider ?? {}) as Input,
  );
/** The log groups a policy document (JSON text) names in `log-group:` ARNs, wildcards dropped. */
const logGroupsIn =
  (key: string) =>
  (input: Input): unknown[] =>
    [...(typeof input[key] === 'string' ? input[key] : '').matchAll(/log-group:([^":*]*)/g)]
      .map(([, group = '']) => group)
      .filter((group) => group !== '');

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

/** What CreateGatewayTarget and UpdateGatewayTarget both carry. */
const TARGET_CHECKS: RuleChecks = [
  ['name', at('name'), AWS_NAME_RULES.gatewayTargetName],
  [
    'OAuth scope',
    (input) =>
      providers(input).flatMap(
        (provider) =>
          ((provider.oauthCredentialProvider as Input | undefined)?.scopes as unknown[]) ?? [],
      ),
    AWS_NAME_RULES.oauthScope,
  ],
  [
    'API key header',
    (input) =>
      providers(input).flatMap((provider) =>
        at('apiKeyCredentialProvider', 'credentialParameterName')(provider),
      ),
    AWS_NAME_RULES.apiKeyParameterName,
  ],
];

const role: RuleChecks = [['RoleName', at('RoleName'), AWS_NAME_RULES.iamRole]];
const bucket: RuleChecks = [['Bucket', at('Bucket'), AWS_NAME_RULES.s3Bucket]];
const provider: RuleChecks = [['name', at('name'), AWS_NAME_RULES.credentialProviderName]];

/**
 * Every constrained string the CLI's requests carry, by operation, with the AWS model rule (as
 * data: shape, pattern, min, max) it must satisfy.
 */
export const CHECKS: Readonly<Record<string, RuleChecks>> = {
  'ecr:CreateRepository': [['repositoryName', at('repositoryName'), AWS_NAME_RULES.ecrRepository]],
  'ecr:DescribeRepositories': [
    ['repositoryNames', each('repositoryNames'), AWS_NAME_RULES.ecrRepository],
  ],
  'ecr:DeleteRepository': [['repositoryName', at('repositoryName'), AWS_NAME_RULES.ecrRepository]],
  'iam:GetRole': role,
  'iam:CreateRole': role,
  'iam:UpdateAssumeRolePolicy': role,
  'iam:ListRolePolicies': role,
  'iam:ListAttachedRolePolicies': role,
  'iam:DeleteRole': role,
  'iam:DeleteRolePolicy': [...role, ['PolicyName', at('PolicyName'), AWS_NAME_RULES.iamPolicy]],
  'iam:PutRolePolicy': [
    ...role,
    ['PolicyName', at('PolicyName'), AWS_NAME_RULES.iamPolicy],
    ['log group in the policy', logGroupsIn('PolicyDocument'), AWS_NAME_RULES.logGroup],
  ],
  's3:HeadBucket': bucket,
  's3:CreateBucket': bucket,
  's3:PutPublicAccessBlock': bucket,
  's3:PutBucketLifecycleConfiguration': bucket,
  's3:PutObject': [...bucket, ['Key', at('Key'), AWS_NAME_RULES.s3Key]],
  's3:DeleteObject': [...bucket, ['Key', at('Key'), AWS_NAME_RULES.s3Key]],
  'codebuild:BatchGetProjects': [['names', each('names'), AWS_NAME_RULES.codeBuildProject]],
  'codebuild:CreateProject': [['name', at('name'), AWS_NAME_RULES.codeBuildProject]],
  'codebuild:UpdateProject': [['name', at('name'), AWS_NAME_RULES.codeBuildProject]],
  'codebuild:StartBuild': [['projectName', at('projectName'), AWS_NAME_RULES.codeBuildProject]],
  'codebuild:DeleteProject': [['name', at('name'), AWS_NAME_RULES.codeBuildProject]],
  'logs:GetLogEvents': [['logGroupName', at('logGroupName'), AWS_NAME_RULES.logGroup]],
  'logs:FilterLogEvents': [['logGroupName', at('logGroupName'), AWS_NAME_RULES.logGroup]],
  'logs:DescribeLogGroups': [
    ['logGroupNamePrefix', at('logGroupNamePrefix'), AWS_NAME_RULES.logGroup],
  ],
  'logs:PutResourcePolicy': [
    ['log group in the policy', logGroupsIn('policyDocument'), AWS_NAME_RULES.logGroup],
  ],
  'bedrock-agentcore:CreateAgentRuntime': [
    ['agentRuntimeName', at('agentRuntimeName'), AGENTCORE_RULES.runtimeName],
    ...RUNTIME_CHECKS,
  ],
  'bedrock-agentcore:UpdateAgentRuntime': RUNTIME_CHECKS,
  'bedrock-agentcore:CreateGateway': [['name', at('name'), AWS_NAME_RULES.gatewayName]],
  'bedrock-agentcore:CreateGatewayTarget': [
    ...TARGET_CHECKS,
    ['description', at('description'), AWS_NAME_RULES.gatewayTargetDescription],
  ],
  'bedrock-agentcore:UpdateGatewayTarget': TARGET_CHECKS,
  'bedrock-agentcore:GetOauth2CredentialProvider': provider,
  'bedrock-agentcore:CreateOauth2CredentialProvider': provider,
  'bedrock-agentcore:UpdateOauth2CredentialProvider': provider,
  'bedrock-agentcore:DeleteOauth2CredentialProvider': provider,
  'bedrock-agentcore:GetApiKeyCredentialProvider': provider,
};

/**
 * `operation field: problem` for every value of the requests that breaks its AWS rule.
 *
 * @param requests - Recorded requests (a dry-run plan, or what a mocked run sent).
 * @returns The problems; empty when AWS would accept every checked value.
 */
export function problemsOf(requests: readonly RecordedAwsRequest[]): string[] {
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

/**
 * The values the checks looked at, as `service:Operation field`, so a test can say which it
 * covered.
 *
 * @param requests - Recorded requests.
 * @returns One entry per checked value.
 */
export function checkedFields(requests: readonly RecordedAwsRequest[]): string[] {
  return requests.flatMap(({ service, operation, input }) =>
    (CHECKS[`${service}:${operation}`] ?? []).flatMap(([field, values]) =>
      values(input as Input).map(() => `${service}:${operation} ${field}`),
    ),
  );
}
