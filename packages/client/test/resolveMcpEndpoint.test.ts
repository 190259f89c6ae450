import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

import { MCP_ACCEPT_HEADER } from '../src/mcpHeaders.js';
import { type McpEndpointTarget, resolveMcpEndpoint } from '../src/resolveMcpEndpoint.js';

const ARN =
  'arn:aws:bedrock-agentcore:us-west-2:776504808937:runtime/strands_agent_inbound_identity-xibPa64Jxi';
const ENCODED_ARN =
  'arn%3Aaws%3Abedrock-agentcore%3Aus-west-2%3A776504808937%3Aruntime%2Fstrands_agent_inbound_identity-xibPa64Jxi';

describe('resolveMcpEndpoint', () => {
  it.each<{ case: string; target: McpEndpointTarget; href: string }>([
    {
      case: 'an ARN',
      target: { arn: ARN },
      href: `https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/${ENCODED_ARN}/invocations?qualifier=DEFAULT`,
    },
    {
      case: 'an ARN with a qualifier',
      target: { arn: ARN, qualifier: 'beta' },
      href: `https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/${ENCODED_ARN}/invocations?qualifier=beta`,
    },
    {
      case: 'an ARN behind a local emulator',
      target: { arn: ARN, endpoint: 'http://127.0.0.1:9000' },
      href: `http://127.0.0.1:9000/runtimes/${ENCODED_ARN}/invocations?qualifier=DEFAULT`,
    },
    {
      case: 'a local URL',
      target: { url: 'http://127.0.0.1:8000/mcp' },
      href: 'http://127.0.0.1:8000/mcp',
    },
    {
      case: 'a URL object',
      target: { url: new URL('https://example.com/mcp') },
      href: 'https://example.com/mcp',
    },
    {
      case: 'a gateway URL with a query',
      target: { url: 'https://gw-1.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp?x=1' },
      href: 'https://gw-1.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp?x=1',
    },
  ])('resolves $case', ({ target, href }) => {
    const url = resolveMcpEndpoint(target);
    expect(url).toBeInstanceOf(URL);
    // The encoded ARN must survive URL parsing untouched: AgentCore expects %3A and %2F.
    expect(url.href).toBe(href);
  });

  it.each([
    {
      case: 'a relative URL',
      target: { url: '/mcp' },
      code: 'ERR_INVALID_ENDPOINT',
      names: '"/mcp"',
    },
    {
      case: 'a non-http URL',
      target: { url: 'ws://127.0.0.1:8000/mcp' },
      code: 'ERR_INVALID_ENDPOINT',
      names: 'absolute http(s) URL',
    },
    {
      case: 'a URL with credentials',
      target: { url: 'https://user:secret@example.com/mcp' },
      code: 'ERR_INVALID_ENDPOINT',
      names: 'remove the user name and password',
    },
    {
      case: 'a bad ARN',
      target: { arn: 'my_server' },
      code: 'ERR_INVALID_ARN',
      names: '"my_server"',
    },
    {
      case: 'a bad qualifier',
      target: { arn: ARN, qualifier: 'prod-1' },
      code: 'ERR_INVALID_QUALIFIER',
      names: '"prod-1"',
    },
    {
      case: 'a bad endpoint',
      target: { arn: ARN, endpoint: 'localhost:9000?x' },
      code: 'ERR_INVALID_ENDPOINT',
      names: 'localhost:9000',
    },
    {
      case: 'both url and arn',
      target: { url: 'http://127.0.0.1:8000/mcp', arn: ARN },
      code: 'ERR_CONFIG_INVALID',
      names: 'both "url" and "arn"',
    },
    {
      case: 'neither url nor arn',
      target: {},
      code: 'ERR_CONFIG_INVALID',
      names: 'neither "url" nor "arn"',
    },
  ])('rejects $case with $code', ({ target, code, names }) => {
    let thrown: unknown;
    try {
      resolveMcpEndpoint(target as McpEndpointTarget);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AgentCoreMcpError);
    expect(thrown).toMatchObject({ code, message: expect.stringContaining(names) as unknown });
  });
});

describe('MCP_ACCEPT_HEADER', () => {
  it('accepts both response types of streamable HTTP', () => {
    expect(MCP_ACCEPT_HEADER.split(', ')).toEqual(['application/json', 'text/event-stream']);
  });
});
