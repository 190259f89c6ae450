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
 * The least the runtime needs, each statement named for its reason: pull its own image, write its
 * logs, send traces and metrics (AgentCore observability), and get workload access tokens (AgentCore
 * Identity, for outbound OAuth). Nothing else: no Bedrock models, no other repositories.
 *
 * @param scope - Account, region, partition.
 * @param names - The ECR repository and runtime name.
 */
export function runtimeExecutionPolicy(
  scope: PolicyScope,
  names: { ecrRepository: string; runtimeName: string },
): PolicyDocument {
  const partition = scope.partition ?? 'aws';
  const at = `${scope.region}:${scope.account}`;
  const logGroups = `arn:${partition}:logs:${at}:log-group:/aws/bedrock-agentcore/runtimes/*`;
  const identity = `arn:${partition}:bedrock-agentcore:${at}:workload-identity-directory/default`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PullTheRuntimeImage',
        Effect: 'Allow',
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Resource: `arn:${partition}:ecr:${at}:repository/${names.ecrRepository}`,
      },
      {
        Sid: 'AuthenticateToEcr',
        Effect: 'Allow',
        Action: 'ecr:GetAuthorizationToken',
        Resource: '*',
      },
      {
        Sid: 'CreateTheRuntimeLogGroup',
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:DescribeLogStreams'],
        Resource: logGroups,
      },
      {
        Sid: 'FindLogGroups',
        Effect: 'Allow',
        Action: 'logs:DescribeLogGroups',
        Resource: `arn:${partition}:logs:${at}:log-group:*`,
      },
      {
        Sid: 'WriteRuntimeLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: `${logGroups}:log-stream:*`,
      },
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
      {
        Sid: 'PublishAgentCoreMetrics',
        Effect: 'Allow',
        Action: 'cloudwatch:PutMetricData',
        Resource: '*',
        Condition: { StringEquals: { 'cloudwatch:namespace': 'bedrock-agentcore' } },
      },
      {
        Sid: 'GetWorkloadAccessTokens',
        Effect: 'Allow',
        Action: [
          'bedrock-agentcore:GetWorkloadAccessToken',
          'bedrock-agentcore:GetWorkloadAccessTokenForJWT',
          'bedrock-agentcore:GetWorkloadAccessTokenForUserId',
        ],
        Resource: [identity, `${identity}/workload-identity/${names.runtimeName}-*`],
      },
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
