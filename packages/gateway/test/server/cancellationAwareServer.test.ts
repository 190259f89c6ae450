import type { JSONRPCMessage, MessageExtraInfo, Transport } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';

import { CancellationAwareServer } from '../../src/server/cancellationAwareServer.js';
import { StatelessCancellation } from '../../src/server/statelessCancellation.js';
import type { DownstreamCall } from '../../src/upstream/upstreamRequest.js';

function stubTransport(): Transport & { sent: JSONRPCMessage[] } {
  const sent: JSONRPCMessage[] = [];
  return {
    sent,
    start: () => Promise.resolve(),
    close: () => Promise.resolve(),
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
  };
}

describe('CancellationAwareServer', () => {
  it("hands a cancellation with its request's auth to the registry, and lets every message through", async () => {
    const cancellation = new StatelessCancellation();
    const abort = new AbortController();
    const call = {
      requestId: 3,
      signal: abort.signal,
      authInfo: { token: 'alice', clientId: 'c', scopes: [] },
      header: () => undefined,
    } as unknown as DownstreamCall;
    const tracked = cancellation.track(call);
    const server = new CancellationAwareServer(
      { name: 'test', version: '1.0.0' },
      { capabilities: {} },
      cancellation,
    );
    const transport = stubTransport();
    await server.connect(transport);
    const extra: MessageExtraInfo = { authInfo: { token: 'alice', clientId: 'c', scopes: [] } };
    transport.onmessage?.(
      {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: 3, reason: 'stop' },
      },
      extra,
    );
    expect(tracked.signal.reason).toBe('stop');
    transport.onmessage?.({ jsonrpc: '2.0', id: 9, method: 'ping' }, extra);
    await new Promise((resolve) => setImmediate(resolve));
    expect(transport.sent).toEqual([{ jsonrpc: '2.0', id: 9, result: {} }]);
    tracked.release();
    await server.close();
  });
});
