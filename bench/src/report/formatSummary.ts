import { ratioWithin, type SubjectSummary } from '../measure/runRounds.js';
import { SERVER_IDS } from '../sections/serverSection.js';
import type { BenchResults } from './benchResults.js';
import type { TargetCheck, TargetId } from './evaluateTargets.js';
import { eraLabel, num, signedMs, table, times } from './markdown.js';

const verdict = (met: boolean | undefined) =>
  met === undefined ? 'not measured' : met ? '**met**' : '**not met**';

/**
 * The one-table summary of a run: every benchmark of the issue with its baseline, our figure,
 * the ratio and, where the issue sets one, the target and whether it is met.
 *
 * @param results - The run.
 * @param checks - The targets, from `evaluateTargets`.
 * @returns Markdown.
 */
export function formatSummary(results: BenchResults, checks: readonly TargetCheck[]): string {
  const rows: string[][] = [];
  const row = (rowCells: string[]) => rows.push(rowCells);
  const at = (list: readonly SubjectSummary[], id: string, connections: number) =>
    list.find((entry) => entry.id === id && entry.connections === connections);
  const byId = (id: TargetId) => checks.find((check) => check.id === id);

  if (results.server.ok) {
    const serverRows = results.server.value;
    for (const era of ['legacy', 'modern'] as const) {
      const rowsOfEra = serverRows.filter((entry) => entry.era === era);
      for (const connections of results.settings.serverConnections) {
        const base = at(rowsOfEra, SERVER_IDS.v2, connections);
        const ours = at(rowsOfEra, SERVER_IDS.ours, connections);
        if (!base || !ours) continue;
        const v1 = at(rowsOfEra, SERVER_IDS.v1, connections);
        const check = connections === 10 ? byId(`server-${era}`) : undefined;
        row([
          `1. tools/call req/s, ${eraLabel(era)}, ${connections} conn`,
          `SDK v2 reference ${num(base.reqPerSec)}`,
          `example-server ${num(ours.reqPerSec)}`,
          `**${times(ours.ratio)}**${v1 ? ` (${times(ratioWithin(ours, v1))} SDK v1)` : ''}`,
          check ? '≥ 2×' : '—',
          check ? verdict(check.met) : '—',
        ]);
        if (connections === 1) {
          row([
            `1. tools/call p50, ${eraLabel(era)}, 1 conn`,
            `SDK v2 reference ${num(base.p50Ms, 2)} ms`,
            `example-server ${num(ours.p50Ms, 2)} ms`,
            `**${signedMs(ours.p50DeltaMs)} ms**`,
            '—',
            '—',
          ]);
        }
      }
    }
  } else row(['1. server', 'not run', results.server.error, '', '', '']);

  if (results.gateway.ok) {
    const gatewayRows = results.gateway.value.rows;
    const direct1 = at(gatewayRows, 'direct', 1);
    const direct10 = at(gatewayRows, 'direct', 10);
    for (const entry of gatewayRows.filter((candidate) => candidate.id !== 'direct')) {
      const ours = entry.id === 'gateway';
      if (entry.connections === 1 && direct1) {
        row([
          `2. p50, 1 conn: ${entry.label}`,
          `direct ${num(direct1.p50Ms, 2)} ms`,
          `${num(entry.p50Ms, 2)} ms`,
          `**${signedMs(entry.p50DeltaMs)} ms**`,
          ours ? '≤ +0.3 ms' : '—',
          ours ? verdict(byId('gateway-p50')?.met) : '—',
        ]);
      } else if (entry.connections === 10 && direct10) {
        row([
          `2. req/s, 10 conn: ${entry.label}`,
          `direct ${num(direct10.reqPerSec)}`,
          num(entry.reqPerSec),
          `**${times(entry.ratio)}**`,
          ours ? '≥ 0.8×' : '—',
          ours ? verdict(byId('gateway-throughput')?.met) : '—',
        ]);
      }
    }
    for (const skipped of results.gateway.value.skipped) {
      row([`2. ${skipped.label}`, 'not run', skipped.reason.split('\n')[0] ?? '', '', '—', '—']);
    }
  } else row(['2. gateway', 'not run', results.gateway.error, '', '', '']);

  if (results.aggregation.ok) {
    const { value } = results.aggregation;
    for (const discovery of value.discovery) {
      row([
        `3. cold discovery, ${value.targets}×${value.toolsPerTarget}, target latency ${discovery.delay}`,
        `slowest target alone ${num(discovery.slowestSingleMs, 1)} ms`,
        `gateway ${num(discovery.gatewayColdMs, 1)} ms`,
        `**${times(discovery.ratio)}**`,
        '—',
        '—',
      ]);
    }
    const [one, all] = value.warmList;
    if (one && all) {
      row([
        `3. warm tools/list p50, ${value.targets * value.toolsPerTarget} tools`,
        `${value.toolsPerTarget} tools ${num(one.p50Ms, 2)} ms`,
        `${num(all.p50Ms, 2)} ms`,
        `**${times(all.p50Ms / one.p50Ms)}**`,
        '—',
        '—',
      ]);
    }
  } else row(['3. aggregation', 'not run', results.aggregation.error, '', '', '']);

  if (results.memory.ok) {
    const { value } = results.memory;
    const warm = value.points[1];
    const end = value.points.at(-1);
    row([
      `4. gateway RSS over ${num(value.calls)} calls`,
      `after warm-up ${num(warm?.gateway.rssMiB ?? Number.NaN, 1)} MiB`,
      `${num(end?.gateway.rssMiB ?? Number.NaN, 1)} MiB`,
      `**${times(value.gatewayRatio)}** (upstream ${times(value.upstreamRatio)})`,
      '—',
      '—',
    ]);
  } else row(['4. memory', 'not run', results.memory.error, '', '', '']);

  if (results.coldStart.ok) {
    const [reference, ...ours] = results.coldStart.value.rows;
    for (const entry of ours) {
      row([
        `5. cold start → first tools/call: ${entry.label}`,
        `SDK v1 reference ${num(reference?.firstCallMs ?? Number.NaN)} ms`,
        `${num(entry.firstCallMs)} ms`,
        `**${times(entry.ratio)}**`,
        '—',
        '—',
      ]);
    }
  } else row(['5. cold start', 'not run', results.coldStart.error, '', '', '']);

  return table(['benchmark', 'baseline (same run)', 'ours', 'ratio', 'target', 'met?'], rows);
}
