import { AgentCoreMcpError } from '@agentcore-mcp/core';
import type { EventId, EventStore, JSONRPCMessage, StreamId } from '@modelcontextprotocol/server';

/** Options of {@link createInMemoryEventStore}. */
export interface InMemoryEventStoreOptions {
  /** The most events kept, across every stream; the oldest are dropped first. Default: 10000. */
  maxEvents?: number;
}

/**
 * Creates an in-memory SSE event store for the stateful mode's `eventStore` option, so clients can
 * resume a broken stream with `Last-Event-ID` (and the server can close a stream mid-call, SEP-1699).
 * Events live in this process only, and the oldest are dropped past `maxEvents`: fine for one
 * replica; several replicas need a shared store.
 *
 * @param options - The event limit; see {@link InMemoryEventStoreOptions}.
 * @returns An `EventStore` for {@link AgentCoreServerOptions.eventStore}.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when `maxEvents` is not a positive integer.
 * @example
 * ```ts
 * const server = createAgentCoreServer({
 *   name: 'notes',
 *   version: '1.0.0',
 *   mode: 'stateful',
 *   eventStore: createInMemoryEventStore(),
 *   retryInterval: 1000,
 * });
 * ```
 */
export function createInMemoryEventStore(options: InMemoryEventStoreOptions = {}): EventStore {
  const maxEvents = options.maxEvents ?? 10_000;
  if (!Number.isInteger(maxEvents) || maxEvents <= 0) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid maxEvents ${maxEvents}: use a positive integer`,
    );
  }
  // A Map iterates in insertion order, which is also the events' chronological order.
  const events = new Map<
    EventId,
    { streamId: StreamId; sequence: number; message: JSONRPCMessage }
  >();
  let sequence = 0;

  return {
    storeEvent: (streamId, message) => {
      sequence += 1;
      const eventId = `${streamId}_${sequence}`;
      events.set(eventId, { streamId, sequence, message });
      if (events.size > maxEvents) {
        const oldest = events.keys().next();
        if (!oldest.done) events.delete(oldest.value);
      }
      return Promise.resolve(eventId);
    },
    // Unknown (or expired) ids make the SDK answer 400 before it calls replayEventsAfter.
    getStreamIdForEventId: (eventId) => Promise.resolve(events.get(eventId)?.streamId),
    replayEventsAfter: async (lastEventId, { send }) => {
      // Parsed from the id itself, so a resume still works if the event expired meanwhile.
      const separator = lastEventId.lastIndexOf('_');
      const streamId = lastEventId.slice(0, separator);
      const lastSequence = Number(lastEventId.slice(separator + 1));
      for (const [eventId, event] of events) {
        // Priming events store an empty message: they only carry an id to resume from.
        if (
          event.streamId === streamId &&
          event.sequence > lastSequence &&
          Object.keys(event.message).length > 0
        )
          await send(eventId, event.message);
      }
      return streamId;
    },
  };
}
