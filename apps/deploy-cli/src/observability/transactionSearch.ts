import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import { CliError } from '../errors.js';
import type { PolicyScope } from '../iam/iamPolicies.js';
import { TRANSACTION_SEARCH_POLICY_NAME } from './transactionSearchPolicy.js';
import {
  DEFAULT_INDEXED_SPANS_PERCENT,
  ensureDefaultIndexingRule,
  ensureTransactionSearchPolicy,
  isTransactionSearchOn,
  readTraceSegmentDestination,
  sendSpansToCloudWatchLogs,
} from './transactionSearchSteps.js';

/** The flag that makes the account-wide change. */
export const ENABLE_TRANSACTION_SEARCH_FLAG = '--enable-transaction-search';

/** How `launch` and `gateway deploy` treat CloudWatch Transaction Search. */
export interface TransactionSearchOptions {
  /**
   * `--enable-transaction-search`: turn Transaction Search on for the account in this region, each
   * step only if it is missing. Needs observability. Default false: only check.
   */
  readonly enable?: boolean | undefined;
  /** The command the hint tells the user to run with the flag. Default `agentcore-mcp launch`. */
  readonly command?: string | undefined;
  /**
   * How to turn observability on, for the error when `enable` is set without it. Default: `run
   * agentcore-mcp configure again with --observability`.
   */
  readonly withObservability?: string | undefined;
}

/**
 * What {@link checkTransactionSearch} found: `on`, `pending` (switched on, not yet ACTIVE: counted
 * as on, nothing is sent again), `off`, `enabled` (this run turned something on), `unchecked`
 * (AccessDenied on the check) or `planned` (a dry run).
 */
export type TransactionSearchStatus =
  'on' | 'pending' | 'off' | 'enabled' | 'unchecked' | 'planned';

/** What {@link checkTransactionSearch} found and changed. */
export interface TransactionSearchResult {
  readonly status: TransactionSearchStatus;
  /** What it changed (in a dry run: what it may change), for the progress line. */
  readonly changes: readonly string[];
}

/**
 * Refuses `--enable-transaction-search` for a runtime without observability: without ADOT the
 * runtime sends no spans, so the account-wide change would serve nothing.
 *
 * @param runtime - The runtime's name and whether it builds with observability.
 * @param options - The flag, and how to turn observability on.
 * @throws {@link CliError} `ERR_INVALID_INPUT` when the flag is set without observability.
 * @example
 * ```ts
 * assertTransactionSearchOptions({ name: 'weather', observability: false }, { enable: true }); // throws
 * ```
 */
export function assertTransactionSearchOptions(
  runtime: { readonly name: string; readonly observability?: boolean | undefined },
  options: TransactionSearchOptions,
): void {
  if (options.enable !== true || runtime.observability === true) return;
  throw new CliError(
    'ERR_INVALID_INPUT',
    `${ENABLE_TRANSACTION_SEARCH_FLAG} works only with observability, which ${runtime.name} does not use: ${options.withObservability ?? 'run agentcore-mcp configure again with --observability'}, or drop ${ENABLE_TRANSACTION_SEARCH_FLAG}`,
  );
}

/**
 * The CloudWatch Transaction Search step of a launch with observability. AgentCore observability
 * shows a runtime's spans only when the account sends spans to CloudWatch Logs (Transaction
 * Search, set once per account and region).
 *
 * Without `enable` it only asks X-Ray (`GetTraceSegmentDestination`): when Transaction Search is
 * off it prints one note with the command that turns it on, and the launch goes on; AccessDenied
 * on the check is a note too. With `enable` (where every failure stops the launch) it checks, and
 * when off creates the CloudWatch Logs resource policy X-Ray writes with (unless one of that name
 * exists) and switches spans to CloudWatch Logs; either way it sets the `Default` indexing rule to
 * {@link DEFAULT_INDEXED_SPANS_PERCENT}% unless the rule has a percentage. An account that is
 * already on gets no resource policy: whoever turned it on (console, CloudFormation, this CLI)
 * gave X-Ray its policy under a name of their choosing. A dry run shows the check (and with
 * `enable` every step, as for an account that has none of it) and prints no note.
 *
 * @param context - The AWS context (`output` gets one progress line, or the note on stderr).
 * @param scope - Account, region, partition.
 * @param options - `enable`, and the command the note names.
 * @returns What it found and changed.
 * @throws `AwsRequestError` naming the missing permission (with `enable`, or a check failing for
 *   another reason than AccessDenied).
 * @example
 * ```ts
 * await checkTransactionSearch(context, { account, region, partition }, { enable: false });
 * ```
 */
