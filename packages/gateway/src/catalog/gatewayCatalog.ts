import type { GatewayConfig, TargetConfig } from '../config/types.js';
import type { TargetListing } from '../upstream/listTarget.js';
import { buildCatalog, type Catalog, type CatalogOptions } from './buildCatalog.js';
import { compileGlobs } from './globMatcher.js';

/** What the catalog reads from one target. */
export interface CatalogTarget {
  readonly config: TargetConfig;
  readonly listing: TargetListing;
  readonly isHealthy: boolean;
}

/**
 * The gateway's current catalog. A change of a target (a new listing, a change of health) only
 * marks it stale; it is built again when next read, so that many targets settling at once (start-up,
 * a refresh of every target) cost one build instead of one per target. {@link takeNamesChange} says
 * whether the names clients see changed, so that they are told (`list_changed`) only then.
 *
 * @example
 * ```ts
 * const catalog = new GatewayCatalog(config, ['gateway_status'], () => targets);
 * catalog.invalidate();
 * if (catalog.takeNamesChange()) announceListsChanged(sessions, http.notify);
 * ```
 */
export class GatewayCatalog {
  readonly #options: CatalogOptions;
  readonly #targets: () => readonly CatalogTarget[];
  #current: Catalog | undefined;
  #names = '';

  /**
   * @param config - The gateway configuration (prefix mode, hiding of unhealthy targets).
   * @param reservedToolNames - Tool names the gateway serves itself.
   * @param targets - Every target, in configuration order.
   */
  constructor(
    config: GatewayConfig,
    reservedToolNames: readonly string[],
    targets: () => readonly CatalogTarget[],
  ) {
    this.#options = {
      prefixMode: config.gateway.toolNamePrefix,
      hideUnhealthy: config.gateway.discovery.hideUnhealthy,
      reservedToolNames,
    };
    this.#targets = targets;
  }

  /** The catalog as clients see it now (built from the targets if it is stale). */
  get current(): Catalog {
    this.#current ??= this.#build();
    return this.#current;
  }

  /** Marks the catalog stale: a target's listing or health changed. */
  invalidate(): void {
    this.#current = undefined;
  }

  /**
   * Whether the exposed names (tools, resources, templates, prompts) changed since the last call
   * (the first call compares with an empty catalog).
   */
  takeNamesChange(): boolean {
    const catalog = this.current;
    const names = JSON.stringify([
      catalog.tools.map((tool) => tool.name),
      catalog.resources.map((resource) => resource.uri),
      catalog.resourceTemplates.map((template) => template.uriTemplate),
      catalog.prompts.map((prompt) => prompt.name),
    ]);
    if (names === this.#names) return false;
    this.#names = names;
    return true;
  }

  #build(): Catalog {
    return buildCatalog(
      this.#targets().map((target) => ({
        target: target.config.name,
        prefix: target.config.prefix,
        exposesTool: toolFilter(target.config),
        listing: target.listing,
        healthy: target.isHealthy,
      })),
      this.#options,
    );
  }
}

function toolFilter(target: TargetConfig): (name: string) => boolean {
  const allowed = compileGlobs(target.tools.allow);
  const denied = compileGlobs(target.tools.deny);
  return (name) => allowed(name) && !denied(name);
}
