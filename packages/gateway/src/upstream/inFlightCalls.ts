import type { DownstreamCall } from './upstreamRequest.js';

/**
 * The downstream calls currently forwarded over one upstream session. MCP gives a client no way
 * to tell which of its requests an upstream notification (a log line) or server-to-client request
 * (sampling, elicitation) belongs to, so the gateway delivers it to the call in flight when there
 * is exactly one; with several, it cannot know and does not guess.
 *
 * @example
 * ```ts
 * const result = await inFlight.around(call, () => client.request(message, schema));
 * inFlight.sole()?.sendNotification(logLine);
 * ```
 */
export class InFlightCalls {
  readonly #calls = new Set<DownstreamCall>();

  /**
   * Registers a call for the duration of `run`; nothing is registered without a call.
   *
   * @param call - The downstream call, or `undefined` for the gateway's own requests.
   * @param run - Sends the request.
   * @returns What `run` returns.
   */
  async around<T>(call: DownstreamCall | undefined, run: () => Promise<T>): Promise<T> {
    if (call === undefined) return run();
    this.#calls.add(call);
    try {
      return await run();
    } finally {
      this.#calls.delete(call);
    }
  }

  /** The only call in flight, or `undefined` when there are none or several. */
  sole(): DownstreamCall | undefined {
    if (this.#calls.size !== 1) return undefined;
    const [call] = this.#calls;
    return call;
  }
}