export async function checkTransactionSearch(
  context: AwsContext,
  scope: PolicyScope,
  options: TransactionSearchOptions = {},
): Promise<TransactionSearchResult> {
  const result = options.enable === true ? await enable(context, scope) : await check(context);
  const line = describe(result, scope, options);
  if (result.status === 'off' || result.status === 'unchecked') context.output.note(line);
  else context.output.result(line);
  return result;
}

async function check(context: AwsContext): Promise<TransactionSearchResult> {
  try {
    const destination = await readTraceSegmentDestination(context);
    if (context.aws.dryRun) return { status: 'planned', changes: [] };
    if (!isTransactionSearchOn(destination)) return { status: 'off', changes: [] };
    return { status: destination.status === 'PENDING' ? 'pending' : 'on', changes: [] };
  } catch (error) {
    if (!isAwsError(error, 'AccessDeniedException', 'AccessDenied')) throw error;
    return { status: 'unchecked', changes: [] };
  }
}

async function enable(context: AwsContext, scope: PolicyScope): Promise<TransactionSearchResult> {
  const changes: string[] = [];
  const destination = await readTraceSegmentDestination(context);
  if (!isTransactionSearchOn(destination)) {
    if (await ensureTransactionSearchPolicy(context, scope)) {
      changes.push(`CloudWatch Logs resource policy ${TRANSACTION_SEARCH_POLICY_NAME}`);
    }
    await sendSpansToCloudWatchLogs(context);
    changes.push('spans sent to CloudWatch Logs');
  }
  if (await ensureDefaultIndexingRule(context)) {
    changes.push(`${DEFAULT_INDEXED_SPANS_PERCENT}% of spans indexed (free)`);
  }
  if (context.aws.dryRun) return { status: 'planned', changes };
  if (changes.length > 0) return { status: 'enabled', changes };
  return { status: destination.status === 'PENDING' ? 'pending' : 'on', changes };
}

function describe(
  result: TransactionSearchResult,
  scope: PolicyScope,
  options: TransactionSearchOptions,
): string {
  const where = `account ${scope.account} (${scope.region})`;
  const command = `${options.command ?? 'agentcore-mcp launch'} ${ENABLE_TRANSACTION_SEARCH_FLAG}`;
  switch (result.status) {
    case 'on':
      return '  CloudWatch Transaction Search: on (spans go to CloudWatch Logs)';
    case 'pending':
      return '  CloudWatch Transaction Search: on, still PENDING (spans appear in AgentCore observability once it is ACTIVE)';
    case 'enabled':
      return `  CloudWatch Transaction Search: turned on for ${where}: ${result.changes.join(', ')}`;
    case 'planned':
      return options.enable === true
        ? `  CloudWatch Transaction Search: turn on for ${where}, each step only if missing: ${result.changes.join(', ')}`
        : '  CloudWatch Transaction Search: checked (traces appear in AgentCore observability only when it is on)';
    case 'off':
      return `note: CloudWatch Transaction Search is off in ${where}, so traces will not appear in AgentCore observability: run ${command} (once per account and region)`;
    case 'unchecked':
      return `note: could not check CloudWatch Transaction Search, without which traces do not appear in AgentCore observability: your AWS identity is missing the permission xray:GetTraceSegmentDestination; the launch goes on`;
  }
}
