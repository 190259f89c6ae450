import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';

/** The downstream request a forwarded call belongs to (the SDK's handler `extra`). */
export type DownstreamCall = RequestHandlerExtra<ServerRequest, ServerNotification>;

/**
 * The downstream calls currently forwarded over one upstream session. MCP gives a client no way
 * to tell which of its requests an upstream notification (a log line) or server-to-client request
 * (sampling, elicitation) belongs to, so the gateway delivers it to the call in flight when there
 * is exactly one; with several, it cannot know and does not guess.
 */
export class InFlightCalls {
  private readonly calls = new Set<DownstreamCall>();

  /** Registers a call for the duration of `run`. */
  async around<T>(call: DownstreamCall, run: () => Promise<T>): Promise<T> {
    this.calls.add(call);
    try {
      return await run();
    } finally {
      this.calls.delete(call);
    }
  }

  /** The only call in flight, or `undefined` when there are none or several. */
  sole(): DownstreamCall | undefined {
    if (this.calls.size !== 1) return undefined;
    const [call] = this.calls;
    return call;
  }
}
