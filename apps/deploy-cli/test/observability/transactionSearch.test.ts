import {
  CloudWatchLogsClient,
  DescribeResourcePoliciesCommand,
  PutResourcePolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  GetIndexingRulesCommand,
  GetTraceSegmentDestinationCommand,
  UpdateIndexingRuleCommand,
  UpdateTraceSegmentDestinationCommand,
  XRayClient,
} from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { AwsRequestError, CliError } from '../../src/errors.js';
import {
  assertTransactionSearchOptions,
  checkTransactionSearch,
} from '../../src/observability/transactionSearch.js';
import { transactionSearchResourcePolicy } from '../../src/observability/transactionSearchPolicy.js';
import { missingFromIamTable, recordMockedRequests } from '../docs/iamPermissionsTable.js';
import { type TestContext, testContext } from '../testContext.js';

const xray = mockClient(XRayClient);
const logs = mockClient(CloudWatchLogsClient);
/** Every request the mocked clients got in this file, for the IAM table check at its end. */
const sentRequests = recordMockedRequests({ xray, logs });

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const SCOPE = { account: ACCOUNT, region: REGION, partition: 'aws' };

/** The policy document AWS documents for Transaction Search, for this account and region. */
const EXPECTED_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'TransactionSearchXRayAccess',
      Effect: 'Allow',
      Principal: { Service: 'xray.amazonaws.com' },
      Action: 'logs:PutLogEvents',
      Resource: [
        `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:aws/spans:*`,
        `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/application-signals/data:*`,
      ],
      Condition: {
        ArnLike: { 'aws:SourceArn': `arn:aws:xray:${REGION}:${ACCOUNT}:*` },
        StringEquals: { 'aws:SourceAccount': ACCOUNT },
      },
    },
  ],
};

const operations = (context: TestContext) =>
  context.aws.requests.map((request) => `${request.service}:${request.operation}`);

const accessDenied = (action: string) =>
  Object.assign(
    new Error(`User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: ${action}`),
    {
      name: 'AccessDeniedException',
      $metadata: { requestId: 'req-1' },
    },
  );

/** An account where Transaction Search was never turned on. */
function mockFreshAccount(): void {
  xray.on(GetTraceSegmentDestinationCommand).resolves({ Destination: 'XRay', Status: 'ACTIVE' });
  xray
    .on(UpdateTraceSegmentDestinationCommand)
    .resolves({ Destination: 'CloudWatchLogs', Status: 'PENDING' });
  xray.on(GetIndexingRulesCommand).resolves({ IndexingRules: [{ Name: 'Default' }] });
  xray.on(UpdateIndexingRuleCommand).resolves({});
  logs
    .on(DescribeResourcePoliciesCommand)
    .resolves({ resourcePolicies: [{ policyName: 'AWSLogDeliveryWrite20150319' }] });
  logs.on(PutResourcePolicyCommand).resolves({});
}

/** An account where Transaction Search is on (turned on in the console, its policy named otherwise). */
function mockConfiguredAccount(status: 'ACTIVE' | 'PENDING' = 'ACTIVE'): void {
  xray
    .on(GetTraceSegmentDestinationCommand)
    .resolves({ Destination: 'CloudWatchLogs', Status: status });
  xray.on(GetIndexingRulesCommand).resolves({
    IndexingRules: [{ Name: 'Default', Rule: { Probabilistic: { DesiredSamplingPercentage: 5 } } }],
  });
}

beforeEach(() => {
  xray.reset();
  logs.reset();
});

