import { describe, expect, it } from 'vitest';

import { parseRuntimeArn } from '../src/arn.js';
import { AgentCoreMcpError } from '../src/errors.js';
import {
  buildInvocationUrl,
  buildProtectedResourceMetadataUrl,
  parseInvocationUrl,
} from '../src/invocationUrl.js';
import { catchError } from './support/catchError.js';

const ARN =
  'arn:aws:bedrock-agentcore:us-west-2:776504808937:runtime/strands_agent_inbound_identity-xibPa64Jxi';
const ENCODED_ARN =
  'arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A776504808937%3Aruntime%2Fstrands_agent_inbound_identity-xibPa64Jxi';
const CN_ARN = 'arn:aws-cn:bedrock-agentcore:cn-north-1:123456789012:runtime/my_server-AbCdEf1234';

describe('buildInvocationUrl', () => {
  it.each([
    {
      case: 'the documented example',
      options: { arn: ARN },
      url: `https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/${ENCODED_ARN}/invocations?qualifier=DEFAULT`,
    },
    {
      case: 'a parsed ARN',
      options: { arn: parseRuntimeArn(ARN) },
      url: `https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/${ENCODED_ARN}/invocations?qualifier=DEFAULT`,
    },
    {
      case: 'a qualifier',
      options: { arn: ARN, qualifier: 'prod_v2' },
      url: `https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/${ENCODED_ARN}/invocations?qualifier=prod_v2`,
    },
    {
      case: 'the China partition',
      options: { arn: CN_ARN },
      url: `https://bedrock-agentcore.cn-north-1.amazonaws.com.cn/runtimes/${encodeURIComponent(CN_ARN)}/invocations?qualifier=DEFAULT`,
    },
    {
      case: 'a local endpoint',
      options: { arn: ARN, endpoint: 'http://127.0.0.1:9000' },
      url: `http://127.0.0.1:9000/runtimes/${ENCODED_ARN}/invocations?qualifier=DEFAULT`,
    },
    {
      case: 'a local endpoint with a trailing slash',
      options: { arn: ARN, endpoint: 'http://127.0.0.1:9000/' },
      url: `http://127.0.0.1:9000/runtimes/${ENCODED_ARN}/invocations?qualifier=DEFAULT`,
    },
    {
      case: 'an endpoint with a path prefix',
      options: { arn: ARN, endpoint: 'https://proxy.example.com/agentcore/', qualifier: 'beta' },
      url: `https://proxy.example.com/agentcore/runtimes/${ENCODED_ARN}/invocations?qualifier=beta`,
    },
  ])('builds the URL for $case', ({ options, url }) => {
    expect(buildInvocationUrl(options)).toBe(url);
  });

  it.each([
    { case: 'a bad ARN', options: { arn: 'nope' }, code: 'ERR_INVALID_ARN', names: '"nope"' },
    {
      case: 'a qualifier with a hyphen',
      options: { arn: ARN, qualifier: 'prod-v2' },
      code: 'ERR_INVALID_QUALIFIER',
      names: '"prod-v2"',
    },
    {
      case: 'an empty qualifier',
      options: { arn: ARN, qualifier: '' },
      code: 'ERR_INVALID_QUALIFIER',
      names: 'Invalid qualifier ""',
    },
    {
      case: 'a relative endpoint',
      options: { arn: ARN, endpoint: '127.0.0.1:9000' },
      code: 'ERR_INVALID_ENDPOINT',
      names: 'http(s) URL',
    },
    {
      case: 'a non-http endpoint',
      options: { arn: ARN, endpoint: 'ftp://127.0.0.1:9000' },
      code: 'ERR_INVALID_ENDPOINT',
      names: 'http(s) URL',
    },
    {
      case: 'an endpoint with a query',
      options: { arn: ARN, endpoint: 'http://127.0.0.1:9000?x=1' },
      code: 'ERR_INVALID_ENDPOINT',
      names: 'query string',
    },
    {
      case: 'an endpoint with a fragment',
      options: { arn: ARN, endpoint: 'http://127.0.0.1:9000/#top' },
      code: 'ERR_INVALID_ENDPOINT',
      names: 'fragment',
    },
    {
      case: 'an endpoint with credentials',
      options: { arn: ARN, endpoint: 'http://user:secret@127.0.0.1:9000' },
      code: 'ERR_INVALID_ENDPOINT',
      names: 'user name and password',
    },
  ])('rejects $case with $code', ({ options, code, names }) => {
    const error = catchError(() => buildInvocationUrl(options));
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(names);
    expect(error.message).not.toContain('\n');
  });
});

