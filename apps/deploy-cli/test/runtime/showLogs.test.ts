import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';

import { showLogs } from '../../src/runtime/showLogs.js';
import { missingFromIamTable, recordMockedRequests } from '../docs/iamPermissionsTable.js';
import { FIXED_NOW, testContext } from '../testContext.js';
import { launchedRuntime, RUNTIME_ID } from './launchedRuntimeFixture.js';

const logs = mockClient(CloudWatchLogsClient);
/** Every request the mocked clients got in this file, for the IAM table check at its end. */
const sentRequests = recordMockedRequests({ logs });
const GROUP = `/aws/bedrock-agentcore/runtimes/${RUNTIME_ID}-DEFAULT`;
const TEN_MINUTES_AGO = FIXED_NOW.getTime() - 10 * 60_000;
const T1 = Date.parse('2026-11-25T11:55:00.000Z');
const T2 = Date.parse('2026-11-25T11:56:00.000Z');
const T3 = Date.parse('2026-11-25T11:57:00.000Z');
const JSON_LINE =
  '{"level":30,"time":1795607700000,"msg":"listening","url":"http://0.0.0.0:8000/mcp"}';

const event = (eventId: string, timestamp: number, message: string) => ({
  eventId,
  timestamp,
  message,
  logStreamName: '2026/11/25/[runtime-logs]abc',
});
const notFound = () =>
  new ResourceNotFoundException({
    message: 'The specified log group does not exist.',
    $metadata: {},
  });

beforeEach(() => {
  logs.reset();
});

