import type { McpSubscription, SubscriptionFilter } from '@modelcontextprotocol/client';

/**
 * The `resources/subscribe` of a 2025 session, carried to a target that speaks MCP 2026-07-28,
 * which has no such method: the session's connection keeps one `subscriptions/listen` stream
 * naming every subscribed URI (`resourceSubscriptions`), and its `notifications/resources/updated`
 * reach the session's events as a 2025 target's would. Each change of the set opens a new stream
 * (acknowledged before the old one closes, so no update is lost in between); the last unsubscribe
 * closes it.
 *
 * @example
 * ```ts
 * const subscriptions = new ResourceSubscriptions((filter) => connection.listen(filter));
 * await subscriptions.subscribe('file:///notes.txt');
 * ```
 */
export class ResourceSubscriptions {
  readonly #listen: (filter: SubscriptionFilter) => Promise<McpSubscription>;
  readonly #uris = new Set<string>();
  #current: McpSubscription | undefined;
  /** Changes are applied one after the other. */
  #queue: Promise<void> = Promise.resolve();

  /** @param listen - Opens a `subscriptions/listen` stream on the session. */
  constructor(listen: (filter: SubscriptionFilter) => Promise<McpSubscription>) {
    this.#listen = listen;
  }

  /**
   * Adds a URI to the stream's filter.
   *
   * @param uri - The resource's URI.
   * @throws What opening the stream threw (the URI is not kept then).
   */
  subscribe(uri: string): Promise<void> {
    return this.#change(
      () => this.#uris.add(uri),
      () => this.#uris.delete(uri),
    );
  }

  /**
   * Removes a URI from the stream's filter (closing the stream when none is left).
   *
   * @param uri - The resource's URI.
   */
  unsubscribe(uri: string): Promise<void> {
    return this.#change(
      () => this.#uris.delete(uri),
      () => undefined,
    );
  }

  /** Closes the stream. */
  async close(): Promise<void> {
    this.#uris.clear();
    await this.#queue;
    await this.#current?.close().catch(() => undefined);
    this.#current = undefined;
  }

  #change(apply: () => unknown, undo: () => unknown): Promise<void> {
    const run = this.#queue.then(async () => {
      apply();
      try {
        await this.#reopen();
      } catch (error) {
        undo();
        throw error;
      }
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #reopen(): Promise<void> {
    const previous = this.#current;
    this.#current =
      this.#uris.size === 0
        ? undefined
        : await this.#listen({ resourceSubscriptions: [...this.#uris] });
    await previous?.close().catch(() => undefined);
  }
}
