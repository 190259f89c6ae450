import { answeredText, describeOutcome, type RpcClient } from './rpcClient.js';

/** A tool the load calls, and what it must answer to a message. */
export interface LoadTarget {
  readonly tool: string;
  expectedText(message: string): string;
}

/** What the load saw. */
export interface LoadReport {
  /** Calls that completed, right or wrong. */
  readonly calls: number;
  /** One line per wrong, failed or hung call. */
  readonly failures: readonly string[];
}

/** Load running in the background; see {@link startBackgroundLoad}. */
export interface BackgroundLoad {
  /** Calls completed so far. */
  readonly calls: number;
  /** Lets every worker finish its call, then reports. */
  stop(): Promise<LoadReport>;
}

/**
 * Keeps `workers` calls in flight, round-robin over `targets`, each with a unique id and message,
 * and checks every answer (status, id and text) until stopped.
 *
 * @param client - The client to call through.
 * @param options - Targets and the number of concurrent workers.
 * @returns The running load.
 */
export function startBackgroundLoad(
  client: RpcClient,
  options: { targets: readonly LoadTarget[]; workers: number },
): BackgroundLoad {
  let stopped = false;
  let calls = 0;
  let nextId = 1;
  const failures: string[] = [];
  const worker = async () => {
    while (!stopped) {
      const id = nextId++;
      const target = options.targets[id % options.targets.length];
      if (target === undefined) return;
      const message = `load-${id}`;
      const outcome = await client.callTool(id, target.tool, { message });
      calls += 1;
      if (answeredText(outcome, id) !== target.expectedText(message)) {
        failures.push(`${target.tool} #${id}: ${describeOutcome(outcome)}`);
      }
    }
  };
  const running = Array.from({ length: options.workers }, () => worker());
  return {
    get calls() {
      return calls;
    },
    async stop() {
      stopped = true;
      await Promise.all(running);
      return { calls, failures };
    },
  };
}
