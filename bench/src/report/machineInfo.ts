import { spawnSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';

/** What the run ran on. */
export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly kernel: string;
  readonly node: string;
  readonly loadGenerator: string;
  /** The commit measured (`git rev-parse --short HEAD`), with `+changes` for a dirty tree. */
  readonly commit: string;
}

/**
 * Describes this machine and the code being measured.
 *
 * @param loadGenerator - wrk's version line.
 * @returns CPU, cores, memory, kernel, Node, load generator and commit.
 */
export function readMachineInfo(loadGenerator: string): MachineInfo {
  const git = (...args: string[]) =>
    spawnSync('git', args, { encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--untracked-files=no') !== '';
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    loadGenerator,
    commit: dirty ? `${commit}+changes` : commit,
  };
}

/**
 * The 1-minute load average, rounded: how busy the shared machine was.
 *
 * @returns The load average.
 */
export function currentLoad(): number {
  return Math.round((loadavg()[0] ?? 0) * 100) / 100;
}
