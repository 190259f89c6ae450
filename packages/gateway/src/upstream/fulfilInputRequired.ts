import {
  type InputRequest,
  type InputRequiredResult,
  isInputRequiredResult,
} from '@modelcontextprotocol/client';

import { GatewayError } from '../gatewayError.js';

/** How many `input_required` rounds one call may take before the gateway gives up (the SDK's default). */
export const MAX_INPUT_ROUNDS = 10;

/** The retry of one round: the answers by key, and the target's `requestState` echoed. */
export interface InputRetry {
  readonly inputResponses: Record<string, unknown>;
  readonly requestState?: string;
}

/** What {@link fulfilInputRequired} needs. */
export interface InputRoundSteps<T> {
  /** The target, for the error message. */
  readonly target: string;
  /** The method of the call (`tools/call`, `prompts/get`, `resources/read`). */
  readonly method: string;
  /** Gets the client's answer to one embedded request (elicitation, sampling, roots). */
  answer(request: InputRequest): Promise<unknown>;
  /** Sends the call again with one round's answers, as a new request. */
  retry(retry: InputRetry): Promise<T | InputRequiredResult>;
}

/**
 * Plays the client's side of MCP 2026-07-28 multi round-trip requests for a downstream that
 * cannot (a 2025 session): each embedded request of an `input_required` result is answered through
 * `answer` (the gateway asks its own client with a real server-to-client request), then the call is
 * sent again with `inputResponses` and the target's `requestState` byte for byte, round after round,
 * until the target answers for good.
 *
 * @param first - The target's first `input_required` result.
 * @param steps - How to answer, how to retry, and names for the error.
 * @returns The target's complete result.
 * @throws {@link GatewayError} `ERR_TARGET_FAILED` after {@link MAX_INPUT_ROUNDS} rounds; whatever
 *   `answer` or `retry` threw.
 * @example
 * ```ts
 * const result = await fulfilInputRequired(inputRequired, { target: 'hr', method: 'tools/call', answer, retry });
 * ```
 */
export async function fulfilInputRequired<T>(
  first: InputRequiredResult,
  steps: InputRoundSteps<T>,
): Promise<T> {
  let round: InputRequiredResult = first;
  for (let rounds = 1; rounds <= MAX_INPUT_ROUNDS; rounds += 1) {
    const inputResponses: Record<string, unknown> = {};
    for (const [key, request] of Object.entries(round.inputRequests ?? {})) {
      inputResponses[key] = await steps.answer(request);
    }
    const next = await steps.retry(
      round.requestState === undefined
        ? { inputResponses }
        : { inputResponses, requestState: round.requestState },
    );
    if (!isInputRequiredResult(next)) return next;
    round = next;
  }
  throw new GatewayError(
    'ERR_TARGET_FAILED',
    `Target "${steps.target}" still asked for input after ${MAX_INPUT_ROUNDS} rounds of ${steps.method}; the gateway stopped retrying`,
    { target: steps.target },
  );
}
