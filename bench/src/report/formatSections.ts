import { ratioWithin, type SubjectSummary } from '../measure/runRounds.js';
import type { AggregationResult } from '../sections/aggregationSection.js';
import type { ColdStartResult } from '../sections/coldStartSection.js';
import type { GatewaySectionResult } from '../sections/gatewaySection.js';
import type { MemoryResult } from '../sections/memorySection.js';
import { SERVER_IDS, type ServerRow } from '../sections/serverSection.js';
import { eraLabel, num, signedMs, table, times } from './markdown.js';

const errorsCell = (row: SubjectSummary) =>
  row.errors === 0 ? '0' : `**${num(row.errors)}** (${row.firstError ?? 'socket errors'})`;

/**
 * Issue §1 as one table per protocol era: per connection count, the SDK v2 reference (baseline),
 * the SDK v1 reference (2025 only) and example-server. The 2025 table also gives each row's ratio
 * to the SDK v1 reference, the baseline of earlier runs.
 *
 * @param rows - The section's rows.
 * @returns Markdown.
 */
export function formatServer(rows: readonly ServerRow[]): string {
  const tables = (['legacy', 'modern'] as const).map((era) => {
    const rowsOfEra = rows.filter((row) => row.era === era);
    const hasV1 = rowsOfEra.some((row) => row.id === SERVER_IDS.v1);
    const v1At = (connections: number) =>
      rowsOfEra.find((row) => row.id === SERVER_IDS.v1 && row.connections === connections);
    const body = table(
      [
        'connections',
        'server',
        'req/s',
        '× SDK v2',
        ...(hasV1 ? ['× SDK v1'] : []),
        'p50 ms',
        'p99 ms',
        'CPU µs/call',
        'wrk CPU',
        'errors',
      ],
      rowsOfEra.map((row) => {
        const v1 = v1At(row.connections);
        return [
          String(row.connections),
          row.label,
          num(row.reqPerSec),
          row.id === SERVER_IDS.v2 ? 'baseline' : `**${times(row.ratio)}**`,
          ...(hasV1 ? [row.id === SERVER_IDS.v1 || !v1 ? '—' : times(ratioWithin(row, v1))] : []),
          num(row.p50Ms, 2),
          num(row.p99Ms, 2),
          num(row.cpuUsPerCall),
          `${num(row.generatorCpuPct)}%`,
          errorsCell(row),
        ];
      }),
    );
    return `### ${eraLabel(era)} requests\n\n${body}`;
  });
  return tables.join('\n\n');
}

/**
 * Issue §2 as a table, with rows that could not run.
 *
 * @param result - The section's result.
 * @returns Markdown.
 */
export function formatGateway(result: GatewaySectionResult): string {
  const rows = result.rows.map((row) => [
    String(row.connections),
    row.label,
    num(row.reqPerSec),
    row.id === 'direct' ? 'baseline' : `**${times(row.ratio)}**`,
    num(row.p50Ms, 2),
    row.id === 'direct' ? '—' : `**${signedMs(row.p50DeltaMs)}**`,
    num(row.p99Ms, 2),
    num(row.cpuUsPerCall),
    `${num(row.generatorCpuPct)}%`,
    errorsCell(row),
  ]);
  const skipped = result.skipped.map((row) => [
    '—',
    row.label,
    `not run: ${row.reason.replaceAll('|', '/').replaceAll('\n', ' ')}`,
    ...Array.from({ length: 7 }, () => ''),
  ]);
  return table(
    [
      'connections',
      'path to example-server',
      'req/s',
      '× direct',
      'p50 ms',
      'Δp50 ms',
      'p99 ms',
      'CPU µs/call',
      'wrk CPU',
      'errors',
    ],
    [...rows, ...skipped],
  );
}

/**
 * Issue §3 as two tables: cold discovery per latency profile, then warm tools/list.
 *
 * @param result - The section's result.
 * @returns Markdown.
 */
export function formatAggregation(result: AggregationResult): string {
  const discovery = table(
    [
      'targets × tools',
      'target latency',
      'slowest target alone',
      'median target alone',
      'gateway cold discovery',
      '× slowest alone',
    ],
    result.discovery.map((row) => [
      `${result.targets} × ${result.toolsPerTarget}`,
      row.delay,
      `${num(row.slowestSingleMs, 1)} ms`,
      `${num(row.medianSingleMs, 1)} ms`,
      `${num(row.gatewayColdMs, 1)} ms`,
      `**${times(row.ratio)}**`,
    ]),
  );
  const warm = table(
    ['warm tools/list, 1 connection', 'req/s', 'p50 ms', '× p50 of 1 target', 'p99 ms', 'errors'],
    result.warmList.map((row, index) => {
      const baseline = result.warmList[0];
      return [
        row.label,
        num(row.reqPerSec),
        `**${num(row.p50Ms, 2)}**`,
        index === 0 || !baseline ? 'baseline' : times(row.p50Ms / baseline.p50Ms),
        num(row.p99Ms, 2),
        errorsCell(row),
      ];
    }),
  );
  return `${discovery}\n\n${warm}`;
}

/**
 * Issue §4 as a table of RSS readings.
 *
 * @param result - The section's result.
 * @returns Markdown.
 */
export function formatMemory(result: MemoryResult): string {
  return table(
    ['when', 'calls so far', 'gateway RSS MiB', 'gateway peak MiB', 'upstream RSS MiB'],
    result.points.map((point) => [
      point.label,
      num(point.calls),
      num(point.gateway.rssMiB, 1),
      num(point.gateway.peakRssMiB, 1),
      num(point.upstream.rssMiB, 1),
    ]),
  );
}

/**
 * Issue §5 as a table.
 *
 * @param result - The section's result.
 * @returns Markdown.
 */
export function formatColdStart(result: ColdStartResult): string {
  return table(
    ['app', 'start → first tools/call', 'start → listening', '× reference'],
    [
      ['`node -e ""` (start and exit, the floor)', `${num(result.nodeMs)} ms`, '—', '—'],
      ...result.rows.map((row) => [
        row.label,
        `**${num(row.firstCallMs)} ms**`,
        `${num(row.listeningMs)} ms`,
        row.id === 'sdk-reference' ? 'baseline' : times(row.ratio),
      ]),
    ],
  );
}
