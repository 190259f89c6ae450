import type { ProtocolEra } from '../mcpHttp.js';

/**
 * A Markdown table.
 *
 * @param header - Column titles.
 * @param rows - Cells, already formatted.
 * @returns The table's lines joined by newlines.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * A number with fixed decimals, thousands separated; `n/a` for NaN or infinity.
 *
 * @param value - The number.
 * @param digits - Decimals. Default 0.
 * @returns The formatted number.
 */
export function num(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * A ratio such as `2.05×`.
 *
 * @param value - The ratio.
 * @returns The formatted ratio.
 */
export function times(value: number): string {
  return `${num(value, 2)}×`;
}

/**
 * A signed difference in ms such as `+0.42`.
 *
 * @param value - The difference.
 * @returns The formatted difference.
 */
export function signedMs(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value >= 0 ? '+' : '−'}${num(Math.abs(value), 2)}`;
}

/**
 * How the report names a protocol era.
 *
 * @param era - The era.
 * @returns `2025` (requests without a session) or `2026-07-28`.
 */
export function eraLabel(era: ProtocolEra): string {
  return era === 'modern' ? '2026-07-28' : '2025';
}
