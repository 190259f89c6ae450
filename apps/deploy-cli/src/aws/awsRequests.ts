import { toAwsRequestError } from './toAwsRequestError.js';

/** One AWS request as `--dry-run` prints it. */
export interface RecordedAwsRequest {
  /** The IAM service prefix, e.g. `ecr`. */
  readonly service: string;
  /** The operation, e.g. `CreateRepository`. */
  readonly operation: string;
  /**
   * The request's input as it would be sent, except that the value of every secret field
   * ({@link redactSecretFields}) reads `<redacted>`: dry runs print it, tests read it.
   */
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
  XRay: 'xray',
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
      requests.push({ service, operation, input: redactSecretFields(command.input) });
      if (options.dryRun) return dryRunResult();
      try {
        return (await client.send(command as never)) as TOutput;
      } catch (error) {
        throw toAwsRequestError({ service, operation, region: options.region }, error);
      }
    },
  };
}

/** Field names whose values are secrets: `clientSecret`, `Password`, `SecretString`, `apiKey`, … */
const SECRET_FIELD = /(?:secret|password|secretstring|apikey|privatekey)$/i;

/** What a secret field's value is replaced with in a recorded request. */
export const REDACTED = '<redacted>';

/**
 * A copy of a request input in which the value of every field named like a secret (`clientSecret`,
 * `Password`, `TemporaryPassword`, `SecretString`, `apiKey`, `privateKey`, in any case, at any
 * depth) is {@link REDACTED}, so `--dry-run` never prints one. ARNs and ids of secrets
 * (`clientSecretArn`, `secretId`) are kept. The SDK still sends the original input.
 *
 * @param input - A command's input.
 * @returns A copy of the input (plain objects and arrays copied, other values kept) with the
 *   secret values replaced.
 * @example
 * ```ts
 * redactSecretFields({ clientId: 'abc', clientSecret: 's3cr3t' });
 * // { clientId: 'abc', clientSecret: '<redacted>' }
 * ```
 */
export function redactSecretFields(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(redactSecretFields);
  if (input === null || typeof input !== 'object' || !isPlainObject(input)) return input;
  return Object.fromEntries(
    Object.entries(input).map(([key, value]) => [
      key,
      SECRET_FIELD.test(key) && value !== undefined ? REDACTED : redactSecretFields(value),
    ]),
  );
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
