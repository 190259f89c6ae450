import type { TokenProvider } from '@agentcore-mcp/client';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

import type { TargetConfig } from '../config/types.js';
import { createOutboundFetch } from './createOutboundFetch.js';
import { createOutboundAuthorization } from './outboundAuthorization.js';
import { quietAbortListenerFetch } from './quietAbortListenerFetch.js';
import { StreamableHttpTransport } from './streamableHttp/streamableHttpTransport.js';

/**
 * Builds the client transport for one target: our own streamable HTTP transport on node:http (see
 * {@link StreamableHttpTransport}), or the SDK's legacy SSE transport over the global fetch (which
 * its EventSource needs), each with the target's headers and credentials; or a stdio child process
 * (the SDK's safe default environment plus the target's `env`, stderr piped so the gateway can log
 * it).
 *
 * @param target - The target.
 * @param tokenProvider - Its outbound OAuth token provider, if it has one.
 * @returns A transport not yet started.
 * @example
 * ```ts
 * await client.connect(createUpstreamTransport(target, undefined));
 * ```
 */
export function createUpstreamTransport(
  target: TargetConfig,
  tokenProvider: TokenProvider | undefined,
): Transport {
  if (target.kind === 'stdio') {
    return new StdioClientTransport({
      command: target.command,
      args: target.args,
      env: { ...getDefaultEnvironment(), ...target.env },
      ...(target.cwd === undefined ? {} : { cwd: target.cwd }),
      stderr: 'pipe',
    });
  }
  const url = new URL(target.url);
  const authorization = createOutboundAuthorization(target, tokenProvider);
  if (target.transport === 'sse') {
    const base: FetchLike = (input, init) => globalThis.fetch(input, init);
    const fetch = quietAbortListenerFetch(
      authorization === undefined ? base : createOutboundFetch(authorization, base),
    );
    return new SSEClientTransport(url, { requestInit: { headers: target.headers }, fetch });
  }
  return new StreamableHttpTransport(url, { headers: target.headers, authorization });
}
