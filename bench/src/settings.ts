/** How long and how often the bench measures; `--quick` trades precision for time (CI). */
export interface BenchSettings {
  readonly quick: boolean;
  /** Alternating rounds per comparison. */
  readonly rounds: number;
  /** Seconds per measured load run. */
  readonly durationS: number;
  /** Seconds of unrecorded warm-up per subject before the rounds. */
  readonly warmupS: number;
  /** Connection counts for the server comparison (issue §1). */
  readonly serverConnections: readonly number[];
  /**
   * §1 warms every server up before each connection count (`true`), or only before the first
   * (`false`: the processes stay up and warm between counts; saves time in `--quick`).
   */
  readonly serverWarmupEachCount: boolean;
  /** Connection counts for the gateway overhead comparison (issue §2). */
  readonly gatewayConnections: readonly number[];
  /** Upstream targets and tools per target for the aggregation benchmark (issue §3). */
  readonly aggregation: {
    readonly targets: number;
    readonly tools: number;
    readonly coldRuns: number;
  };
  /** tools/call requests sent through the gateway for the memory benchmark (issue §4). */
  readonly memoryCalls: number;
  /** Process starts per app for the cold-start benchmark (issue §5). */
  readonly coldStartRuns: number;
}

/** The full run that RESULTS.md records. */
export const FULL_SETTINGS: BenchSettings = {
  quick: false,
  rounds: 3,
  durationS: 5,
  warmupS: 2,
  serverConnections: [1, 10, 50],
  serverWarmupEachCount: true,
  gatewayConnections: [1, 10],
  aggregation: { targets: 50, tools: 20, coldRuns: 5 },
  memoryCalls: 100_000,
  coldStartRuns: 5,
};

/**
 * `--quick` (CI: the benchmarks keep working, no figure is kept): every row once with 1 s runs and
 * no warm-up, §1 at the two connection counts its targets name, §3 with 10 targets instead of 50,
 * a twentieth of the memory run; under 2 minutes in a fresh clone, with the peers' npm install
 * (144 s before these cuts, 2026-12-06).
 */
export const QUICK_SETTINGS: BenchSettings = {
  quick: true,
  rounds: 1,
  durationS: 1,
  warmupS: 0,
  serverConnections: [1, 10],
  serverWarmupEachCount: false,
  gatewayConnections: [1, 10],
  aggregation: { targets: 10, tools: 20, coldRuns: 1 },
  memoryCalls: 5_000,
  coldStartRuns: 2,
};
