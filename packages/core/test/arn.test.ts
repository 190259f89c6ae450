import { describe, expect, it } from 'vitest';

import { formatRuntimeArn, isRuntimeArn, parseRuntimeArn } from '../src/arn.js';
import { AgentCoreMcpError } from '../src/errors.js';
import { catchError } from './support/catchError.js';

const ARN =
  'arn:aws:bedrock-agentcore:us-west-2:776504808937:runtime/strands_agent_inbound_identity-xibPa64Jxi';

describe('parseRuntimeArn', () => {
  it.each([
    {
      arn: ARN,
      parts: {
        partition: 'aws',
        region: 'us-west-2',
        accountId: '776504808937',
        runtimeId: 'strands_agent_inbound_identity-xibPa64Jxi',
      },
    },
    {
      arn: 'arn:aws:bedrock-agentcore:eu-central-1:123456789012:runtime/a-0123456789',
      parts: {
        partition: 'aws',
        region: 'eu-central-1',
        accountId: '123456789012',
        runtimeId: 'a-0123456789',
      },
    },
    {
      arn: 'arn:aws-cn:bedrock-agentcore:cn-north-1:123456789012:runtime/my_server-AbCdEf1234',
      parts: {
        partition: 'aws-cn',
        region: 'cn-north-1',
        accountId: '123456789012',
        runtimeId: 'my_server-AbCdEf1234',
      },
    },
    {
      arn: 'arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:123456789012:runtime/my_server-AbCdEf1234',
      parts: {
        partition: 'aws-us-gov',
        region: 'us-gov-west-1',
        accountId: '123456789012',
        runtimeId: 'my_server-AbCdEf1234',
      },
    },
  ])('parses $arn', ({ arn, parts }) => {
    expect(parseRuntimeArn(arn)).toEqual({ ...parts, arn });
  });

  it.each([
    { reason: 'empty', arn: '', names: 'expected arn:aws:bedrock-agentcore:<region>' },
    { reason: 'not an ARN', arn: 'my_server-AbCdEf1234', names: 'expected arn:aws' },
    { reason: 'surrounding whitespace', arn: ` ${ARN}\n`, names: 'whitespace' },
    {
      reason: 'too few fields',
      arn: 'arn:aws:bedrock-agentcore:us-west-2:runtime/x',
      names: 'expected',
    },
    { reason: 'extra field', arn: `${ARN}:DEFAULT`, names: 'expected arn:aws' },
    { reason: 'wrong prefix', arn: ARN.replace('arn:', 'urn:'), names: 'expected arn:aws' },
    {
      reason: 'unknown partition',
      arn: ARN.replace(':aws:', ':aws-iso:'),
      names: 'partition "aws-iso"',
    },
    {
      reason: 'wrong service',
      arn: ARN.replace('bedrock-agentcore', 'bedrock-agentcore-control'),
      names: 'service "bedrock-agentcore-control"',
    },
    {
      reason: 'malformed region',
      arn: ARN.replace('us-west-2', 'uswest2'),
      names: 'region "uswest2"',
    },
    {
      reason: 'upper-case region',
      arn: ARN.replace('us-west-2', 'US-WEST-2'),
      names: 'region "US-WEST-2"',
    },
    {
      reason: 'China region in aws',
      arn: ARN.replace('us-west-2', 'cn-north-1'),
      names: 'belongs to partition "aws-cn"',
    },
    {
      reason: 'commercial region in aws-cn',
      arn: ARN.replace('arn:aws:', 'arn:aws-cn:'),
      names: 'belongs to partition "aws", not "aws-cn"',
    },
    { reason: 'short account', arn: ARN.replace('776504808937', '7765'), names: 'account "7765"' },
    {
      reason: 'alphabetic account',
      arn: ARN.replace('776504808937', 'abcdefghijkl'),
      names: 'account',
    },
    {
      reason: 'gateway ARN',
      arn: ARN.replace(':runtime/', ':gateway/'),
      names: 'resource type "gateway"',
    },
    {
      reason: 'no resource id',
      arn: ARN.replace(/runtime\/.*$/, 'runtime'),
      names: 'the runtime id is missing',
    },
    {
      reason: 'empty resource id',
      arn: ARN.replace(/runtime\/.*$/, 'runtime/'),
      names: 'runtime id "" must be',
    },
    {
      reason: 'endpoint ARN',
      arn: `${ARN}/runtime-endpoint/DEFAULT`,
      names: 'runtime endpoint ARN',
    },
    {
      reason: 'id without suffix',
      arn: ARN.replace(/runtime\/.*$/, 'runtime/my_server'),
      names: 'runtime id "my_server"',
    },
    { reason: 'short id suffix', arn: ARN.replace('xibPa64Jxi', 'xib'), names: 'runtime id' },
    {
      reason: 'id starting with a digit',
      arn: ARN.replace('strands', '1strands'),
      names: 'runtime id',
    },
    {
      reason: 'hyphen in id name',
      arn: ARN.replace('strands_agent', 'strands-agent'),
      names: 'runtime id',
    },
  ])('rejects $reason with ERR_INVALID_ARN naming the problem', ({ arn, names }) => {
    const error = catchError(() => parseRuntimeArn(arn));
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({ code: 'ERR_INVALID_ARN', name: 'AgentCoreMcpError' });
    expect(error.message).toContain('Invalid runtime ARN');
    expect(error.message).toContain(names);
    expect(error.message).not.toContain('\n');
  });

  it('rejects a non-string at runtime', () => {
    expect(() => parseRuntimeArn(42 as unknown as string)).toThrow(/must be a string/);
  });
});

describe('formatRuntimeArn', () => {
  it.each([
    ARN,
    'arn:aws-cn:bedrock-agentcore:cn-northwest-1:123456789012:runtime/my_server-AbCdEf1234',
    'arn:aws-us-gov:bedrock-agentcore:us-gov-east-1:123456789012:runtime/my_server-AbCdEf1234',
  ])('round-trips %s', (arn) => {
    expect(formatRuntimeArn(parseRuntimeArn(arn))).toBe(arn);
  });

  it('defaults the partition to aws', () => {
    expect(
      formatRuntimeArn({
        region: 'us-east-1',
        accountId: '123456789012',
        runtimeId: 'a-0123456789',
      }),
    ).toBe('arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/a-0123456789');
  });

  it.each([
    {
      part: 'region',
      options: { region: 'nowhere', accountId: '123456789012', runtimeId: 'a-0123456789' },
    },
    {
      part: 'account',
      options: { region: 'us-east-1', accountId: '12', runtimeId: 'a-0123456789' },
    },
    {
      part: 'runtime id',
      options: { region: 'us-east-1', accountId: '123456789012', runtimeId: 'a' },
    },
  ])('rejects a bad $part with ERR_INVALID_ARN', ({ part, options }) => {
    const error = catchError(() => formatRuntimeArn(options));
    expect(error).toMatchObject({ code: 'ERR_INVALID_ARN' });
    expect(error.message).toContain(part);
  });
});

describe('isRuntimeArn', () => {
  it.each([
    { value: ARN, expected: true },
    { value: `${ARN}/runtime-endpoint/DEFAULT`, expected: false },
    { value: '', expected: false },
    { value: 42, expected: false },
    { value: undefined, expected: false },
    { value: { arn: ARN }, expected: false },
  ])('returns $expected for $value', ({ value, expected }) => {
    expect(isRuntimeArn(value)).toBe(expected);
  });
});
