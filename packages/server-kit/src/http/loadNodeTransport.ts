import type * as nodeTransport from '@modelcontextprotocol/node';

/** `@modelcontextprotocol/node`: the SDK's Node.js HTTP transport and its adapter. */
export type NodeTransportModule = typeof nodeTransport;

let loading: Promise<NodeTransportModule> | undefined;

/**
 * Loads `@modelcontextprotocol/node` on first use, once. It brings Hono's Node adapter, whose
 * set-up (and Node's fetch classes, which it touches) costs about 10 ms of a cold start: a server
 * whose first requests go to the fast lane never needs it (issue 16, bench §5).
 *
 * @returns The module.
 * @example
 * ```ts
 * const { NodeStreamableHTTPServerTransport } = await loadNodeTransport();
 * ```
 */
export function loadNodeTransport(): Promise<NodeTransportModule> {
  loading ??= import('@modelcontextprotocol/node');
  return loading;
}
