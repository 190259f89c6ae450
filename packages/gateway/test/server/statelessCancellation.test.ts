import { getEventListeners } from 'node:events';

import { describe, expect, it } from 'vitest';

import { StatelessCancellation } from '../../src/server/statelessCancellation.js';
import type { DownstreamCall } from '../../src/upstream/upstreamRequest.js';

function downstreamCall(
  requestId: number,
  token?: string,
): { call: DownstreamCall; abort: AbortController } {
  const abort = new AbortController();
  const authInfo = token === undefined ? undefined : { token, clientId: 'c', scopes: [] };
  const call = {
    requestId,
    signal: abort.signal,
    authInfo,
    header: () => undefined,
  } as unknown as DownstreamCall;
  return { call, abort };
}

describe('StatelessCancellation.track', () => {
  it('aborts the tracked signal when the downstream call aborts', () => {
    const { call, abort } = downstreamCall(1);
    const tracked = new StatelessCancellation().track(call);
    abort.abort('client went away');
    expect(tracked.signal.aborted).toBe(true);
    expect(tracked.signal.reason).toBe('client went away');
    tracked.release();
  });

  it('leaves no listener on the downstream signal once released, so nothing outlives the call', () => {
    const { call } = downstreamCall(2);
    const tracked = new StatelessCancellation().track(call);
    // What the SDK does with the signal of every request it sends, and never undoes.
    tracked.signal.addEventListener('abort', () => undefined);
    expect(getEventListeners(call.signal, 'abort')).toHaveLength(1);
    tracked.release();
    expect(getEventListeners(call.signal, 'abort')).toHaveLength(0);
    expect(tracked.signal.aborted).toBe(false);
  });

  it('starts aborted when the downstream call already was', () => {
    const { call, abort } = downstreamCall(3);
    abort.abort();
    expect(new StatelessCancellation().track(call).signal.aborted).toBe(true);
  });
});

describe('StatelessCancellation.cancel', () => {
  const extra = (token: string) => ({ authInfo: { token, clientId: 'c', scopes: [] } });

  it("cancels the caller's own call with the given reason, matched by token and id", () => {
    const cancellation = new StatelessCancellation();
    const alice = cancellation.track(downstreamCall(1, 'alice').call);
    const bob = cancellation.track(downstreamCall(1, 'bob').call);
    cancellation.cancel({ requestId: 1, reason: 'changed my mind', extra: extra('alice') });
    expect(alice.signal.aborted).toBe(true);
    expect(alice.signal.reason).toBe('changed my mind');
    expect(bob.signal.aborted).toBe(false);
    cancellation.cancel({ requestId: 2, extra: extra('bob') });
    expect(bob.signal.aborted).toBe(false);
  });

  it('cancels nothing when several calls match (anonymous clients sharing an id)', () => {
    const cancellation = new StatelessCancellation();
    const first = cancellation.track(downstreamCall(5).call);
    const second = cancellation.track(downstreamCall(5).call);
    cancellation.cancel({ requestId: 5, extra: undefined });
    expect([first.signal.aborted, second.signal.aborted]).toEqual([false, false]);
    second.release();
    cancellation.cancel({ requestId: 5, extra: undefined });
    expect(first.signal.reason).toBe('cancelled by the client');
  });
});
