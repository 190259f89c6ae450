import type { EventStore } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { describe, expect, it } from 'vitest';

import { createInMemoryEventStore } from '../src/index.js';

const note = (n: number): JSONRPCMessage => ({
  jsonrpc: '2.0',
  method: 'notifications/message',
  params: { level: 'info', data: `note ${n}` },
});

async function replay(store: EventStore, lastEventId: string) {
  const sent: [string, JSONRPCMessage][] = [];
  const streamId = await store.replayEventsAfter(lastEventId, {
    send: (eventId, message) => {
      sent.push([eventId, message]);
      return Promise.resolve();
    },
  });
  return { streamId, sent };
}

describe('createInMemoryEventStore', () => {
  it('replays the events of the same stream stored after the given id, in order', async () => {
    const store = createInMemoryEventStore();
    const first = await store.storeEvent('stream-a', note(1));
    const second = await store.storeEvent('stream-a', note(2));
    await store.storeEvent('stream-b', note(99));
    const third = await store.storeEvent('stream-a', note(3));

    const { streamId, sent } = await replay(store, first);
    expect(streamId).toBe('stream-a');
    expect(sent).toEqual([
      [second, note(2)],
      [third, note(3)],
    ]);
    await expect(store.getStreamIdForEventId?.(second)).resolves.toBe('stream-a');
  });

  it('skips the empty priming events the SDK stores to start a stream', async () => {
    const store = createInMemoryEventStore();
    const priming = await store.storeEvent('stream-a', {} as JSONRPCMessage);
    const real = await store.storeEvent('stream-a', note(1));
    expect((await replay(store, priming)).sent).toEqual([[real, note(1)]]);
  });

  it('drops the oldest events past maxEvents and no longer knows their ids', async () => {
    const store = createInMemoryEventStore({ maxEvents: 2 });
    const first = await store.storeEvent('stream-a', note(1));
    const second = await store.storeEvent('stream-a', note(2));
    const third = await store.storeEvent('stream-a', note(3));
    await expect(store.getStreamIdForEventId?.(first)).resolves.toBeUndefined();
    expect((await replay(store, first)).sent).toEqual([
      [second, note(2)],
      [third, note(3)],
    ]);
  });

  it.each([0, -1, 1.5, Number.NaN])('rejects maxEvents %s with ERR_CONFIG_INVALID', (maxEvents) => {
    expect(() => createInMemoryEventStore({ maxEvents })).toThrow(
      expect.objectContaining({
        code: 'ERR_CONFIG_INVALID',
        message: `Invalid maxEvents ${maxEvents}: use a positive integer`,
      }),
    );
  });
});
