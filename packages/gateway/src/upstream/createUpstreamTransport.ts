import type { TokenProvider } from '@agentcore-mcp/client';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike, Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

import type { TargetConfig } from '../config/types.js';
import { createOutboundFetch } from './createOutboundFetch.js';
import { nodeHttpFetch } from './nodeHttpFetch.js';
import { quietAbortListenerFetch } from './quietAbortListenerFetch.js';

/**
 * Builds the SDK client transport for one target: streamable HTTP or legacy SSE with the target's
 * headers and credentials, or a stdio child process (the SDK's safe default environment plus the
 * target's `env`, stderr piped so the gateway can log it).
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
  // Streamable HTTP goes over node:http (see nodeHttpFetch); legacy SSE keeps the global fetch,
  // which its EventSource needs.
  const base: FetchLike =
    target.transport === 'sse' ? (input, init) => globalThis.fetch(input, init) : nodeHttpFetch;
  const fetch = quietAbortListenerFetch(createOutboundFetch(target, tokenProvider, base) ?? base);
  const requestInit: RequestInit = { headers: target.headers };
  if (target.transport === 'sse') {
    return new SSEClientTransport(url, { requestInit, fetch });
  }
  return new StreamableHTTPClientTransport(url, { requestInit, fetch });
}
