import type { ProtocolEra } from '../mcpHttp.js';
import type { SubjectSummary } from '../measure/runRounds.js';
import { SERVER_IDS } from '../sections/serverSection.js';
import type { BenchResults } from './benchResults.js';
import { eraLabel, signedMs, times } from './markdown.js';

/** Which target a {@link TargetCheck} is about. */
export type TargetId = 'server-legacy' | 'server-modern' | 'gateway-p50' | 'gateway-throughput';

/** One of the numeric targets and how the run did. */
export interface TargetCheck {
  readonly id: TargetId;
  readonly target: string;
  readonly measured: string;
  /** `undefined` when the row was not measured. */
  readonly met: boolean | undefined;
}

/**
 * Checks the run against the targets: example-server ≥ 2× the SDK v2 reference's req/s
 * at 10 connections, with 2025 requests and with 2026-07-28 requests; through the gateway
 * ≤ +0.3 ms p50 at 1 connection and ≥ 0.8× direct req/s at 10 connections.
 *
 * @param results - The run.
 * @returns One check per target.
 */
export function evaluateTargets(results: BenchResults): TargetCheck[] {
  const find = (rows: readonly SubjectSummary[] | undefined, id: string, connections: number) =>
    rows?.find((row) => row.id === id && row.connections === connections);
  const server = results.server.ok ? results.server.value : undefined;
  const gateway = results.gateway.ok ? results.gateway.value.rows : undefined;
  const serverCheck = (era: ProtocolEra): TargetCheck => {
    const ours = server?.find(
      (row) => row.era === era && row.id === SERVER_IDS.ours && row.connections === 10,
    );
    return {
      id: era === 'modern' ? 'server-modern' : 'server-legacy',
      target: `example-server ≥ 2× the SDK v2 reference’s req/s at 10 connections, ${eraLabel(era)} requests`,
      measured: ours ? times(ours.ratio) : 'not measured',
      met: ours ? ours.ratio >= 2 : undefined,
    };
  };
  const gateway1 = find(gateway, 'gateway', 1);
  const gateway10 = find(gateway, 'gateway', 10);
  return [
    serverCheck('legacy'),
    serverCheck('modern'),
    {
      id: 'gateway-p50',
      target: 'through the gateway: p50 ≤ direct + 0.3 ms at 1 connection',
      measured: gateway1 ? `${signedMs(gateway1.p50DeltaMs)} ms` : 'not measured',
      met: gateway1 ? gateway1.p50DeltaMs <= 0.3 : undefined,
    },
    {
      id: 'gateway-throughput',
      target: 'through the gateway: ≥ 0.8× direct req/s at 10 connections',
      measured: gateway10 ? times(gateway10.ratio) : 'not measured',
      met: gateway10 ? gateway10.ratio >= 0.8 : undefined,
    },
  ];
}
