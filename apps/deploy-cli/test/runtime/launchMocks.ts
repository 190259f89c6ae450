import {
  BedrockAgentCoreControlClient,
  CreateAgentRuntimeCommand,
  GetAgentRuntimeCommand,
  GetAgentRuntimeEndpointCommand,
  ListAgentRuntimesCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import {
  BatchGetBuildsCommand,
  BatchGetProjectsCommand,
  CodeBuildClient,
  CreateProjectCommand,
  StartBuildCommand,
} from '@aws-sdk/client-codebuild';
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  RepositoryNotFoundException,
} from '@aws-sdk/client-ecr';
import {
  CreateRoleCommand,
  GetRoleCommand,
  IAMClient,
  NoSuchEntityException,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  NotFound,
  PutBucketLifecycleConfigurationCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { GetTraceSegmentDestinationCommand, XRayClient } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';

import { ACCOUNT, ECR_URI, NAMES, RUNTIME_ARN, RUNTIME_ID } from './launchedRuntimeFixture.js';

/** The mocked STS client (aws-sdk-client-mock mocks every instance of the class). */
export const sts = mockClient(STSClient);
/** The mocked ECR client. */
export const ecr = mockClient(ECRClient);
/** The mocked IAM client. */
export const iam = mockClient(IAMClient);
/** The mocked S3 client. */
export const s3 = mockClient(S3Client);
/** The mocked CodeBuild client. */
export const codeBuild = mockClient(CodeBuildClient);
/** The mocked CloudWatch Logs client. */
export const logs = mockClient(CloudWatchLogsClient);
/** The mocked AgentCore control-plane client. */
export const agentCore = mockClient(BedrockAgentCoreControlClient);
/** The mocked X-Ray client. */
export const xray = mockClient(XRayClient);

/** The image a launch at the test clock's time pushes. */
export const IMAGE = `${ECR_URI}:20261125-120000`;
/** The execution role {@link mockEverythingMissing} creates. */
export const EXECUTION_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${NAMES.executionRole}`;
/** The CodeBuild role {@link mockEverythingMissing} creates. */
export const BUILD_ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${NAMES.codeBuildRole}`;

/** Every mocked client of a launch, to reset or to check that none was called. */
export const LAUNCH_MOCKS = [sts, ecr, iam, s3, codeBuild, logs, agentCore, xray] as const;

/**
 * Mocks the AWS answers of a first launch through CodeBuild: nothing exists yet, the build
 * succeeds on its second poll, the runtime becomes READY, and Transaction Search is on.
 */
export function mockEverythingMissing(): void {
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:user/dev` });
  ecr
    .on(DescribeRepositoriesCommand)
    .rejects(new RepositoryNotFoundException({ message: 'not found', $metadata: {} }));
  ecr.on(CreateRepositoryCommand).resolves({ repository: { repositoryUri: ECR_URI } });
  iam
    .on(GetRoleCommand)
    .rejects(new NoSuchEntityException({ message: 'no such role', $metadata: {} }));
  iam
    .on(CreateRoleCommand, { RoleName: NAMES.executionRole })
    .resolves({ Role: { Arn: EXECUTION_ROLE_ARN } as never })
    .on(CreateRoleCommand, { RoleName: NAMES.codeBuildRole })
    .resolves({ Role: { Arn: BUILD_ROLE_ARN } as never });
  iam.on(PutRolePolicyCommand).resolves({});
  s3.on(HeadBucketCommand).rejects(new NotFound({ message: 'not found', $metadata: {} }));
  s3.on(CreateBucketCommand).resolves({});
  s3.on(PutPublicAccessBlockCommand).resolves({});
  s3.on(PutBucketLifecycleConfigurationCommand).resolves({});
  s3.on(PutObjectCommand).resolves({});
  codeBuild.on(BatchGetProjectsCommand).resolves({ projects: [] });
  codeBuild.on(CreateProjectCommand).resolves({});
  codeBuild.on(StartBuildCommand).resolves({ build: { id: 'build:1' } });
  codeBuild
    .on(BatchGetBuildsCommand)
    .resolvesOnce({
      builds: [{ id: 'build:1', currentPhase: 'BUILD', buildStatus: 'IN_PROGRESS' }],
    })
    .resolves({ builds: [{ id: 'build:1', currentPhase: 'COMPLETED', buildStatus: 'SUCCEEDED' }] });
  agentCore.on(ListAgentRuntimesCommand).resolves({ agentRuntimes: [] });
  agentCore.on(CreateAgentRuntimeCommand).resolves({
    agentRuntimeId: RUNTIME_ID,
    agentRuntimeArn: RUNTIME_ARN,
    agentRuntimeVersion: '1',
    status: 'CREATING',
  });
  agentCore
    .on(GetAgentRuntimeCommand)
    .resolvesOnce({ status: 'CREATING' })
    .resolves({ status: 'READY' });
  agentCore.on(GetAgentRuntimeEndpointCommand).resolves({ status: 'READY' });
  // Transaction Search is on (the observability tests below change that).
  xray
    .on(GetTraceSegmentDestinationCommand)
    .resolves({ Destination: 'CloudWatchLogs', Status: 'ACTIVE' });
}
