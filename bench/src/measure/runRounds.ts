import type { LoadCall, LoadResult } from '../load/runWrk.js';
import { runWrk } from '../load/runWrk.js';
import { treeCpuSeconds } from '../procs/processStats.js';
import { median } from './stats.js';

/** One endpoint under load. */
export interface Subject {
  /** A stable key for the JSON results, e.g. `example-server`. */
  readonly id: string;
  /** What the table shows. */
  readonly label: string;
  readonly url: string;
  readonly call: LoadCall;
  readonly headers?: Readonly<Record<string, string>>;
  /** The processes whose CPU time counts as the system under test (with their children). */
  readonly pids: readonly number[];
}

/** How {@link runRounds} runs. */
export interface RoundsOptions {
  readonly connections: number;
  readonly rounds: number;
  readonly durationS: number;
  /** An unrecorded run per subject first, in seconds (0: none). */
  readonly warmupS: number;
  readonly scriptPath: string;
  readonly log: (line: string) => void;
}

/** One measured run of one subject. */
export interface Sample {
  readonly load: LoadResult;
  /** CPU seconds the system under test used during the run. */
  readonly sutCpuS: number;
  /** CPU seconds of the first of `pids` alone (the process the load generator talks to). */
  readonly frontCpuS: number;
}

/** A subject's figures over all rounds, against the baseline (the first subject). */
export interface SubjectSummary {
  readonly id: string;
  readonly label: string;
  readonly connections: number;
  /** Medians over the rounds. */
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Median over rounds of (this subject's req/s ÷ the baseline's in the same round). */
  readonly ratio: number;
  /** Median over rounds of (this p50 − the baseline's p50 in the same round), in ms. */
  readonly p50DeltaMs: number;
  /** CPU time of the system under test per right answer, in µs (median over rounds). */
  readonly cpuUsPerCall: number;
  /**
   * CPU time of the first of `pids` alone (e.g. a gateway without its upstream) per right answer,
   * in µs (median over rounds): what that process costs per call wherever its neighbours run.
   */
  readonly frontCpuUsPerCall: number;
  /** wrk's CPU time ÷ wall time, in % of one core (median over rounds). */
  readonly generatorCpuPct: number;
  /** Wrong answers and socket errors, summed over the rounds. */
  readonly errors: number;
  readonly firstError: string | undefined;
  readonly rounds: readonly { reqPerSec: number; p50Ms: number; p99Ms: number }[];
}

/**
 * Measures subjects in alternating rounds: every round runs each subject once, starting one
 * further along the list each time, so slow drifts of a shared machine hit all of them alike.
 * Ratios are taken within a round and then the median over rounds.
 *
 * @param subjects - The endpoints; the first is the baseline.
 * @param options - Connections, rounds, duration, warm-up.
 * @returns One summary per subject, in the given order.
 */
export async function runRounds(
  subjects: readonly Subject[],
  options: RoundsOptions,
): Promise<SubjectSummary[]> {
  const run = async (subject: Subject, durationS: number): Promise<Sample> => {
    const front = subject.pids.slice(0, 1);
    const before = treeCpuSeconds(subject.pids);
    const frontBefore = treeCpuSeconds(front);
    const load = await runWrk({
      url: subject.url,
      call: subject.call,
      connections: options.connections,
      durationS,
      scriptPath: options.scriptPath,
      ...(subject.headers ? { headers: subject.headers } : {}),
    });
    return {
      load,
      sutCpuS: treeCpuSeconds(subject.pids) - before,
      frontCpuS: treeCpuSeconds(front) - frontBefore,
    };
  };
  if (options.warmupS > 0) {
    for (const subject of subjects) await run(subject, options.warmupS);
  }
  const samples = subjects.map((): Sample[] => []);
  for (let round = 0; round < options.rounds; round++) {
    for (let step = 0; step < subjects.length; step++) {
      const index = (round + step) % subjects.length;
      const subject = subjects[index];
      if (subject === undefined) continue;
      const sample = await run(subject, options.durationS);
      samples[index]?.push(sample);
      options.log(
        `  ${options.connections} conn, round ${round + 1}: ${subject.label}: ` +
          `${sample.load.reqPerSec.toFixed(0)} req/s, p50 ${sample.load.p50Ms.toFixed(2)} ms` +
          (sample.load.errors > 0 ? `, ${sample.load.errors} errors` : ''),
      );
    }
  }
  const baseline = samples[0] ?? [];
  return subjects.map((subject, index) =>
    summarize(subject, {
      samples: samples[index] ?? [],
      baseline,
      connections: options.connections,
    }),
  );
}

function summarize(
  subject: Subject,
  {
    samples,
    baseline,
    connections,
  }: { samples: readonly Sample[]; baseline: readonly Sample[]; connections: number },
): SubjectSummary {
  const loads = samples.map((sample) => sample.load);
  const perRound = (pick: (sample: Sample, base: Sample) => number) =>
    median(samples.map((sample, round) => pick(sample, baseline[round] ?? sample)));
  return {
    id: subject.id,
    label: subject.label,
    connections,
    reqPerSec: median(loads.map((load) => load.reqPerSec)),
    p50Ms: median(loads.map((load) => load.p50Ms)),
    p99Ms: median(loads.map((load) => load.p99Ms)),
    ratio: perRound((sample, base) => sample.load.reqPerSec / base.load.reqPerSec),
    p50DeltaMs: perRound((sample, base) => sample.load.p50Ms - base.load.p50Ms),
    cpuUsPerCall: median(samples.map((sample) => (1e6 * sample.sutCpuS) / sample.load.good)),
    frontCpuUsPerCall: median(samples.map((sample) => (1e6 * sample.frontCpuS) / sample.load.good)),
    generatorCpuPct: median(loads.map((load) => (100 * load.generatorCpuS) / load.durationS)),
    errors: loads.reduce((sum, load) => sum + load.errors, 0),
    firstError: loads.find((load) => load.firstError !== undefined)?.firstError,
    rounds: loads.map(({ reqPerSec, p50Ms, p99Ms }) => ({ reqPerSec, p50Ms, p99Ms })),
  };
}

/**
 * The median over rounds of one subject's req/s ÷ another's in the same round, for two subjects
 * of the same {@link runRounds} call (e.g. against a second reference, not the first subject).
 *
 * @param subject - The subject.
 * @param base - The subject it is compared with.
 * @returns The ratio, NaN when they share no round.
 */
export function ratioWithin(subject: SubjectSummary, base: SubjectSummary): number {
  return median(
    subject.rounds.flatMap((round, index) => {
      const other = base.rounds[index];
      return other === undefined ? [] : [round.reqPerSec / other.reqPerSec];
    }),
  );
}
