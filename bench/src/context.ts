import type { PeersResult } from './procs/ensurePeers.js';
import type { BenchSettings } from './settings.js';

/** What every benchmark section gets. */
export interface BenchContext {
  readonly settings: BenchSettings;
  /** The wrk Lua script on disk. */
  readonly scriptPath: string;
  /** A scratch directory for this run (config files); removed at the end. */
  readonly scratchDir: string;
  /** The peer proxies, or why they are missing. */
  readonly peers: PeersResult;
  /** Progress output (stderr). */
  readonly log: (line: string) => void;
}
