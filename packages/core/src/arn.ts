import { AgentCoreMcpError } from './errors.js';
import { quoteInput } from './internal/quoteInput.js';
import { isAwsRegion } from './region.js';

/** The AWS partitions an AgentCore runtime ARN may name. */
export type AwsPartition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The parts of an AgentCore runtime ARN, as returned by {@link parseRuntimeArn}. */
export interface RuntimeArn {
  /** The AWS partition, e.g. `aws`. */
  readonly partition: AwsPartition;
  /** The AWS region, e.g. `us-west-2`. */
  readonly region: string;
  /** The 12-digit AWS account id. */
  readonly accountId: string;
  /** The runtime id, e.g. `my_server-AbCdEf1234` (the runtime name, a hyphen, 10 characters). */
  readonly runtimeId: string;
  /** The whole ARN, exactly as given. */
  readonly arn: string;
}

/** Options for {@link formatRuntimeArn}. */
export interface FormatRuntimeArnOptions {
  /** The AWS region, e.g. `us-east-1`. Required. */
  region: string;
  /** The 12-digit AWS account id. Required. */
  accountId: string;
  /** The runtime id returned by CreateAgentRuntime, e.g. `my_server-AbCdEf1234`. Required. */
  runtimeId: string;
  /** The AWS partition. Default: `'aws'`. */
  partition?: AwsPartition;
}

const EXPECTED_SHAPE = 'expected arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>';
const PARTITIONS: readonly AwsPartition[] = ['aws', 'aws-cn', 'aws-us-gov'];
const ACCOUNT_PATTERN = /^\d{12}$/;
const RUNTIME_ID_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}$/;

/** The six colon-separated fields of an ARN, once their count is checked. */
type ArnFields = [string, string, string, string, string, string];

type CheckResult = { ok: true; value: RuntimeArn } | { ok: false; problem: string };

/**
 * Parses an AgentCore runtime ARN, `arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>`, into
 * its parts. The id must be a real runtime id (`<name>-<10 letters or digits>`), and the region must
 * belong to the partition (`cn-*` with `aws-cn`, `us-gov-*` with `aws-us-gov`).
 *
 * @param arn - The runtime ARN, as printed by `agentcore-mcp launch` or the AWS console.
 * @returns The parsed parts, with the original string in `arn`.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_ARN` when the ARN is malformed; the message names
 *   the part that is wrong (partition, service, region, account, resource type or id).
 * @example
 * ```ts
 * const { region, runtimeId } = parseRuntimeArn(
 *   'arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_server-AbCdEf1234',
 * );
 * // region === 'us-west-2', runtimeId === 'my_server-AbCdEf1234'
 * ```
 */
export function parseRuntimeArn(arn: string): RuntimeArn {
  const result = checkRuntimeArn(arn);
  if (result.ok) return result.value;
  throw new AgentCoreMcpError(
    'ERR_INVALID_ARN',
    `Invalid runtime ARN ${quoteInput(arn)}: ${result.problem}`,
  );
}

/**
 * Builds a runtime ARN from its parts; the inverse of {@link parseRuntimeArn}.
 *
 * @param options - The region, account id, runtime id and (optionally) partition.
 * @returns The ARN string.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_ARN` when a part is malformed; the message names it.
 * @example
 * ```ts
 * formatRuntimeArn({ region: 'us-east-1', accountId: '123456789012', runtimeId: 'my_server-AbCdEf1234' });
 * // 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/my_server-AbCdEf1234'
 * ```
 */
export function formatRuntimeArn(options: FormatRuntimeArnOptions): string {
  const { region, accountId, runtimeId, partition = 'aws' } = options;
  return parseRuntimeArn(
    `arn:${partition}:bedrock-agentcore:${region}:${accountId}:runtime/${runtimeId}`,
  ).arn;
}

/**
 * Tells whether a value is a well-formed runtime ARN; the non-throwing form of
 * {@link parseRuntimeArn}.
 *
 * @param value - Anything.
 * @returns `true` when `value` is a string that {@link parseRuntimeArn} accepts.
 * @example
 * ```ts
 * if (isRuntimeArn(input)) console.log(parseRuntimeArn(input).region);
 * ```
 */
export function isRuntimeArn(value: unknown): value is string {
  return typeof value === 'string' && checkRuntimeArn(value).ok;
}

function checkRuntimeArn(arn: unknown): CheckResult {
  if (typeof arn !== 'string') return fail(`an ARN must be a string; ${EXPECTED_SHAPE}`);
  if (arn.trim() !== arn) return fail('remove the leading or trailing whitespace');
  const parts = arn.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn') return fail(EXPECTED_SHAPE);
  const [, partition, service, region, accountId, resource] = parts as ArnFields;
  if (!isPartition(partition)) {
    return fail(`partition ${quoteInput(partition)} must be one of ${PARTITIONS.join(', ')}`);
  }
  if (service !== 'bedrock-agentcore') {
    return fail(`service ${quoteInput(service)} must be "bedrock-agentcore"; ${EXPECTED_SHAPE}`);
  }
  const regionProblem = describeRegionProblem(region, partition);
  if (regionProblem !== undefined) return fail(regionProblem);
  if (!ACCOUNT_PATTERN.test(accountId)) {
    return fail(`account ${quoteInput(accountId)} must be 12 digits`);
  }
  const slash = resource.indexOf('/');
  const resourceType = slash === -1 ? resource : resource.slice(0, slash);
  if (resourceType !== 'runtime') {
    return fail(`resource type ${quoteInput(resourceType)} must be "runtime"; ${EXPECTED_SHAPE}`);
  }
  if (slash === -1) return fail(`the runtime id is missing; ${EXPECTED_SHAPE}`);
  const runtimeId = resource.slice(slash + 1);
  if (runtimeId.includes('/runtime-endpoint/')) {
    return fail(
      'this is a runtime endpoint ARN; drop the "/runtime-endpoint/<name>" suffix and pass <name> as the qualifier',
    );
  }
  if (!RUNTIME_ID_PATTERN.test(runtimeId)) {
    return fail(
      `runtime id ${quoteInput(runtimeId)} must be <name>-<10 letters or digits>, e.g. my_server-AbCdEf1234`,
    );
  }
  return { ok: true, value: { partition, region, accountId, runtimeId, arn } };
}

function describeRegionProblem(region: string, partition: AwsPartition): string | undefined {
  if (!isAwsRegion(region)) {
    return `region ${quoteInput(region)} is not an AWS region name such as us-east-1`;
  }
  const expected = region.startsWith('cn-')
    ? 'aws-cn'
    : region.startsWith('us-gov-')
      ? 'aws-us-gov'
      : 'aws';
  if (expected === partition) return undefined;
  return `region "${region}" belongs to partition "${expected}", not "${partition}"; start the ARN with arn:${expected}:`;
}

function isPartition(value: string): value is AwsPartition {
  return PARTITIONS.includes(value as AwsPartition);
}

function fail(problem: string): CheckResult {
  return { ok: false, problem };
}
