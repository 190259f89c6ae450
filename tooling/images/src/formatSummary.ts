/** One line of the summary: an image built and checked, or the base stand-in. */
export interface SummaryRow {
  /** e.g. `example-server`, `example-server --target observability`. */
  readonly image: string;
  readonly platform: string;
  /** Build time in ms; `undefined` when nothing was built (a cached base) or the build failed first. */
  readonly buildMs: number | undefined;
  /** Server start (spawn to listening line) in ms, for server images. */
  readonly startMs: number | undefined;
  /** Time of all its checks in ms, container set-up and removal included. */
  readonly checkMs: number | undefined;
  readonly ok: boolean;
  /** What passed, or what failed. */
  readonly result: string;
}

/**
 * A duration the way the summary shows it: `850 ms`, `12.3 s`, `3 min 32 s`.
 *
 * @param ms - Milliseconds.
 * @returns The text.
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * The summary `pnpm images` prints at the end: a Markdown table (it pastes into a README as it is)
 * and a total line.
 *
 * @param rows - One per image, in the order they ran.
 * @param totalMs - Wall time of the whole run.
 * @returns The text, ending with a newline.
 */
export function formatSummary(rows: readonly SummaryRow[], totalMs: number): string {
  const cell = (ms: number | undefined) => (ms === undefined ? '-' : formatDuration(ms));
  const header = ['image', 'platform', 'build', 'start', 'checks', 'result'];
  const lines = rows.map((row) => [
    row.image,
    row.platform,
    cell(row.buildMs),
    cell(row.startMs),
    cell(row.checkMs),
    `${row.ok ? 'ok' : 'FAILED'}: ${row.result}`,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  const format = (line: readonly string[]) =>
    `| ${widths.map((width, column) => (line[column] ?? '').padEnd(width)).join(' | ')} |`;
  const failed = rows.filter((row) => !row.ok).length;
  return [
    format(header),
    format(widths.map((width) => '-'.repeat(width))),
    ...lines.map(format),
    '',
    `total ${formatDuration(totalMs)}; ${failed === 0 ? 'all' : `${rows.length - failed} of`} ${rows.length} ok`,
    '',
  ].join('\n');
}
