import type { Implementation } from '@modelcontextprotocol/client';

import type { TargetConfig } from '../config/types.js';
import type { CircuitState } from './health/circuitBreaker.js';
import type { TargetHealth } from './health/targetHealth.js';
import type { TargetListing } from './listTarget.js';
import type { TargetEraStatus } from './targetEra.js';

/** What `/status` and the `gateway_status` tool say about one target. */
export interface TargetStatus {
  readonly name: string;
  readonly transport: 'streamable-http' | 'sse' | 'stdio';
  readonly healthy: boolean;
  /** `true` while the first discovery is under way: the target is neither listed nor failed yet. */
  readonly starting: boolean;
  readonly circuit: CircuitState;
  /** The last failure, one line, or `null`. */
  readonly lastError: string | null;
  /** ISO time of the last failure, or `null`. */
  readonly lastErrorAt: string | null;
  /** Round-trip time of the last successful ping or request, in ms, or `null`. */
  readonly latencyMs: number | null;
  readonly toolCount: number;
  readonly resourceCount: number;
  readonly promptCount: number;
  /** ISO time of the last successful discovery, or `null`. */
  readonly listedAt: string | null;
  /** How many times the gateway reconnected after the session or child process ended. */
  readonly restarts: number;
  /** The upstream server's own name and version, when connected and it said. */
  readonly server: Implementation | null;
  /**
   * The MCP protocol era spoken to the target: what `protocol` asks for, the verdict in use
   * (`modern` = 2026-07-28, `legacy` = 2025; `null` before the first connection) and the version.
   */
  readonly protocol: TargetEraStatus;
}

/** What {@link toTargetStatus} reads. */
export interface TargetStatusParts {
  readonly config: TargetConfig;
  readonly health: TargetHealth;
  readonly listing: TargetListing;
  readonly listedAt: string | null;
  /** Whether the first discovery is still under way. */
  readonly starting: boolean;
  readonly server: Implementation | undefined;
  readonly era: TargetEraStatus;
}

/**
 * Puts together the status of one target (latency rounded to 0.01 ms).
 *
 * @param parts - Configuration, health, listing, the server's own info and the era verdict.
 * @returns The status.
 * @example
 * ```ts
 * toTargetStatus({ config, health, listing, listedAt: null, server: undefined, era: era.status() }).healthy;
 * ```
 */
export function toTargetStatus(parts: TargetStatusParts): TargetStatus {
  const { config, health, listing } = parts;
  const { latencyMs } = health;
  return {
    name: config.name,
    transport: config.kind === 'stdio' ? 'stdio' : config.transport,
    healthy: health.healthy,
    starting: parts.starting,
    circuit: health.circuit,
    lastError: health.lastError,
    lastErrorAt: health.lastErrorAt,
    latencyMs: latencyMs === null ? null : Math.round(latencyMs * 100) / 100,
    toolCount: listing.tools.length,
    resourceCount: listing.resources.length + listing.resourceTemplates.length,
    promptCount: listing.prompts.length,
    listedAt: parts.listedAt,
    restarts: health.restarts,
    server: parts.server ?? null,
    protocol: parts.era,
  };
}
