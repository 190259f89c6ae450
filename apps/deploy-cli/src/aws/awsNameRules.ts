import type { AwsStringRule } from '@agentcore-mcp/core';

/** An ECR repository path: lowercase words joined by one `.`, `_` or `-`, in `/`-separated parts. */
const REPOSITORY_PATH = '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*';

/**
 * The AWS model rules for the names the CLI derives for its own resources (ECR, IAM, CodeBuild,
 * S3, CloudWatch Logs, managed gateways and their targets, AgentCore Identity credential
 * providers) and for the values users give it for them (credential provider names, OAuth scopes,
 * API key header names). Core holds the
 * AgentCore rules for the values users write (`AGENTCORE_RULES`: runtime names, header allowlists,
 * claims); these are the CLI's, beside the code that names the resources
 * (`project/resourceNames.ts`). Patterns are whole-value matches.
 */
export const AWS_NAME_RULES = {
  /** `CreateRepository.repositoryName`. */
  ecrRepository: {
    shape: 'ecr#RepositoryName',
    modelPattern: REPOSITORY_PATH,
    pattern: new RegExp(`^${REPOSITORY_PATH}$`),
    min: 2,
    max: 256,
  },
  /** `CreateAgentRuntime.agentRuntimeArtifact.containerConfiguration.containerUri`. */
  containerUri: {
    shape: 'bedrock-agentcore-control#RuntimeContainerUri',
    modelPattern: `[0-9]{12}\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/(${REPOSITORY_PATH})([:@]\\S+)`,
    pattern: new RegExp(
      `^[0-9]{12}\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com/(${REPOSITORY_PATH})([:@]\\S+)$`,
    ),
    min: 1,
    max: 1024,
  },
  /** `CreateRole.RoleName`. */
  iamRole: {
    shape: 'iam#roleNameType',
    modelPattern: '[\\w+=,.@-]+',
    pattern: /^[\w+=,.@-]+$/,
    min: 1,
    max: 64,
  },
  /** `PutRolePolicy.PolicyName`. */
  iamPolicy: {
    shape: 'iam#policyNameType',
    modelPattern: '[\\w+=,.@-]+',
    pattern: /^[\w+=,.@-]+$/,
    min: 1,
    max: 128,
  },
  /** `CreateProject.name`. */
  codeBuildProject: {
    shape: 'codebuild#ProjectName',
    modelPattern: '[A-Za-z0-9][A-Za-z0-9\\-_]{1,254}',
    pattern: /^[A-Za-z0-9][A-Za-z0-9\-_]{1,254}$/,
    min: 2,
    max: 255,
  },
  /** `CreateBucket.Bucket`: the model has no pattern; these are S3's documented naming rules. */
  s3Bucket: {
    shape: 's3#BucketName (S3 bucket naming rules)',
    modelPattern: '[a-z0-9][a-z0-9.-]*[a-z0-9]',
    pattern: /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/,
    min: 3,
    max: 63,
  },
  /** `PutObject.Key`. */
  s3Key: { shape: 's3#ObjectKey', min: 1, max: 1024 },
  /** `FilterLogEvents.logGroupName`. */
  logGroup: {
    shape: 'logs#LogGroupName',
    modelPattern: '[\\.\\-_/#A-Za-z0-9]+',
    pattern: /^[.\-_/#A-Za-z0-9]+$/,
    min: 1,
    max: 512,
  },
  /**
   * `CreateGateway.name`. The model constrains it by the pattern only: at most 100 letters or
   * digits, each followed by at most one hyphen, hence 1 to 200 characters.
   */
  gatewayName: {
    shape: 'bedrock-agentcore-control#GatewayName',
    modelPattern: '([0-9a-zA-Z][-]?){1,100}',
    pattern: /^([0-9a-zA-Z][-]?){1,100}$/,
    min: 1,
    max: 200,
  },
  /** `CreateGatewayTarget.name` and `UpdateGatewayTarget.name`: the same rule as gateway names. */
  gatewayTargetName: {
    shape: 'bedrock-agentcore-control#TargetName',
    modelPattern: '([0-9a-zA-Z][-]?){1,100}',
    pattern: /^([0-9a-zA-Z][-]?){1,100}$/,
    min: 1,
    max: 200,
  },
  /** `CreateGatewayTarget.description`. */
  gatewayTargetDescription: {
    shape: 'bedrock-agentcore-control#TargetDescription',
    min: 1,
    max: 200,
  },
  /**
   * The name of an AgentCore Identity credential provider, OAuth2 or API key
   * (`CreateOauth2CredentialProvider.name`, `GetApiKeyCredentialProvider.name`; the SDK's types
   * carry no pattern; these are the API reference's constraints for the shape).
   */
  credentialProviderName: {
    shape: 'bedrock-agentcore-control#CredentialProviderName',
    modelPattern: '[a-zA-Z0-9\\-_]+',
    pattern: /^[a-zA-Z0-9\-_]+$/,
    min: 1,
    max: 128,
  },
  /** Each `credentialProviderConfigurations[].credentialProvider.oauthCredentialProvider.scopes` item. */
  oauthScope: {
    shape: 'bedrock-agentcore-control#OAuthCredentialProvider$scopes (each item)',
    min: 1,
    max: 64,
  },
  /** `credentialProviderConfigurations[].credentialProvider.apiKeyCredentialProvider.credentialParameterName`. */
  apiKeyParameterName: {
    shape: 'bedrock-agentcore-control#GatewayApiKeyCredentialProvider$credentialParameterName',
    min: 1,
    max: 64,
  },
} as const satisfies Record<string, AwsStringRule>;