describe('logs', () => {
  it('prints every page of the last 10 minutes as "timestamp message", JSON lines as they are', async () => {
    logs
      .on(FilterLogEventsCommand)
      .resolvesOnce({ events: [event('e1', T1, `${JSON_LINE}\n`)], nextToken: 'page-2' })
      .resolvesOnce({ events: [event('e2', T2, 'plain line')] });
    const context = testContext();

    await showLogs(context, launchedRuntime());

    expect(context.aws.requests).toEqual([
      {
        service: 'logs',
        operation: 'FilterLogEvents',
        input: { logGroupName: GROUP, startTime: TEN_MINUTES_AGO },
      },
      {
        service: 'logs',
        operation: 'FilterLogEvents',
        input: { logGroupName: GROUP, startTime: TEN_MINUTES_AGO, nextToken: 'page-2' },
      },
    ]);
    expect(context.stdout).toEqual([
      `2026-11-25T11:55:00.000Z ${JSON_LINE}`,
      '2026-11-25T11:56:00.000Z plain line',
    ]);
    expect(context.sleeps).toEqual([]);
  });

  it('honours --since and keeps only the newest --limit events', async () => {
    logs.on(FilterLogEventsCommand).resolves({
      events: [event('e1', T1, 'one'), event('e2', T2, 'two'), event('e3', T3, 'three')],
    });
    const context = testContext();

    await showLogs(context, launchedRuntime(), { since: '2h', limit: '2' });

    expect(context.aws.requests.map((r) => r.input)).toEqual([
      { logGroupName: GROUP, startTime: FIXED_NOW.getTime() - 2 * 3_600_000 },
    ]);
    expect(context.stdout).toEqual([
      '2026-11-25T11:56:00.000Z two',
      '2026-11-25T11:57:00.000Z three',
    ]);
  });

  it('says so on stderr when the window has no events', async () => {
    logs.on(FilterLogEventsCommand).resolves({ events: [] });
    const context = testContext();

    await showLogs(context, launchedRuntime(), { since: '2026-11-25T11:00:00Z' });

    expect(context.aws.requests.map((r) => r.input)).toEqual([
      { logGroupName: GROUP, startTime: Date.parse('2026-11-25T11:00:00Z') },
    ]);
    expect(context.stdout).toEqual([]);
    expect(context.stderr).toEqual(['  no log events since 2026-11-25T11:00:00.000Z']);
  });

  it('finds the log group by prefix when the usual one does not exist', async () => {
    const other = `/aws/bedrock-agentcore/runtimes/${RUNTIME_ID}-prod`;
    logs.on(FilterLogEventsCommand, { logGroupName: GROUP }).rejects(notFound());
    logs.on(FilterLogEventsCommand, { logGroupName: other }).resolves({
      events: [event('e1', T1, 'from prod')],
    });
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: other }] });
    const context = testContext();

    await showLogs(context, launchedRuntime());

    expect(context.aws.requests).toEqual([
      {
        service: 'logs',
        operation: 'FilterLogEvents',
        input: { logGroupName: GROUP, startTime: TEN_MINUTES_AGO },
      },
      {
        service: 'logs',
        operation: 'DescribeLogGroups',
        input: { logGroupNamePrefix: `/aws/bedrock-agentcore/runtimes/${RUNTIME_ID}` },
      },
      {
        service: 'logs',
        operation: 'FilterLogEvents',
        input: { logGroupName: other, startTime: TEN_MINUTES_AGO },
      },
    ]);
    expect(context.stdout).toEqual(['2026-11-25T11:55:00.000Z from prod']);
  });

  it('prints one clear line when the runtime has no log group yet', async () => {
    logs.on(FilterLogEventsCommand).rejects(notFound());
    logs.on(DescribeLogGroupsCommand).resolves({ logGroups: [] });
    const context = testContext();

    await showLogs(context, launchedRuntime(), { follow: true, maxPolls: 3 });

    expect(context.aws.requests.map((r) => r.operation)).toEqual([
      'FilterLogEvents',
      'DescribeLogGroups',
    ]);
    expect(context.stdout).toEqual([
      `No logs yet for example_server: there is no log group /aws/bedrock-agentcore/runtimes/${RUNTIME_ID}* in us-east-1 (AgentCore creates it when the runtime first starts; invoke it, then try again)`,
    ]);
    expect(context.sleeps).toEqual([]);
  });

  it('--follow polls every 2 s from the newest timestamp and skips events already printed', async () => {
    logs
      .on(FilterLogEventsCommand)
      .resolvesOnce({ events: [event('e1', T1, 'first')] })
      .resolvesOnce({ events: [event('e1', T1, 'first'), event('e2', T2, 'second')] })
      .resolvesOnce({ events: [event('e2', T2, 'second'), event('e3', T2, 'same millisecond')] })
      .resolvesOnce({ events: [] });
    const context = testContext();

    await showLogs(context, launchedRuntime(), { follow: true, maxPolls: 3 });

    expect(context.aws.requests.map((r) => r.input)).toEqual([
      { logGroupName: GROUP, startTime: TEN_MINUTES_AGO },
      { logGroupName: GROUP, startTime: T1 },
      { logGroupName: GROUP, startTime: T2 },
      { logGroupName: GROUP, startTime: T2 },
    ]);
    expect(context.stdout).toEqual([
      '2026-11-25T11:55:00.000Z first',
      '2026-11-25T11:56:00.000Z second',
      '2026-11-25T11:56:00.000Z same millisecond',
    ]);
    expect(context.sleeps).toEqual([2000, 2000, 2000]);
  });

  it('--follow stops when its signal aborts (Ctrl-C)', async () => {
    const stop = new AbortController();
    logs
      .on(FilterLogEventsCommand)
      .resolvesOnce({ events: [] })
      .callsFakeOnce(() => {
        stop.abort();
        return { events: [event('e1', T1, 'last one')] };
      })
      .resolves({ events: [event('never', T3, 'not printed')] });
    const context = testContext();

    await showLogs(context, launchedRuntime(), { follow: true, signal: stop.signal });

    expect(context.aws.requests.map((r) => r.input)).toEqual([
      { logGroupName: GROUP, startTime: TEN_MINUTES_AGO },
      { logGroupName: GROUP, startTime: TEN_MINUTES_AGO },
    ]);
    expect(context.stdout).toEqual(['2026-11-25T11:55:00.000Z last one']);
    expect(context.sleeps).toEqual([2000]);
  });

  it.each([
    {
      options: { since: 'yesterday' },
      message: 'Invalid --since "yesterday": expected a duration',
    },
    { options: { limit: '0' }, message: 'Invalid --limit "0": expected a whole number' },
  ])('rejects $options before calling AWS', async ({ options, message }) => {
    const context = testContext();

    await expect(showLogs(context, launchedRuntime(), options)).rejects.toMatchObject({
      code: 'ERR_INVALID_INPUT',
      message: expect.stringContaining(message) as string,
    });
    expect(context.aws.requests).toEqual([]);
  });
});

describe('the IAM table in docs/troubleshooting.md', () => {
  it('lists every action the requests of these tests need in the row of logs', () => {
    expect(sentRequests().length).toBeGreaterThan(0);
    expect(missingFromIamTable(['logs'], sentRequests())).toEqual([]);
  });
});
