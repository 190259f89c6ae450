/** An IAM policy document. */
export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly PolicyStatement[];
}

/** One IAM policy statement; `Sid` says why it is there. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: 'Allow';
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Principal?: { readonly Service: string };
  readonly Condition?: Record<string, Record<string, string>>;
}

/** Where a deployment's resources live. */
export interface PolicyScope {
  readonly account: string;
  readonly region: string;
  /** `aws`, or `aws-cn` / `aws-us-gov`. Default `aws`. */
  readonly partition?: string;
}

/**
 * Who may assume the runtime's execution role: only AgentCore, and only for this account's
 * runtimes in this region (the `aws:SourceAccount` / `aws:SourceArn` conditions stop the confused
 * deputy problem).
 */
export function runtimeTrustPolicy(scope: PolicyScope): PolicyDocument {
  const partition = scope.partition ?? 'aws';
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AgentCoreRuntimeAssumesThisRole',
        Effect: 'Allow',
        Principal: { Service: 'bedrock-agentcore.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': scope.account },
          ArnLike: {
            'aws:SourceArn': `arn:${partition}:bedrock-agentcore:${scope.region}:${scope.account}:*`,
          },
        },
      },
    ],
  };
}

/**
 * An AgentCore Identity OAuth2 credential provider (in the account's token vault) that a runtime's
 * code takes access tokens from for its outbound calls.
 */
export interface OutboundOauthProvider {
  /** The provider's name, as given to `CreateOauth2CredentialProvider`. */
  readonly name: string;
  /**
   * The provider's ARN, as AgentCore Identity returned it. Default: the provider of that name in
   * the account's default token vault.
   */
  readonly arn?: string | undefined;
  /**
   * The Secrets Manager secret holding the provider's client secret: the `clientSecretArn.secretArn`
   * that `CreateOauth2CredentialProvider` returned.
   */
  readonly secretArn: string;
}

/** What {@link runtimeExecutionPolicy} scopes its statements to. */
export interface RuntimeExecutionPolicyNames {
  /** The runtime's ECR repository (its image is pulled from there only). */
  readonly ecrRepository: string;
  /** The runtime name (its workload identity is `<runtimeName>-<suffix>`). */
  readonly runtimeName: string;
  /**
   * The OAuth2 credential providers the runtime's code uses for outbound calls. Default: none, and
   * the policy grants no token-vault or Secrets Manager access.
   */
  readonly outboundOauthProviders?: readonly OutboundOauthProvider[] | undefined;
}

/**
 * The execution role's permissions: the least a runtime needs, each statement's `Sid` naming what
 * it enables. AgentCore uses the role to pull the image and to write the runtime's logs; the
 * container's code runs with it, so ADOT (observability) sends its traces and metrics with it.
 * Workload access tokens: AgentCore Runtime gets one for each invocation (GetWorkloadAccessToken*,
 * for the runtime's workload identity) and hands it to the code in a request header. Since October
 * 2025 it does so with its service-linked role `AWSServiceRoleForBedrockAgentCoreRuntimeIdentity`
 * (managed policy BedrockAgentCoreRuntimeIdentityServiceRolePolicy); the statement stays for
 * runtimes and accounts where AgentCore still uses the execution role for it. With
 * `outboundOauthProviders`, the code may exchange that token for the providers' OAuth2 access
 * tokens (GetResourceOauth2Token), which also needs read access to each provider's client secret.
 * No Bedrock models, no other repositories, no other secrets.
 *
 * @param scope - Account, region, partition.
 * @param names - The ECR repository, the runtime name, and the OAuth2 providers (default none).
 * @returns The policy document.
 * @example
 * ```ts
 * runtimeExecutionPolicy(scope, { ecrRepository: 'agentcore-mcp/weather', runtimeName: 'weather' });
 * ```
 */
