import { buildInvocationUrl } from '@agentcore-mcp/core';

import type { Output } from '../output.js';

/** Options of `agentcore-mcp url`. */
export interface UrlCommandOptions {
  /** The runtime ARN (`--arn`). Required. */
  arn: string;
  /** The runtime endpoint name (`--qualifier`). Default: `'DEFAULT'`. */
  qualifier?: string;
  /** An origin to use instead of AWS (`--endpoint`), e.g. `http://127.0.0.1:9000`. Default: AWS. */
  endpoint?: string;
}

/**
 * `agentcore-mcp url`: prints the invocation URL an MCP client posts to for a runtime.
 *
 * @param options - The parsed command-line options.
 * @param output - Where to print the URL.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_ARN`, `ERR_INVALID_QUALIFIER` or
 *   `ERR_INVALID_ENDPOINT` when an option is malformed.
 * @example
 * ```ts
 * runUrlCommand({ arn: 'arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/a-0123456789' }, output);
 * ```
 */
export function runUrlCommand(options: UrlCommandOptions, output: Output): void {
  output.result(buildInvocationUrl(options));
}
