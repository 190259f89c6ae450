import type { Logger } from 'pino';

import type { DiscoveryConfig } from '../config/types.js';
import type { CatalogTarget, GatewayCatalog } from './gatewayCatalog.js';

/** A target as discovery drives it. */
export interface DiscoveredTarget extends CatalogTarget {
  /** Whether its first discovery is still under way. */
  readonly isStarting: boolean;
  /** Connects, lists and starts health checks; resolves when the first discovery ended. */
  start(): Promise<void>;
  /** Lists it again. */
  refresh(): Promise<void>;
}

/** Options of {@link GatewayDiscovery}. */
export interface GatewayDiscoveryOptions {
  readonly config: DiscoveryConfig;
  readonly catalog: GatewayCatalog;
  readonly logger: Logger;
  /** Tells every client that the lists changed (`list_changed`). */
  announce(): void;
}

/**
 * The gateway's discovery across its targets: starts every target at once (each connects and
 * lists on its own, so a slow or dead one holds up no other), keeps the catalog current as they
 * settle and change, and tells clients when the names they see changed, once per burst of
 * changes. Start-up waits for the targets at most `startupWaitMs`; a target still starting after
 * that joins the catalog when it is ready.
 *
 * @example
 * ```ts
 * const discovery = new GatewayDiscovery({ config, catalog, logger, announce });
 * await discovery.start(targets);
 * ```
 */
export class GatewayDiscovery {
  readonly #options: GatewayDiscoveryOptions;
  #targets: readonly DiscoveredTarget[] = [];
  #settled: Promise<void> = Promise.resolve();
  #refreshTimer: NodeJS.Timeout | undefined;
  #flushScheduled = false;
  #announceNext = false;

  /** @param options - See {@link GatewayDiscoveryOptions}. */
  constructor(options: GatewayDiscoveryOptions) {
    this.#options = options;
  }

  /** Whether a target's first discovery is still under way. */
  get isStarting(): boolean {
    return this.#targets.some((target) => target.isStarting);
  }

  /** Resolves once every target's first discovery ended (listed or failed). */
  whenSettled(): Promise<void> {
    return this.#settled;
  }

  /**
   * Starts every target and the periodic refresh, then waits for the first discoveries at most
   * `startupWaitMs`, and logs what was found.
   *
   * @param targets - Every target, in configuration order.
   */
  async start(targets: readonly DiscoveredTarget[]): Promise<void> {
    this.#targets = targets;
    this.#settled = Promise.all(targets.map((target) => target.start())).then(() => {
      this.#log('targets discovered');
    });
    const { refreshIntervalMs, startupWaitMs } = this.#options.config;
    if (refreshIntervalMs > 0) {
      this.#refreshTimer = setInterval(() => void this.refresh(), refreshIntervalMs);
      this.#refreshTimer.unref();
    }
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<'waited'>((resolve) => {
      timer = setTimeout(() => resolve('waited'), startupWaitMs);
    });
    const outcome = await Promise.race([this.#settled, waited]);
    clearTimeout(timer);
    if (outcome === 'waited' && this.isStarting) {
      this.#log('targets still starting; they join the catalog when ready');
    }
  }

  /** Lists every target again. */
  async refresh(): Promise<void> {
    await Promise.all(this.#targets.map((target) => target.refresh()));
  }

  /** A target's listing or health changed: the catalog is stale, clients are told soon. */
  targetChanged(): void {
    this.#options.catalog.invalidate();
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  /**
   * A target announced a list change: its clients are told after its next listing even when no
   * name changed (a description or schema may have).
   */
  listChanged(): void {
    this.#announceNext = true;
  }

  /** Stops the periodic refresh. */
  stop(): void {
    clearInterval(this.#refreshTimer);
  }

  #flush(): void {
    const { catalog, logger } = this.#options;
    if (!catalog.takeNamesChange() && !this.#announceNext) return;
    this.#announceNext = false;
    for (const problem of catalog.current.problems) {
      logger.warn({ target: problem.target, name: problem.name }, problem.message);
    }
    this.#options.announce();
  }

  #log(message: string): void {
    const targets = this.#targets;
    this.#options.logger.info(
      {
        targets: targets.length,
        healthy: targets.filter((target) => target.isHealthy).length,
        starting: targets.filter((target) => target.isStarting).length,
        tools: this.#options.catalog.current.tools.length,
      },
      message,
    );
  }
}
