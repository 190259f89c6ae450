import { answeredText, describeOutcome, type RpcClient } from './rpcClient.js';

/** What {@link runCalls} saw. */
export interface RunCallsReport {
  /** Calls answered with the right id and text. */
  readonly ok: number;
  /** One line per lost (hung, failed) or mismatched call; at most 20 are kept. */
  readonly problems: readonly string[];
  /** How many calls were wrong in all. */
  readonly wrong: number;
}

/**
 * Sends `count` calls of `tool` with `concurrency` in flight, ids `firstId…`, each with a unique
 * message, and checks that every answer carries its own id and `expectedText(message)`.
 *
 * @param client - The client (with at least `concurrency` sockets).
 * @param options - Tool, count, concurrency, first id, expected text, progress callback.
 * @returns Counts and the first problems.
 */
export async function runCalls(
  client: RpcClient,
  options: {
    tool: string;
    count: number;
    concurrency: number;
    firstId: number;
    expectedText: (message: string) => string;
    /** Called after each answered call with the number done so far. */
    onProgress?: (done: number) => void;
  },
): Promise<RunCallsReport> {
  let next = 0;
  let done = 0;
  let ok = 0;
  let wrong = 0;
  const problems: string[] = [];
  const worker = async () => {
    while (next < options.count) {
      const id = options.firstId + next;
      next += 1;
      const message = `call-${id}`;
      const outcome = await client.callTool(id, options.tool, { message });
      done += 1;
      options.onProgress?.(done);
      if (answeredText(outcome, id) === options.expectedText(message)) {
        ok += 1;
      } else {
        wrong += 1;
        if (problems.length < 20) problems.push(`#${id}: ${describeOutcome(outcome)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return { ok, problems, wrong };
}
