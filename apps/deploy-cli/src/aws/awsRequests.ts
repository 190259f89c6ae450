import { toAwsRequestError } from './toAwsRequestError.js';

/** One AWS request as `--dry-run` prints it. */
export interface RecordedAwsRequest {
  /** The IAM service prefix, e.g. `ecr`. */
  readonly service: string;
  /** The operation, e.g. `CreateRepository`. */
  readonly operation: string;
  /** The request's input, exactly as it would be sent. */
  readonly input: unknown;
}

/** Any AWS SDK v3 client: what {@link AwsRequests.send} needs of it. */
export interface SdkClientLike {
  readonly config: { readonly serviceId?: string };
  send(command: never): Promise<unknown>;
}

/** Any AWS SDK v3 command. */
export interface SdkCommandLike<TInput extends object> {
  readonly input: TInput;
}

/** Sends (or, in a dry run, records) every AWS request of the deployment commands. */
export interface AwsRequests {
  /** `--dry-run`: nothing is sent; every request is recorded. */
  readonly dryRun: boolean;
  /** The requests sent or recorded, in order. */
  readonly requests: readonly RecordedAwsRequest[];
  /**
   * Sends one command. Failures become one-line `AwsRequestError`s naming the missing permission
   * or the fix. In a dry run the command is recorded and `dryRunResult()` is returned instead:
   * what the caller should assume (usually "does not exist yet", so the plan shows the full path).
   */
  send<TOutput>(
    client: SdkClientLike,
    command: SdkCommandLike<object>,
    dryRunResult: () => TOutput,
  ): Promise<TOutput>;
}

/** The IAM prefix of each SDK client's `serviceId`. */
const IAM_PREFIXES: Readonly<Record<string, string>> = {
  'Bedrock AgentCore Control': 'bedrock-agentcore',
  ECR: 'ecr',
  IAM: 'iam',
  S3: 's3',
  CodeBuild: 'codebuild',
  'CloudWatch Logs': 'logs',
  STS: 'sts',
  'Cognito Identity Provider': 'cognito-idp',
};

/**
 * Creates the request sender of one command run.
 *
 * @param options - `dryRun` and the region (for error hints).
 */
export function createAwsRequests(options: { dryRun: boolean; region: string }): AwsRequests {
  const requests: RecordedAwsRequest[] = [];
  return {
    dryRun: options.dryRun,
    requests,
    async send<TOutput>(
      client: SdkClientLike,
      command: SdkCommandLike<object>,
      dryRunResult: () => TOutput,
    ): Promise<TOutput> {
      const serviceId = client.config.serviceId ?? 'unknown';
      const service = IAM_PREFIXES[serviceId] ?? serviceId.toLowerCase();
      const operation = command.constructor.name.replace(/Command$/, '');
      requests.push({ service, operation, input: command.input });
      if (options.dryRun) return dryRunResult();
      try {
        return (await client.send(command as never)) as TOutput;
      } catch (error) {
        throw toAwsRequestError({ service, operation, region: options.region }, error);
      }
    },
  };
}
