import { getEventListeners } from 'node:events';

import { describe, expect, it } from 'vitest';

import { StatelessCancellation } from '../../src/server/statelessCancellation.js';
import type { DownstreamCall } from '../../src/upstream/inFlightCalls.js';

function downstreamCall(requestId: number): { call: DownstreamCall; abort: AbortController } {
  const abort = new AbortController();
  const call = { requestId, signal: abort.signal } as unknown as DownstreamCall;
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
