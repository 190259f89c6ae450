import type { SubscriptionFilter } from '@modelcontextprotocol/client';
import type { Logger } from 'pino';

import { describeUpstreamError } from './describeUpstreamError.js';
import type { UpstreamConnection } from './upstreamConnection.js';

/** Options of {@link ListChangeSubscription}. */
export interface ListChangeSubscriptionOptions {
  /** The target's name, for the log. */
  readonly target: string;
  /** The target's shared session. */
  readonly connection: UpstreamConnection;
  readonly logger: Logger;
  /** Called when an open subscription ends on the target's side: changes may have been missed. */
  readonly onLost: () => void;
}

/**
 * How a target that speaks MCP 2026-07-28 tells the gateway its lists changed: that revision has
 * no standalone stream, so the shared session keeps one `subscriptions/listen` request open for the
 * `list_changed` notifications the target declares (`tools`, `prompts`, `resources`). They arrive
 * at the session's events like a 2025 session's, and re-list the target. When the stream ends on
 * the target's side (it restarted), `onLost` re-lists it; {@link ensure} opens the stream again
 * after each successful listing or health check. A 2025 session needs none of this (its GET stream
 * carries the notifications).
 *
 * @example
 * ```ts
 * const changes = new ListChangeSubscription({ target: 'hr', connection, logger, onLost: () => void refresh() });
 * changes.ensure(); // after a listing
 * ```
 */
export class ListChangeSubscription {
  readonly #options: ListChangeSubscriptionOptions;
  #state: 'closed' | 'opening' | 'open' | 'stopped' = 'closed';
  #close: (() => Promise<void>) | undefined;

  /** @param options - See {@link ListChangeSubscriptionOptions}. */
  constructor(options: ListChangeSubscriptionOptions) {
    this.#options = options;
  }

  /** Opens the stream when the session speaks 2026-07-28, declares list changes and has none open. */
  ensure(): void {
    const { connection } = this.#options;
    if (this.#state !== 'closed' || connection.era !== 'modern') return;
    const filter = filterOf(connection);
    if (filter === undefined) return;
    this.#state = 'opening';
    void this.#open(filter);
  }

  /** Closes the stream for good. */
  async stop(): Promise<void> {
    this.#state = 'stopped';
    await this.#close?.().catch(() => undefined);
    this.#close = undefined;
  }

  async #open(filter: SubscriptionFilter): Promise<void> {
    const { connection, logger, target } = this.#options;
    try {
      const subscription = await connection.listen(filter);
      if (this.#state === 'stopped') {
        await subscription.close();
        return;
      }
      this.#state = 'open';
      this.#close = () => subscription.close();
      logger.debug({ target, filter: subscription.honoredFilter }, 'listening for list changes');
      void subscription.closed.then((how) => {
        if (this.#state === 'stopped') return;
        this.#state = 'closed';
        this.#close = undefined;
        if (how === 'local') return;
        logger.info({ target, how }, 'list-change subscription ended; re-listing the target');
        this.#options.onLost();
      });
    } catch (error) {
      if (this.#state === 'stopped') return;
      this.#state = 'closed';
      logger.debug(
        { target, err: describeUpstreamError(error) },
        'cannot listen for list changes yet',
      );
    }
  }
}

/** The list changes the target declared, as a listen filter; `undefined` when it declared none. */
function filterOf(connection: UpstreamConnection): SubscriptionFilter | undefined {
  const capabilities = connection.serverCapabilities ?? {};
  const filter: SubscriptionFilter = {
    ...(capabilities.tools?.listChanged === true ? { toolsListChanged: true } : {}),
    ...(capabilities.prompts?.listChanged === true ? { promptsListChanged: true } : {}),
    ...(capabilities.resources?.listChanged === true ? { resourcesListChanged: true } : {}),
  };
  return Object.keys(filter).length === 0 ? undefined : filter;
}
