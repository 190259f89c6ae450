import type { Logger } from 'pino';

import type { TargetConfig } from '../config/types.js';
import { EMPTY_LISTING, listTarget, type TargetListing } from './listTarget.js';
import type { ToolParamHeaders } from './toolParamHeaders.js';
import type { UpstreamConnection } from './upstreamConnection.js';

/** Options of {@link TargetDiscovery}. */
export interface TargetDiscoveryOptions {
  readonly target: TargetConfig;
  /** The session the target is listed on. */
  readonly connection: UpstreamConnection;
  /** The target's `Mcp-Param-*` headers, updated from every tools listing. */
  readonly paramHeaders: ToolParamHeaders;
  readonly logger: Logger;
  /** The target was listed. @param durationMs - How long it took. */
  onListed(durationMs: number): void;
  /** Listing failed; the previous listing is kept. @param error - What was thrown. */
  onFailed(error: unknown): void;
  /** Called after every discovery, successful or not. */
  onSettled(): void;
}

/**
 * What one target offers, kept up to date: the last listing and when it was taken. Discoveries
 * never overlap: a refresh asked for during one shares it and then runs one more, so a
 * `list_changed` that arrives mid-discovery is never lost.
 *
 * @example
 * ```ts
 * const discovery = new TargetDiscovery({ target, connection, paramHeaders, logger, onListed, onFailed, onSettled });
 * await discovery.refresh();
 * discovery.listing.tools;
 * ```
 */
export class TargetDiscovery {
  readonly #options: TargetDiscoveryOptions;
  #listing: TargetListing | undefined;
  #listedAt: string | null = null;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  #settled = false;

  /** @param options - See {@link TargetDiscoveryOptions}. */
  constructor(options: TargetDiscoveryOptions) {
    this.#options = options;
  }

  /** The last listing, or an empty one before the first successful discovery. */
  get listing(): TargetListing {
    return this.#listing ?? EMPTY_LISTING;
  }

  /** Whether the target was listed at least once. */
  get isListed(): boolean {
    return this.#listing !== undefined;
  }

  /** Whether the first discovery ended, the target listed or not. */
  get hasSettled(): boolean {
    return this.#settled;
  }

  /** ISO time of the last successful discovery, or `null`. */
  get listedAt(): string | null {
    return this.#listedAt;
  }

  /** Lists the target again (see the class description). Never throws. */
  refresh(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#discover();
      } while (this.#again && !this.#stopped);
    })().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Runs no more discoveries. */
  stop(): void {
    this.#stopped = true;
  }

  async #discover(): Promise<void> {
    if (this.#stopped) return;
    const { target, logger } = this.#options;
    const started = performance.now();
    try {
      const { listing, excluded } = await listTarget(
        this.#options.connection,
        this.#options.paramHeaders,
      );
      for (const { name, reason } of excluded) {
        logger.warn(
          { target: target.name, tool: name, reason },
          'tool left out: invalid x-mcp-header annotation (MCP 2026-07-28 clients must not call it)',
        );
      }
      this.#listing = listing;
      this.#listedAt = new Date().toISOString();
      this.#options.onListed(performance.now() - started);
      logger.info(
        {
          target: target.name,
          tools: listing.tools.length,
          resources: listing.resources.length,
          resourceTemplates: listing.resourceTemplates.length,
          prompts: listing.prompts.length,
          durationMs: Math.round(performance.now() - started),
        },
        'target listed',
      );
    } catch (error) {
      this.#options.onFailed(error);
    }
    this.#settled = true;
    this.#options.onSettled();
  }
}
