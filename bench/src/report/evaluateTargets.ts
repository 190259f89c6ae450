import type { SubjectSummary } from '../measure/runRounds.js';
import type { BenchResults } from './benchResults.js';
import { signedMs, times } from './markdown.js';

/** One of the numeric targets and how the run did. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** `undefined` when the row was not measured. */
  readonly met: boolean | undefined;
}

/**
 * Checks the run against the targets: example-server ≥ 2× the SDK reference's req/s at
 * 10 connections; through the gateway ≤ +0.3 ms p50 at 1 connection and ≥ 0.8× direct req/s at
 * 10 connections.
 *
 * @param results - The run.
 * @returns One check per target.
 */
export function evaluateTargets(results: BenchResults): TargetCheck[] {
  const find = (rows: readonly SubjectSummary[] | undefined, id: string, connections: number) =>
    rows?.find((row) => row.id === id && row.connections === connections);
  const server = results.server.ok ? results.server.value : undefined;
  const gateway = results.gateway.ok ? results.gateway.value.rows : undefined;
  const example10 = find(server, 'example-server', 10);
  const gateway1 = find(gateway, 'gateway', 1);
  const gateway10 = find(gateway, 'gateway', 10);
  return [
    {
      target: 'example-server ≥ 2× the SDK reference’s req/s at 10 connections',
      measured: example10 ? times(example10.ratio) : 'not measured',
      met: example10 ? example10.ratio >= 2 : undefined,
    },
    {
      target: 'through the gateway: p50 ≤ direct + 0.3 ms at 1 connection',
      measured: gateway1 ? `${signedMs(gateway1.p50DeltaMs)} ms` : 'not measured',
      met: gateway1 ? gateway1.p50DeltaMs <= 0.3 : undefined,
    },
    {
      target: 'through the gateway: ≥ 0.8× direct req/s at 10 connections',
      measured: gateway10 ? times(gateway10.ratio) : 'not measured',
      met: gateway10 ? gateway10.ratio >= 0.8 : undefined,
    },
  ];
}
