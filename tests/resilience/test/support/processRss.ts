import { readFileSync } from 'node:fs';

/**
 * The resident set size of a process, from `/proc/<pid>/status` (Linux, where CI runs).
 *
 * @param pid - The process.
 * @returns Its RSS in bytes.
 * @throws Error when `/proc` has no such process or no VmRSS line.
 */
export function processRss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kilobytes === undefined) throw new Error(`/proc/${pid}/status has no VmRSS line`);
  return Number(kilobytes) * 1024;
}

/**
 * The median of some numbers.
 *
 * @param values - At least one number.
 * @returns The median.
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
