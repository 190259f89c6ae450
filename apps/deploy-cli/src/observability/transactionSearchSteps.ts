import {
  DescribeResourcePoliciesCommand,
  type DescribeResourcePoliciesCommandOutput,
  PutResourcePolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  GetIndexingRulesCommand,
  type GetIndexingRulesCommandOutput,
  GetTraceSegmentDestinationCommand,
  type GetTraceSegmentDestinationCommandOutput,
  UpdateIndexingRuleCommand,
  UpdateTraceSegmentDestinationCommand,
} from '@aws-sdk/client-xray';

import type { AwsContext } from '../aws/awsContext.js';
import type { PolicyScope } from '../iam/iamPolicies.js';
import {
  TRANSACTION_SEARCH_POLICY_NAME,
  transactionSearchResourcePolicy,
} from './transactionSearchPolicy.js';

/**
 * The share of spans X-Ray indexes as trace summaries once Transaction Search is on. 1% is the
 * default AWS documents and is free of charge; every span is still stored in `aws/spans` and
 * searchable. A percentage the account already set (any value) is left alone.
 */
export const DEFAULT_INDEXED_SPANS_PERCENT = 1;

/** The account's default indexing rule, the one `--enable-transaction-search` sets. */
const DEFAULT_INDEXING_RULE = 'Default';

/** Where X-Ray sends the spans it receives, as `GetTraceSegmentDestination` reports it. */
export interface TraceSegmentDestination {
  /** `CloudWatchLogs` when Transaction Search is on, `XRay` when it is off. */
  readonly destination: string;
  /** `ACTIVE`, or `PENDING` while a switch takes effect. */
  readonly status: string;
}

/**
 * Asks X-Ray where spans go (`xray:GetTraceSegmentDestination`). A dry run assumes `XRay`, so the
 * plan shows every step `--enable-transaction-search` may take.
 *
 * @param context - The AWS context.
 * @returns The destination and its status.
 * @throws `AwsRequestError` (e.g. AccessDenied naming `xray:GetTraceSegmentDestination`).
 * @example
 * ```ts
 * const { destination } = await readTraceSegmentDestination(context);
 * ```
 */
export async function readTraceSegmentDestination(
  context: AwsContext,
): Promise<TraceSegmentDestination> {
  const output = await context.aws.send<Partial<GetTraceSegmentDestinationCommandOutput>>(
    context.clients.xray,
    new GetTraceSegmentDestinationCommand({}),
    () => ({ Destination: 'XRay', Status: 'ACTIVE' }),
  );
  return { destination: output.Destination ?? 'XRay', status: output.Status ?? 'ACTIVE' };
}

/**
 * Whether Transaction Search is on: spans go to CloudWatch Logs. `PENDING` counts as on: the
 * switch was made and takes effect by itself; switching again would change nothing.
 *
 * @param destination - What {@link readTraceSegmentDestination} returned.
 * @returns `true` when the destination is `CloudWatchLogs`, `ACTIVE` or `PENDING`.
 * @example
 * ```ts
 * isTransactionSearchOn({ destination: 'CloudWatchLogs', status: 'PENDING' }); // true
 * ```
 */
export function isTransactionSearchOn(destination: TraceSegmentDestination): boolean {
  return destination.destination === 'CloudWatchLogs';
}

/**
 * Creates the CloudWatch Logs resource policy {@link TRANSACTION_SEARCH_POLICY_NAME} unless a
 * policy of that name exists (`logs:DescribeResourcePolicies`, then `logs:PutResourcePolicy`).
 * An existing policy is not rewritten: an account has at most 10 of them per region, and its
 * owner may have changed it on purpose.
 *
 * @param context - The AWS context.
 * @param scope - Account, region, partition (the policy's ARNs).
 * @returns `true` when it created the policy (in a dry run: when it would).
 * @throws `AwsRequestError` (AccessDenied names the permission; LimitExceeded the quota).
 * @example
 * ```ts
 * await ensureTransactionSearchPolicy(context, { account, region, partition });
 * ```
 */
export async function ensureTransactionSearchPolicy(
  context: AwsContext,
  scope: PolicyScope,
): Promise<boolean> {
  let nextToken: string | undefined;
  do {
    const page = await context.aws.send<Partial<DescribeResourcePoliciesCommandOutput>>(
      context.clients.logs,
      new DescribeResourcePoliciesCommand(nextToken === undefined ? {} : { nextToken }),
      () => ({ resourcePolicies: [] }),
    );
    const names = (page.resourcePolicies ?? []).map((policy) => policy.policyName);
    if (names.includes(TRANSACTION_SEARCH_POLICY_NAME)) return false;
    nextToken = page.nextToken;
  } while (nextToken);
  await context.aws.send(
    context.clients.logs,
    new PutResourcePolicyCommand({
      policyName: TRANSACTION_SEARCH_POLICY_NAME,
      policyDocument: JSON.stringify(transactionSearchResourcePolicy(scope)),
    }),
    () => ({}),
  );
  return true;
}

/**
 * Switches X-Ray's span destination to CloudWatch Logs (`xray:UpdateTraceSegmentDestination`),
 * which turns Transaction Search on for the account in this region. Needs the resource policy of
 * {@link ensureTransactionSearchPolicy} first.
 *
 * @param context - The AWS context.
 * @returns Nothing; the switch is `PENDING` for a while.
 * @throws `AwsRequestError`.
 * @example
 * ```ts
 * await sendSpansToCloudWatchLogs(context);
 * ```
 */
export async function sendSpansToCloudWatchLogs(context: AwsContext): Promise<void> {
  await context.aws.send(
    context.clients.xray,
    new UpdateTraceSegmentDestinationCommand({ Destination: 'CloudWatchLogs' }),
    () => ({}),
  );
}

/**
 * Sets the `Default` indexing rule to index {@link DEFAULT_INDEXED_SPANS_PERCENT}% of spans
 * (`xray:GetIndexingRules`, then `xray:UpdateIndexingRule`) unless it already has a probabilistic
 * sampling percentage.
 *
 * @param context - The AWS context.
 * @returns `true` when it set the rule (in a dry run: when it would).
 * @throws `AwsRequestError`.
 * @example
 * ```ts
 * await ensureDefaultIndexingRule(context);
 * ```
 */
export async function ensureDefaultIndexingRule(context: AwsContext): Promise<boolean> {
  let nextToken: string | undefined;
  do {
    const page = await context.aws.send<Partial<GetIndexingRulesCommandOutput>>(
      context.clients.xray,
      new GetIndexingRulesCommand(nextToken === undefined ? {} : { NextToken: nextToken }),
      () => ({ IndexingRules: [] }),
    );
    const rule = page.IndexingRules?.find(({ Name }) => Name === DEFAULT_INDEXING_RULE);
    if (rule?.Rule?.Probabilistic?.DesiredSamplingPercentage !== undefined) return false;
    if (rule !== undefined) break;
    nextToken = page.NextToken;
  } while (nextToken);
  await context.aws.send(
    context.clients.xray,
    new UpdateIndexingRuleCommand({
      Name: DEFAULT_INDEXING_RULE,
      Rule: { Probabilistic: { DesiredSamplingPercentage: DEFAULT_INDEXED_SPANS_PERCENT } },
    }),
    () => ({}),
  );
  return true;
}