describe('checkTransactionSearch without --enable-transaction-search', () => {
  it('only asks X-Ray where spans go, and says so when Transaction Search is on', async () => {
    mockConfiguredAccount();
    const context = testContext();

    const result = await checkTransactionSearch(context, SCOPE);

    expect(operations(context)).toEqual(['xray:GetTraceSegmentDestination']);
    expect(result).toEqual({ status: 'on', changes: [] });
    expect(context.stdout).toEqual([
      '  CloudWatch Transaction Search: on (spans go to CloudWatch Logs)',
    ]);
    expect(context.stderr).toEqual([]);
  });

  it('counts PENDING as on and sends nothing more', async () => {
    mockConfiguredAccount('PENDING');
    const context = testContext();

    const result = await checkTransactionSearch(context, SCOPE);

    expect(operations(context)).toEqual(['xray:GetTraceSegmentDestination']);
    expect(result.status).toBe('pending');
    expect(context.stdout).toEqual([
      '  CloudWatch Transaction Search: on, still PENDING (spans appear in AgentCore observability once it is ACTIVE)',
    ]);
  });

  it('prints one note with the command that turns it on when it is off, and changes nothing', async () => {
    mockFreshAccount();
    const context = testContext();

    const result = await checkTransactionSearch(context, SCOPE);

    expect(operations(context)).toEqual(['xray:GetTraceSegmentDestination']);
    expect(result.status).toBe('off');
    expect(context.stdout).toEqual([]);
    expect(context.stderr).toEqual([
      `  note: CloudWatch Transaction Search is off in account ${ACCOUNT} (${REGION}), so traces will not appear in AgentCore observability: run agentcore-mcp launch --enable-transaction-search (once per account and region)`,
    ]);
  });

  it('names the command that runs in the note', async () => {
    mockFreshAccount();
    const context = testContext();

    await checkTransactionSearch(context, SCOPE, { command: 'agentcore-mcp gateway deploy' });

    expect(context.stderr[0]).toContain(
      'run agentcore-mcp gateway deploy --enable-transaction-search (once per account and region)',
    );
  });

  it('prints one note naming the missing permission when the check is denied, and does not throw', async () => {
    xray
      .on(GetTraceSegmentDestinationCommand)
      .rejects(accessDenied('xray:GetTraceSegmentDestination'));
    const context = testContext();

    const result = await checkTransactionSearch(context, SCOPE);

    expect(result.status).toBe('unchecked');
    expect(context.stderr).toEqual([
      '  note: could not check CloudWatch Transaction Search, without which traces do not appear in AgentCore observability: your AWS identity is missing the permission xray:GetTraceSegmentDestination; the launch goes on',
    ]);
  });

  it('lets another failure of the check through', async () => {
    xray
      .on(GetTraceSegmentDestinationCommand)
      .rejects(
        Object.assign(new Error('slow down'), { name: 'ThrottledException', $metadata: {} }),
      );
    const context = testContext();

    await expect(checkTransactionSearch(context, SCOPE)).rejects.toBeInstanceOf(AwsRequestError);
  });

  it('in a dry run records the check and prints no note', async () => {
    const context = testContext({ dryRun: true });

    const result = await checkTransactionSearch(context, SCOPE);

    expect(xray.calls()).toHaveLength(0);
    expect(context.aws.requests).toEqual([
      { service: 'xray', operation: 'GetTraceSegmentDestination', input: {} },
    ]);
    expect(result.status).toBe('planned');
    expect(context.stdout).toEqual([
      '  CloudWatch Transaction Search: checked (traces appear in AgentCore observability only when it is on)',
    ]);
    expect(context.stderr).toEqual([]);
  });
});