describe('buildProtectedResourceMetadataUrl', () => {
  it.each([
    {
      options: { arn: ARN, qualifier: 'DEFAULT' },
      url: `https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/${ENCODED_ARN}/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT`,
    },
    {
      options: { arn: ARN, qualifier: 'prod', endpoint: 'http://127.0.0.1:9000' },
      url: `http://127.0.0.1:9000/runtimes/${ENCODED_ARN}/invocations/.well-known/oauth-protected-resource?qualifier=prod`,
    },
  ])('builds $url', ({ options, url }) => {
    expect(buildProtectedResourceMetadataUrl(options)).toBe(url);
  });

  it('rejects a bad qualifier with ERR_INVALID_QUALIFIER', () => {
    expect(
      catchError(() => buildProtectedResourceMetadataUrl({ arn: ARN, qualifier: '1' })).code,
    ).toBe('ERR_INVALID_QUALIFIER');
  });
});

describe('parseInvocationUrl', () => {
  it.each([
    { arn: ARN, qualifier: 'DEFAULT', endpoint: undefined },
    { arn: CN_ARN, qualifier: 'prod', endpoint: undefined },
    { arn: ARN, qualifier: 'DEFAULT', endpoint: 'http://127.0.0.1:9000' },
    { arn: ARN, qualifier: 'beta', endpoint: 'https://proxy.example.com/agentcore' },
  ])('round-trips $arn at $endpoint ($qualifier)', (options) => {
    const url = buildInvocationUrl(options);
    const parsed = parseInvocationUrl(url);
    expect(parsed.arn).toEqual(parseRuntimeArn(options.arn));
    expect(parsed.qualifier).toBe(options.qualifier);
    expect(buildInvocationUrl(parsed)).toBe(url);
  });

  it('reads the documented example', () => {
    expect(
      parseInvocationUrl(
        `https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/${ENCODED_ARN}/invocations?qualifier=DEFAULT`,
      ),
    ).toEqual({
      arn: parseRuntimeArn(ARN),
      qualifier: 'DEFAULT',
      endpoint: 'https://bedrock-agentcore.us-west-2.amazonaws.com',
    });
  });

  it.each([
    { case: 'a string', url: `http://127.0.0.1:9000/runtimes/${ENCODED_ARN}/invocations` },
    {
      case: 'a URL object',
      url: new URL(`http://127.0.0.1:9000/runtimes/${ENCODED_ARN}/invocations`),
    },
  ])('defaults the qualifier to DEFAULT for $case', ({ url }) => {
    expect(parseInvocationUrl(url)).toMatchObject({
      qualifier: 'DEFAULT',
      endpoint: 'http://127.0.0.1:9000',
    });
  });

  it.each([
    {
      case: 'not a URL',
      url: 'runtimes/x/invocations',
      code: 'ERR_INVALID_INVOCATION_URL',
      names: 'http(s) URL',
    },
    {
      case: 'a non-http URL',
      url: `ws://127.0.0.1/runtimes/${ENCODED_ARN}/invocations`,
      code: 'ERR_INVALID_INVOCATION_URL',
      names: 'http(s) URL',
    },
    {
      case: 'a different path',
      url: 'http://127.0.0.1:8000/mcp',
      code: 'ERR_INVALID_INVOCATION_URL',
      names: '/runtimes/<url-encoded runtime ARN>/invocations',
    },
    {
      case: 'the metadata path',
      url: buildProtectedResourceMetadataUrl({ arn: ARN }),
      code: 'ERR_INVALID_INVOCATION_URL',
      names: 'expected <endpoint>/runtimes/',
    },
    {
      case: 'broken percent-encoding',
      url: 'http://127.0.0.1/runtimes/arn%3/invocations',
      code: 'ERR_INVALID_INVOCATION_URL',
      names: 'percent-encoding',
    },
    {
      case: 'an agent id instead of an ARN',
      url: 'http://127.0.0.1/runtimes/my_server-AbCdEf1234/invocations?accountId=123456789012',
      code: 'ERR_INVALID_ARN',
      names: '"my_server-AbCdEf1234"',
    },
    {
      case: 'a bad qualifier',
      url: `http://127.0.0.1/runtimes/${ENCODED_ARN}/invocations?qualifier=no-dash`,
      code: 'ERR_INVALID_QUALIFIER',
      names: '"no-dash"',
    },
  ])('rejects $case with $code', ({ url, code, names }) => {
    const error = catchError(() => parseInvocationUrl(url));
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error.code).toBe(code);
    expect(error.message).toContain(names);
  });
});
