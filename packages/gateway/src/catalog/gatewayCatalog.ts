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
 * The gateway's current catalog, rebuilt from its targets whenever one of them changes (a new
 * listing, a change of health). It says whether the names clients see changed, so that they are
 * told (`list_changed`) only then.
 *
 * @example
 * ```ts
 * const catalog = new GatewayCatalog(config, ['gateway_status']);
 * if (catalog.rebuild(targets)) announceListsChanged(sessions, http.notify);
 * ```
 */
export class GatewayCatalog {
  readonly #options: CatalogOptions;
  #current: Catalog;
  #names = '';

  /**
   * @param config - The gateway configuration (prefix mode, hiding of unhealthy targets).
   * @param reservedToolNames - Tool names the gateway serves itself.
   */
  constructor(config: GatewayConfig, reservedToolNames: readonly string[]) {
    this.#options = {
      prefixMode: config.gateway.toolNamePrefix,
      hideUnhealthy: config.gateway.discovery.hideUnhealthy,
      reservedToolNames,
    };
    this.#current = buildCatalog([], this.#options);
  }

  /** The catalog as clients see it now. */
  get current(): Catalog {
    return this.#current;
  }

  /**
   * Rebuilds the catalog from the targets' current listings and health.
   *
   * @param targets - Every target, in configuration order.
   * @returns Whether the exposed names (tools, resources, templates, prompts) changed.
   */
  rebuild(targets: readonly CatalogTarget[]): boolean {
    const catalog = buildCatalog(
      targets.map((target) => ({
        target: target.config.name,
        prefix: target.config.prefix,
        exposesTool: toolFilter(target.config),
        listing: target.listing,
        healthy: target.isHealthy,
      })),
      this.#options,
    );
    this.#current = catalog;
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
}

function toolFilter(target: TargetConfig): (name: string) => boolean {
  const allowed = compileGlobs(target.tools.allow);
  const denied = compileGlobs(target.tools.deny);
  return (name) => allowed(name) && !denied(name);
}