describe('checkTransactionSearch with --enable-transaction-search', () => {
  it('on a fresh account: checks, creates the resource policy, switches spans to CloudWatch Logs, indexes 1%', async () => {
    mockFreshAccount();
    const context = testContext();

    const result = await checkTransactionSearch(context, SCOPE, { enable: true });

    expect(operations(context)).toEqual([
      'xray:GetTraceSegmentDestination',
      'logs:DescribeResourcePolicies',
      'logs:PutResourcePolicy',
      'xray:UpdateTraceSegmentDestination',
      'xray:GetIndexingRules',
      'xray:UpdateIndexingRule',
    ]);
    const put = logs.commandCalls(PutResourcePolicyCommand)[0]?.args[0].input;
    expect(put?.policyName).toBe('TransactionSearchXRayAccess');
    expect(JSON.parse(put?.policyDocument ?? '{}')).toEqual(EXPECTED_POLICY);
    expect(xray.commandCalls(UpdateTraceSegmentDestinationCommand)[0]?.args[0].input).toEqual({
      Destination: 'CloudWatchLogs',
    });
    expect(xray.commandCalls(UpdateIndexingRuleCommand)[0]?.args[0].input).toEqual({
      Name: 'Default',
      Rule: { Probabilistic: { DesiredSamplingPercentage: 1 } },
    });
    expect(result.status).toBe('enabled');
    expect(context.stdout).toEqual([
      `  CloudWatch Transaction Search: turned on for account ${ACCOUNT} (${REGION}): CloudWatch Logs resource policy TransactionSearchXRayAccess, spans sent to CloudWatch Logs, 1% of spans indexed (free)`,
    ]);
    expect(context.stderr).toEqual([]);
  });

  it('on an account that is already on: only reads, writes nothing', async () => {
    mockConfiguredAccount();
    const context = testContext();

    const result = await checkTransactionSearch(context, SCOPE, { enable: true });

    expect(operations(context)).toEqual([
      'xray:GetTraceSegmentDestination',
      'xray:GetIndexingRules',
    ]);
    expect(logs.calls()).toHaveLength(0);
    expect(result).toEqual({ status: 'on', changes: [] });
    expect(context.stdout).toEqual([
      '  CloudWatch Transaction Search: on (spans go to CloudWatch Logs)',
    ]);
  });

  it('keeps an existing TransactionSearchXRayAccess policy and pages through the policies to find it', async () => {
    mockFreshAccount();
    logs
      .on(DescribeResourcePoliciesCommand)
      .resolvesOnce({ resourcePolicies: [{ policyName: 'Other' }], nextToken: 'page-2' })
      .resolves({ resourcePolicies: [{ policyName: 'TransactionSearchXRayAccess' }] });
    const context = testContext();

    await checkTransactionSearch(context, SCOPE, { enable: true });

    expect(operations(context)).toEqual([
      'xray:GetTraceSegmentDestination',
      'logs:DescribeResourcePolicies',
      'logs:DescribeResourcePolicies',
      'xray:UpdateTraceSegmentDestination',
      'xray:GetIndexingRules',
      'xray:UpdateIndexingRule',
    ]);
    expect(logs.commandCalls(DescribeResourcePoliciesCommand)[1]?.args[0].input).toEqual({
      nextToken: 'page-2',
    });
  });

  it('stops the launch when a step is denied, naming the permission', async () => {
    mockFreshAccount();
    logs.on(PutResourcePolicyCommand).rejects(accessDenied('logs:PutResourcePolicy'));
    const context = testContext();

    const failure = await checkTransactionSearch(context, SCOPE, { enable: true }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(AwsRequestError);
    expect((failure as Error).message).toMatch(
      /^logs:PutResourcePolicy failed: AccessDeniedException: .* — your AWS identity is missing the permission logs:PutResourcePolicy;/,
    );
    expect(xray.commandCalls(UpdateTraceSegmentDestinationCommand)).toHaveLength(0);
  });

  it('in a dry run records every step an account without any of it needs', async () => {
    const context = testContext({ dryRun: true });

    await checkTransactionSearch(context, { ...SCOPE, account: '<account>' }, { enable: true });

    expect(xray.calls()).toHaveLength(0);
    expect(logs.calls()).toHaveLength(0);
    expect(operations(context)).toEqual([
      'xray:GetTraceSegmentDestination',
      'logs:DescribeResourcePolicies',
      'logs:PutResourcePolicy',
      'xray:UpdateTraceSegmentDestination',
      'xray:GetIndexingRules',
      'xray:UpdateIndexingRule',
    ]);
    const put = context.aws.requests[2]?.input as { policyDocument: string };
    expect(JSON.parse(put.policyDocument)).toEqual(
      transactionSearchResourcePolicy({ account: '<account>', region: REGION }),
    );
    expect(context.stdout).toEqual([
      `  CloudWatch Transaction Search: turn on for account <account> (${REGION}), each step only if missing: CloudWatch Logs resource policy TransactionSearchXRayAccess, spans sent to CloudWatch Logs, 1% of spans indexed (free)`,
    ]);
  });
});

describe('assertTransactionSearchOptions', () => {
  it('refuses --enable-transaction-search for a runtime without observability, in one line', () => {
    expect(() =>
      assertTransactionSearchOptions({ name: 'example_server' }, { enable: true }),
    ).toThrow(
      new CliError(
        'ERR_INVALID_INPUT',
        '--enable-transaction-search works only with observability, which example_server does not use: run agentcore-mcp configure again with --observability, or drop --enable-transaction-search',
      ),
    );
  });

  it.each([
    [{ name: 'a', observability: true }, { enable: true }],
    [{ name: 'a' }, { enable: false }],
    [{ name: 'a' }, {}],
  ])('accepts %j with %j', (runtime, options) => {
    expect(() => assertTransactionSearchOptions(runtime, options)).not.toThrow();
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of launch --observability', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['launch --observability'], sentRequests())).toEqual([]);
  });
});
