import { ratioWithin, type SubjectSummary } from '../measure/runRounds.js';
import type { AggregationResult } from '../sections/aggregationSection.js';
import type { ColdStartResult } from '../sections/coldStartSection.js';
import type { GatewaySectionResult } from '../sections/gatewaySection.js';
import type { MemoryResult } from '../sections/memorySection.js';
import { SERVER_IDS, type ServerRow } from '../sections/serverSection.js';
import { SLOW_TARGET_DELAY_MS } from '../sections/startUpSection.js';
import { STDIO_IDS, type StdioSectionResult } from '../sections/stdioSection.js';
import { eraLabel, num, signedMs, table, times } from './markdown.js';

const errorsCell = (row: SubjectSummary) =>
  row.errors === 0 ? '0' : `**${num(row.errors)}** (${row.firstError ?? 'socket errors'})`;

/**
 * Issue §1 as one table per protocol era: per connection count, the SDK v2 reference (baseline),
 * the SDK v1 reference and fastmcp (2025 only) and example-server. The 2025 table also gives each
 * row's ratio to the SDK v1 reference and to fastmcp.
 *
 * @param rows - The section's rows.
 * @returns Markdown.
 */
export function formatServer(rows: readonly ServerRow[]): string {
  const tables = (['legacy', 'modern'] as const).map((era) => {
    const rowsOfEra = rows.filter((row) => row.era === era);
    const others = [
      { id: SERVER_IDS.v1, header: '× SDK v1' },
      { id: SERVER_IDS.fastmcp, header: '× fastmcp' },
    ].filter(({ id }) => rowsOfEra.some((row) => row.id === id));
    const body = table(
      [
        'connections',
        'server',
        'req/s',
        '× SDK v2',
        ...others.map(({ header }) => header),
        'p50 ms',
        'p99 ms',
        'CPU µs/call',
        'wrk CPU',
        'errors',
      ],
      rowsOfEra.map((row) => [
        String(row.connections),
        row.label,
        num(row.reqPerSec),
        row.id === SERVER_IDS.v2 ? 'baseline' : `**${times(row.ratio)}**`,
        ...others.map(({ id }) => {
          const baseline = rowsOfEra.find(
            (candidate) => candidate.id === id && candidate.connections === row.connections,
          );
          return row.id === id || !baseline ? '—' : times(ratioWithin(row, baseline));
        }),
        num(row.p50Ms, 2),
        num(row.p99Ms, 2),
        num(row.cpuUsPerCall),
        `${num(row.generatorCpuPct)}%`,
        errorsCell(row),
      ]),
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
  const tables = (['legacy', 'modern'] as const).map((era) => {
    const rows = result.rows
      .filter((row) => row.era === era)
      .map((row) => [
        String(row.connections),
        row.label,
        num(row.reqPerSec),
        row.id === 'direct' ? 'baseline' : `**${times(row.ratio)}**`,
        num(row.p50Ms, 2),
        row.id === 'direct' ? '—' : `**${signedMs(row.p50DeltaMs)}**`,
        num(row.p99Ms, 2),
        num(row.cpuUsPerCall),
        num(row.frontCpuUsPerCall),
        `${num(row.generatorCpuPct)}%`,
        errorsCell(row),
      ]);
    const body = table(
      [
        'connections',
        'path to example-server',
        'req/s',
        '× direct',
        'p50 ms',
        'Δp50 ms',
        'p99 ms',
        'CPU µs/call',
        'front process CPU µs/call',
        'wrk CPU',
        'errors',
      ],
      rows,
    );
    return `### ${eraLabel(era)} requests\n\n${body}`;
  });
  return tables.join('\n\n');
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
  const { startUp } = result;
  const startUpTable = table(
    [
      'gateway-service start-up (spawn →)',
      'live HTTP target alone',
      `+ a stdio target silent ${SLOW_TARGET_DELAY_MS / 1000} s + a refused port`,
      'ratio',
    ],
    [
      [
        'first `GET /ping` answer',
        `${num(startUp.alone.pingMs)} ms`,
        `${num(startUp.withSlowAndDead.pingMs)} ms`,
        `**${times(startUp.pingRatio)}**`,
      ],
      [
        "first `tools/list` with the live target's tool",
        `${num(startUp.alone.toolsMs)} ms`,
        `${num(startUp.withSlowAndDead.toolsMs)} ms`,
        `**${times(startUp.toolsRatio)}**`,
      ],
    ],
  );
  return `${discovery}\n\n${warm}\n\n${startUpTable}`;
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
 * Issue §5 as a table: each Node's `node -e ""` floor, then every app on every Node, with its ratio
 * to the same Node's floor (issue 16's target) and, on the bench's Node, to the SDK v1 reference.
 *
 * @param result - The section's result.
 * @returns Markdown.
 */
export function formatColdStart(result: ColdStartResult): string {
  const version = (node: string) =>
    result.nodes.find((candidate) => candidate.node === node)?.version ?? node;
  const body = table(
    [
      'app',
      'Node',
      'start → first tools/call',
      'start → listening',
      '× `node -e ""`',
      '× SDK v1 reference',
    ],
    [
      ...result.nodes.map((node) => [
        '`node -e ""` (start and exit, the floor)',
        node.version,
        `${num(node.nodeMs)} ms`,
        '—',
        'floor',
        '—',
      ]),
      ...result.rows.map((row) => [
        row.label,
        version(row.node),
        `**${num(row.firstCallMs)} ms**`,
        `${num(row.listeningMs)} ms`,
        times(row.nodeRatio),
        row.id === 'sdk-reference' ? 'baseline' : row.node === 'bench' ? times(row.ratio) : '—',
      ]),
    ],
  );
  return result.node24Missing === undefined
    ? body
    : `${body}\n\nNode 24 rows not run: ${result.node24Missing}`;
}

/**
 * Issue §2b as a table: per connection count, our gateway and each peer in front of the same
 * stdio server, with our gateway's ratio to each peer.
 *
 * @param result - The section's result.
 * @returns Markdown.
 */
export function formatStdio(result: StdioSectionResult): string {
  return table(
    [
      'connections',
      'proxy',
      'req/s',
      'ours ×',
      'p50 ms',
      'p99 ms',
      'CPU µs/call',
      'wrk CPU',
      'errors',
    ],
    result.rows.map((row) => {
      const ours = result.rows.find(
        (candidate) => candidate.id === STDIO_IDS.ours && candidate.connections === row.connections,
      );
      return [
        String(row.connections),
        row.label,
        num(row.reqPerSec),
        row.id === STDIO_IDS.ours || !ours ? '—' : `**${times(ratioWithin(ours, row))}**`,
        num(row.p50Ms, 2),
        num(row.p99Ms, 2),
        num(row.cpuUsPerCall),
        `${num(row.generatorCpuPct)}%`,
        errorsCell(row),
      ];
    }),
  );
}