export function runtimeExecutionPolicy(
  scope: PolicyScope,
  names: RuntimeExecutionPolicyNames,
): PolicyDocument {
  const partition = scope.partition ?? 'aws';
  const at = `${scope.region}:${scope.account}`;
  const logGroups = `arn:${partition}:logs:${at}:log-group:/aws/bedrock-agentcore/runtimes/*`;
  const directory = `arn:${partition}:bedrock-agentcore:${at}:workload-identity-directory/default`;
  const workloadIdentities = [directory, `${directory}/workload-identity/${names.runtimeName}-*`];
  const providers = names.outboundOauthProviders ?? [];
  const tokenVault = `arn:${partition}:bedrock-agentcore:${at}:token-vault/default`;
  return {
    Version: '2012-10-17',
    Statement: [
      // AgentCore pulls the runtime's image, from its own repository only.
      {
        Sid: 'PullTheRuntimeImage',
        Effect: 'Allow',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Resource: `arn:${partition}:ecr:${at}:repository/${names.ecrRepository}`,
      },
      // The ECR login token of that pull; the action has no resource-level permissions.
      {
        Sid: 'AuthenticateToEcr',
        Effect: 'Allow',
        Action: 'ecr:GetAuthorizationToken',
        Resource: '*',
      },
      // AgentCore creates the runtime's log group under /aws/bedrock-agentcore/runtimes/.
      {
        Sid: 'CreateTheRuntimeLogGroup',
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:DescribeLogStreams'],
        Resource: logGroups,
      },
      // Finding that log group (DescribeLogGroups is granted on the account's log groups).
      {
        Sid: 'FindLogGroups',
        Effect: 'Allow',
        Action: 'logs:DescribeLogGroups',
        Resource: `arn:${partition}:logs:${at}:log-group:*`,
      },
      // The container's stdout/stderr as log events, in the runtime log groups only.
      {
        Sid: 'WriteRuntimeLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `${logGroups}:log-stream:*`,
      },
      // ADOT (observability) sends spans to X-Ray and reads its sampling rules; no resource-level
      // permissions. Spans reach AgentCore observability only with Transaction Search on.
      {
        Sid: 'SendTraces',
        Effect: 'Allow',
        Action: [
          'xray:PutTraceSegments',
          'xray:PutTelemetryRecords',
          'xray:GetSamplingRules',
          'xray:GetSamplingTargets',
        ],
        Resource: '*',
      },
      // Metrics, in the bedrock-agentcore namespace only.
      {
        Sid: 'PublishAgentCoreMetrics',
        Effect: 'Allow',
        Action: 'cloudwatch:PutMetricData',
        Resource: '*',
        Condition: { StringEquals: { 'cloudwatch:namespace': 'bedrock-agentcore' } },
      },
      // The runtime's workload access token, obtained by AgentCore with the execution role where it
      // does not use its service-linked role AWSServiceRoleForBedrockAgentCoreRuntimeIdentity.
      {
        Sid: 'GetWorkloadAccessTokens',
        Effect: 'Allow',
        Action: [
          'bedrock-agentcore:GetWorkloadAccessToken',
          'bedrock-agentcore:GetWorkloadAccessTokenForJWT',
          'bedrock-agentcore:GetWorkloadAccessTokenForUserId',
        ],
        Resource: workloadIdentities,
      },
      ...(providers.length === 0
        ? []
        : [
            // The code exchanges its workload access token for the providers' OAuth2 tokens.
            {
              Sid: 'GetOutboundOauthTokens',
              Effect: 'Allow' as const,
              Action: 'bedrock-agentcore:GetResourceOauth2Token',
              Resource: [
                tokenVault,
                ...providers.map(
                  ({ name, arn }) => arn ?? `${tokenVault}/oauth2credentialprovider/${name}`,
                ),
                ...workloadIdentities,
              ],
            },
            // GetResourceOauth2Token also needs the caller to be allowed to read each provider's
            // client secret (the secret AgentCore Identity keeps it in), and no other secret.
            {
              Sid: 'ReadOutboundOauthClientSecrets',
              Effect: 'Allow' as const,
              Action: 'secretsmanager:GetSecretValue',
              Resource: providers.map(({ secretArn }) => secretArn),
            },
          ]),
    ],
  };
}

/** Who may assume the build role: only CodeBuild, only for this account. */
export function codeBuildTrustPolicy(scope: PolicyScope): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CodeBuildAssumesThisRole',
        Effect: 'Allow',
        Principal: { Service: 'codebuild.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': scope.account } },
      },
    ],
  };
}

/**
 * What the image build needs: read its source archive, push to its own repository, write its build
 * log.
 *
 * @param scope - Account, region, partition.
 * @param names - Repository, bucket, source key and project.
 */
export function codeBuildPolicy(
  scope: PolicyScope,
  names: {
    ecrRepository: string;
    sourceBucket: string;
    sourceKey: string;
    codeBuildProject: string;
  },
): PolicyDocument {
  const partition = scope.partition ?? 'aws';
  const at = `${scope.region}:${scope.account}`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadTheSourceArchive',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectVersion'],
        Resource: `arn:${partition}:s3:::${names.sourceBucket}/${names.sourceKey}`,
      },
      {
        Sid: 'AuthenticateToEcr',
        Effect: 'Allow',
        Action: 'ecr:GetAuthorizationToken',
        Resource: '*',
      },
      {
        Sid: 'PushTheImage',
        Effect: 'Allow',
        Action: [
          'ecr:BatchCheckLayerAvailability',
          'ecr:InitiateLayerUpload',
          'ecr:UploadLayerPart',
          'ecr:CompleteLayerUpload',
          'ecr:PutImage',
          'ecr:BatchGetImage',
          'ecr:GetDownloadUrlForLayer',
        ],
        Resource: `arn:${partition}:ecr:${at}:repository/${names.ecrRepository}`,
      },
      {
        Sid: 'WriteTheBuildLog',
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `arn:${partition}:logs:${at}:log-group:/aws/codebuild/${names.codeBuildProject}*`,
      },
    ],
  };
}
