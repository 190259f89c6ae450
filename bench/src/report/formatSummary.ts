import { ratioWithin, type SubjectSummary } from '../measure/runRounds.js';
import { SERVER_IDS } from '../sections/serverSection.js';
import type { BenchResults } from './benchResults.js';
import { COLD_START_AT_MOST, COLD_START_TARGETS, coldStartTargetRow } from './coldStartTargets.js';
import {
  bestStdioPeer,
  SERVER_TARGETS,
  type TargetCheck,
  type TargetId,
} from './evaluateTargets.js';
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
        const targets = SERVER_TARGETS.filter((target) => target.era === era);
        for (const target of targets) {
          const baseline = at(rowsOfEra, target.baseline, connections);
          if (!baseline || (connections !== 10 && target.baseline !== SERVER_IDS.v2)) continue;
          const check = connections === 10 ? byId(target.id) : undefined;
          row([
            `1. tools/call req/s, ${eraLabel(era)}, ${connections} conn`,
            `${baseline.label} ${num(baseline.reqPerSec)}`,
            `example-server ${num(ours.reqPerSec)}`,
            `**${times(ratioWithin(ours, baseline))}**`,
            check ? `≥ ${target.atLeast}×` : '—',
            check ? verdict(check.met) : '—',
          ]);
        }
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
    for (const era of ['legacy', 'modern'] as const) {
      const gatewayRows = results.gateway.value.rows.filter((entry) => entry.era === era);
      const direct1 = at(gatewayRows, 'direct', 1);
      const direct10 = at(gatewayRows, 'direct', 10);
      for (const entry of gatewayRows.filter((candidate) => candidate.id !== 'direct')) {
        const ours = entry.id === 'gateway';
        if (entry.connections === 1 && direct1) {
          row([
            `2. p50, ${eraLabel(era)}, 1 conn: ${entry.label}`,
            `direct ${num(direct1.p50Ms, 2)} ms`,
            `${num(entry.p50Ms, 2)} ms`,
            `**${signedMs(entry.p50DeltaMs)} ms**`,
            ours ? '≤ +0.3 ms' : '—',
            ours ? verdict(byId(`gateway-p50-${era}`)?.met) : '—',
          ]);
        } else if (entry.connections === 10 && direct10) {
          row([
            `2. req/s, ${eraLabel(era)}, 10 conn: ${entry.label}`,
            `direct ${num(direct10.reqPerSec)}`,
            num(entry.reqPerSec),
            `**${times(entry.ratio)}**`,
            ours ? '≥ 0.8×' : '—',
            ours ? verdict(byId(`gateway-throughput-${era}`)?.met) : '—',
          ]);
        }
      }
      const bare10 = at(gatewayRows, 'bare-proxy', 10);
      const gateway10 = at(gatewayRows, 'gateway', 10);
      if (direct10 && gateway10) {
        row([
          `2. CPU per call, ${eraLabel(era)}, 10 conn: the gateway process alone vs example-server's own`,
          `example-server ${num(direct10.frontCpuUsPerCall)} µs`,
          `gateway ${num(gateway10.frontCpuUsPerCall)} µs`,
          `**${times(gateway10.frontCpuUsPerCall / direct10.frontCpuUsPerCall)}**`,
          '—',
          '—',
        ]);
      }
      if (bare10 && gateway10) {
        row([
          `2. req/s, ${eraLabel(era)}, 10 conn: our gateway vs the bare proxy (the hop alone)`,
          `bare proxy ${num(bare10.reqPerSec)}`,
          num(gateway10.reqPerSec),
          `**${times(ratioWithin(gateway10, bare10))}**`,
          '—',
          '—',
        ]);
      }
    }
  } else row(['2. gateway', 'not run', results.gateway.error, '', '', '']);

  if (results.stdio.ok) {
    for (const connections of [1, 10] as const) {
      const best = bestStdioPeer(results.stdio.value.rows, connections);
      if (!best) continue;
      const check = byId(`stdio-${connections}`);
      row([
        `2b. stdio server, req/s, ${connections} conn: our gateway vs the best peer`,
        `${best.peer.label} ${num(best.peer.reqPerSec)}`,
        `our gateway ${num(best.ours.reqPerSec)}`,
        `**${times(ratioWithin(best.ours, best.peer))}**`,
        '≥ 1.5×',
        verdict(check?.met),
      ]);
    }
  } else row(['2b. stdio server', 'not run', results.stdio.error, '', '', '']);

  if (results.aggregation.ok) {
    const { value } = results.aggregation;
    for (const discovery of value.discovery) {
      row([
        `3. cold discovery, ${value.targets}×${value.toolsPerTarget}, target latency ${discovery.delay}`,
        `slowest target alone ${num(discovery.slowestSingleMs, 1)} ms`,
        `gateway ${num(discovery.gatewayColdMs, 1)} ms`,
        `**${times(discovery.ratio)}**`,
        '≤ 2×',
        verdict(discovery.ratio <= 2),
      ]);
    }
    const [one, all] = value.warmList;
    if (one && all) {
      row([
        `3. warm tools/list p50, ${value.targets * value.toolsPerTarget} tools`,
        `${value.toolsPerTarget} tools ${num(one.p50Ms, 2)} ms`,
        `${num(all.p50Ms, 2)} ms`,
        `**${times(all.p50Ms / one.p50Ms)}**`,
        '≤ 1 ms',
        verdict(all.p50Ms <= 1),
      ]);
    }
    const { startUp } = value;
    for (const [what, aloneMs, ours, ratio] of [
      ['first `/ping`', startUp.alone.pingMs, startUp.withSlowAndDead.pingMs, startUp.pingRatio],
      [
        "first tools/list with the live target's tool",
        startUp.alone.toolsMs,
        startUp.withSlowAndDead.toolsMs,
        startUp.toolsRatio,
      ],
    ] as const) {
      row([
        `3. gateway-service start-up with a slow and a dead target: ${what}`,
        `live target alone ${num(aloneMs)} ms`,
        `${num(ours)} ms`,
        `**${times(ratio)}**`,
        '≤ 1.1×',
        verdict(ratio <= 1.1),
      ]);
    }
  } else row(['3. aggregation', 'not run', results.aggregation.error, '', '', '']);

  if (results.memory.ok) {
    const { value } = results.memory;
    const warm = value.points[1];
    const end = value.points.at(-1);
    // Issue 16: RSS at the end ≤ 120 MiB (gateway) / ≤ 100 MiB (example-server), drift ≤ 10 %.
    for (const [process, label, atMostMiB, ratio] of [
      ['gateway', 'gateway', 120, value.gatewayRatio],
      ['upstream', 'example-server (the upstream)', 100, value.upstreamRatio],
    ] as const) {
      const endMiB = end?.[process].rssMiB ?? Number.NaN;
      row([
        `4. ${label} RSS over ${num(value.calls)} calls`,
        `after warm-up ${num(warm?.[process].rssMiB ?? Number.NaN, 1)} MiB`,
        `${num(endMiB, 1)} MiB`,
        `**${times(ratio)}**`,
        `≤ ${atMostMiB} MiB, ≤ 1.10×`,
        verdict(Number.isNaN(endMiB) ? undefined : endMiB <= atMostMiB && ratio <= 1.1),
      ]);
    }
  } else row(['4. memory', 'not run', results.memory.error, '', '', '']);

  if (results.coldStart.ok) {
    const { value } = results.coldStart;
    const reference = value.rows.find((entry) => entry.id === 'sdk-reference');
    for (const entry of value.rows.filter((candidate) => candidate.node === 'bench')) {
      if (entry === reference) continue;
      row([
        `5. cold start → first tools/call: ${entry.label}`,
        `SDK v1 reference ${num(reference?.firstCallMs ?? Number.NaN)} ms`,
        `${num(entry.firstCallMs)} ms`,
        `**${times(entry.ratio)}**`,
        '—',
        '—',
      ]);
    }
    for (const target of COLD_START_TARGETS) {
      const entry = coldStartTargetRow(value, target);
      const node = value.nodes.find((candidate) => candidate.node === target.node);
      if (!entry || !node) continue;
      row([
        `5. cold start → first tools/call ÷ \`node -e ""\`, Node ${node.version}: ${entry.label}`,
        `\`node -e ""\` ${num(node.nodeMs)} ms`,
        `${num(entry.firstCallMs)} ms`,
        `**${times(entry.nodeRatio)}**`,
        `≤ ${COLD_START_AT_MOST}×`,
        verdict(byId(`cold-start-${target.app}-${target.node}`)?.met),
      ]);
    }
  } else row(['5. cold start', 'not run', results.coldStart.error, '', '', '']);

  return table(['benchmark', 'baseline (same run)', 'ours', 'ratio', 'target', 'met?'], rows);
}
