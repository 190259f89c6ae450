import type { ScenarioVerdict } from './classifyScenario.js';

/** One row of the results table: a scenario and its verdict per run (absent if it did not run). */
export interface ResultsRow {
  readonly scenario: string;
  /** One verdict per column, in column order. */
  readonly verdicts: readonly (ScenarioVerdict | undefined)[];
}

const MAX_MESSAGE = 90;

/**
 * Formats the verdicts as an aligned Markdown table (`scenario | <run> | <run> …`), ready to paste
 * into the README. Failures carry the first error message, shortened to one line.
 *
 * @param columns - The run labels, one column each.
 * @param rows - One row per scenario, in run order.
 * @returns The table, one line per row, without a trailing newline.
 */
export function formatResultsTable(
  columns: readonly string[],
  rows: readonly ResultsRow[],
): string {
  const cells = [
    ['scenario', ...columns],
    ...rows.map((row) => [
      row.scenario,
      ...columns.map((_, column) => formatVerdict(row.verdicts[column])),
    ]),
  ];
  const widths =
    cells[0]?.map((_, column) => Math.max(...cells.map((line) => (line[column] ?? '').length))) ??
    [];
  const formatLine = (line: string[]) =>
    `| ${line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const [header = [], ...body] = cells;
  return [
    formatLine(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...body.map(formatLine),
  ].join('\n');
}

function formatVerdict(verdict: ScenarioVerdict | undefined): string {
  if (!verdict) return '(not run)';
  if (verdict.message === undefined) return verdict.outcome;
  const oneLine = verdict.message.replace(/\s+/g, ' ').replaceAll('|', '\\|');
  const short = oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE - 1)}…` : oneLine;
  return `${verdict.outcome}: ${short}`;
}
