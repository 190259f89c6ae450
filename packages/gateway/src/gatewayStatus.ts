import type { CatalogProblem } from './catalog/buildCatalog.js';
import type { TargetStatus } from './upstream/targetStatus.js';

/** What `GET /status` and the `gateway_status` tool report. */
export interface GatewayStatus {
  /**
   * `starting` until the gateway listens and every target's first discovery ended (listed or
   * failed); `running` after that.
   */
  readonly status: 'starting' | 'running';
  readonly version: string;
  readonly mode: 'stateless' | 'stateful';
  readonly uptimeSeconds: number;
  readonly healthyTargets: number;
  readonly totalTargets: number;
  /** Tools listed to clients right now (the gateway's own included). */
  readonly toolCount: number;
  readonly targets: readonly TargetStatus[];
  /** Names left out of the catalog (collisions, names over 64 characters). */
  readonly problems: readonly CatalogProblem[];
}
