import type { Transport } from '@modelcontextprotocol/client';

import type { TargetConfig } from '../../config/types.js';
import type { OutboundAuthorization } from './outboundAuthorization.js';
import { SseTransport } from './sse/sseTransport.js';
import type { StderrTail } from './stdio/stderrTail.js';
import { createStdioTransport } from './stdio/stdioTransport.js';
import { StreamableHttpTransport } from './streamableHttp/streamableHttpTransport.js';
import type { UpstreamRequests } from './upstreamRequests.js';

/** What a transport needs beside the target's configuration. */
export interface UpstreamTransportContext {
  /** The target's credential (from `createOutboundAuthorization`), or `undefined` for none. */
  readonly authorization: OutboundAuthorization | undefined;
  /** The connection's open requests, where a transport finds the caller's token of a message. */
  readonly requests: UpstreamRequests;
  /** Where a stdio child's stderr lines go. */
  readonly stderr: StderrTail;
}

/**
 * Builds the client transport for one target, the only place that chooses one: our own streamable
 * HTTP transport on node:http (see {@link StreamableHttpTransport}), the SDK's legacy SSE transport
 * over fetch (see {@link SseTransport}), each with the target's headers and credential; or a stdio
 * child process. Swapping a transport changes `transport/` only.
 *
 * @param target - The target.
 * @param context - Its credential, the connection's open requests and the stderr tail.
 * @returns A transport not yet started.
 * @example
 * ```ts
 * await client.connect(createUpstreamTransport(target, { authorization, requests, stderr }));
 * ```
 */
export function createUpstreamTransport(
  target: TargetConfig,
  context: UpstreamTransportContext,
): Transport {
  if (target.kind === 'stdio') return createStdioTransport(target, context.stderr);
  const options = {
    headers: target.headers,
    authorization: context.authorization,
    requests: context.requests,
  };
  const url = new URL(target.url);
  return target.transport === 'sse'
    ? new SseTransport(url, options)
    : new StreamableHttpTransport(url, options);
}
