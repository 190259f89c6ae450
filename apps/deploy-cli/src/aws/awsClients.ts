import { BedrockAgentCoreControlClient } from '@aws-sdk/client-bedrock-agentcore-control';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CodeBuildClient } from '@aws-sdk/client-codebuild';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ECRClient } from '@aws-sdk/client-ecr';
import { IAMClient } from '@aws-sdk/client-iam';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { XRayClient } from '@aws-sdk/client-xray';

/** Where AWS requests go. */
export interface AwsTarget {
  /** The region, e.g. `us-east-1`. */
  readonly region: string;
  /** A named profile from ~/.aws (`--profile`); default: the standard credential chain. */
  readonly profile?: string | undefined;
}

/** The SDK clients of the deployment commands, created on first use. */
export interface AwsClients {
  readonly target: AwsTarget;
  readonly agentCore: BedrockAgentCoreControlClient;
  readonly ecr: ECRClient;
  readonly iam: IAMClient;
  readonly s3: S3Client;
  readonly codeBuild: CodeBuildClient;
  readonly logs: CloudWatchLogsClient;
  readonly sts: STSClient;
  readonly cognito: CognitoIdentityProviderClient;
  /** X-Ray: the CloudWatch Transaction Search check and set-up of `launch` with observability. */
  readonly xray: XRayClient;
}

/** Attempts per request: throttling and transient errors are retried with backoff (adaptive mode). */
const MAX_ATTEMPTS = 6;

/**
 * Creates the AWS SDK v3 clients for one region and profile. Credentials come from the standard
 * chain (env, SSO, profile, instance role); throttling is retried (adaptive retry mode, 6
 * attempts). Send through {@link AwsRequests}, which turns failures into one-line errors.
 *
 * @param target - Region and optional profile.
 * @returns Lazily created clients.
 */
export function createAwsClients(target: AwsTarget): AwsClients {
  const config = {
    region: target.region,
    maxAttempts: MAX_ATTEMPTS,
    retryMode: 'adaptive',
    ...(target.profile ? { profile: target.profile } : {}),
  };
  const cache = new Map<string, unknown>();
  const lazy = <T>(key: string, create: () => T): T => {
    let client = cache.get(key) as T | undefined;
    if (client === undefined) {
      client = create();
      cache.set(key, client);
    }
    return client;
  };
  return {
    target,
    get agentCore() {
      return lazy('agentCore', () => new BedrockAgentCoreControlClient(config));
    },
    get ecr() {
      return lazy('ecr', () => new ECRClient(config));
    },
    get iam() {
      return lazy('iam', () => new IAMClient(config));
    },
    get s3() {
      return lazy('s3', () => new S3Client(config));
    },
    get codeBuild() {
      return lazy('codeBuild', () => new CodeBuildClient(config));
    },
    get logs() {
      return lazy('logs', () => new CloudWatchLogsClient(config));
    },
    get sts() {
      return lazy('sts', () => new STSClient(config));
    },
    get cognito() {
      return lazy('cognito', () => new CognitoIdentityProviderClient(config));
    },
    get xray() {
      return lazy('xray', () => new XRayClient(config));
    },
  };
}
