import { AgentCoreMcpError, buildInvocationUrl } from '@agentcore-mcp/core';

/** An MCP server reached by its URL, e.g. a local server or an AgentCore Gateway. */
export interface McpUrlTarget {
  /** The server's streamable-HTTP endpoint, e.g. `http://127.0.0.1:8000/mcp`. Required. */
  url: string | URL;
  arn?: never;
}

/** An MCP server hosted on an AgentCore runtime, reached by its ARN. */
export interface McpArnTarget {
  /** The runtime ARN, `arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>`. Required. */
  arn: string;
  /** The runtime endpoint name. Default: `'DEFAULT'`. */
  qualifier?: string;
  /**
   * Origin to use instead of AWS, e.g. `http://127.0.0.1:9000` for a local emulator. Default: the
   * AgentCore data plane of the ARN's region.
   */
  endpoint?: string;
  url?: never;
}

/** Where an MCP client should connect: a plain URL or an AgentCore runtime ARN. */
export type McpEndpointTarget = McpUrlTarget | McpArnTarget;

/**
 * Resolves an MCP target to the URL to connect to. An ARN becomes the AgentCore invocation URL
 * (`https://bedrock-agentcore.<region>.amazonaws.com/runtimes/<encoded ARN>/invocations?qualifier=DEFAULT`);
 * a plain URL is checked to be absolute http(s) without credentials and returned as is.
 *
 * @param target - `{ url }` or `{ arn, qualifier?, endpoint? }`.
 * @returns The endpoint as a `URL`, ready for the MCP SDK's `StreamableHTTPClientTransport`.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_ENDPOINT` for a URL that is not absolute http(s)
 *   or carries credentials; `ERR_INVALID_ARN`, `ERR_INVALID_QUALIFIER` or `ERR_INVALID_ENDPOINT`
 *   from `buildInvocationUrl` for an ARN target; `ERR_CONFIG_INVALID` when the target has both or
 *   neither of `url` and `arn`.
 * @example
 * ```ts
 * const url = resolveMcpEndpoint({
 *   arn: 'arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/weather_server-AbCdEf1234',
 * });
 * const transport = new StreamableHTTPClientTransport(url);
 * ```
 */
export function resolveMcpEndpoint(target: McpEndpointTarget): URL {
  const hasUrl = target.url !== undefined;
  const hasArn = target.arn !== undefined;
  if (hasUrl === hasArn) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid MCP target: ${hasUrl ? 'it has both "url" and "arn"' : 'it has neither "url" nor "arn"'}; pass { url } for a plain MCP server or { arn } for an AgentCore runtime`,
    );
  }
  if (target.arn !== undefined) return new URL(buildInvocationUrl(target));
  return parseMcpUrl(String(target.url));
}

function parseMcpUrl(text: string): URL {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw invalidUrl(text, 'use an absolute http(s) URL such as http://127.0.0.1:8000/mcp');
  }
  if (url.username !== '' || url.password !== '') {
    throw invalidUrl(text, 'remove the user name and password; send credentials in a header');
  }
  return url;
}

function invalidUrl(url: string, problem: string): AgentCoreMcpError {
  const shown = JSON.stringify(url.length > 200 ? `${url.slice(0, 200)}…` : url);
  return new AgentCoreMcpError('ERR_INVALID_ENDPOINT', `Invalid MCP URL ${shown}: ${problem}`);
}
