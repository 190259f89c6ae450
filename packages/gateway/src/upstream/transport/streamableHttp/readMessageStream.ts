import type { IncomingMessage } from 'node:http';

import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/client';

import { assertJsonRpcMessage } from './responseChecks.js';
import { responseFailure } from './sendHttpRequest.js';
import { SseParser } from './sseParser.js';

/** How an SSE response ended, for the transport to decide whether to resume it. */
export interface MessageStreamEnd {
  /** The id of the last event that had one, to resume after. */
  readonly lastEventId: string | undefined;
  /** Whether an event carried an id: the server made the stream resumable. */
  readonly primed: boolean;
  /** Whether the stream delivered an answer to a request. */
  readonly answered: boolean;
  /** What broke the stream, or `undefined` when it ended normally. */
  readonly error: Error | undefined;
}

/** Where a stream resumes and which request id a replayed answer belongs to. */
export interface StreamResumption {
  /** The event id the stream resumes after, if it is a resumed one. */
  readonly lastEventId?: string | undefined;
  /** A replayed answer gets this id (the id of the request being resumed). */
  readonly replayMessageId?: RequestId | undefined;
  /** Receives each event id (a resumption token). */
  readonly onresumptiontoken?: ((token: string) => void) | undefined;
}

/** Options of {@link readMessageStream}. */
export interface ReadMessageStreamOptions {
  /** Where the stream resumes; `{}` for a new one. */
  readonly resumption: StreamResumption;
  /** Receives each JSON-RPC message, in order, each in a microtask of its own. */
  onMessage(message: JSONRPCMessage): void;
  /** Receives an event that is not a JSON-RPC message. */
  onBadMessage(error: unknown): void;
  /** Receives the server's `retry:` field, in ms. */
  onRetry(milliseconds: number): void;
  /** Called once when the response ends, normally or not. */
  onEnd(end: MessageStreamEnd): void;
}

/**
 * Reads the JSON-RPC messages of one `text/event-stream` response (a POST answer, the standalone GET
 * stream or a resumed one) and says how it ended. Events of another type than `message` and events
 * without data are skipped; an answer replayed on resumption gets `replayMessageId`.
 *
 * @param response - The response, its body not yet read.
 * @param options - See {@link ReadMessageStreamOptions}.
 * @example
 * ```ts
 * readMessageStream(response, { resumption: {}, onMessage, onBadMessage, onRetry, onEnd });
 * ```
 */
export function readMessageStream(
  response: IncomingMessage,
  options: ReadMessageStreamOptions,
): void {
  const { resumption } = options;
  let lastEventId = resumption.lastEventId;
  let primed = false;
  let answered = false;
  let over = false;
  // Each message is handed over in its own microtask, as reading a web stream would: the SDK
  // handles a notification one microtask after receiving it, so a progress notification followed
  // in the same chunk by the answer must reach its handler before the answer removes it.
  let delivered = Promise.resolve();
  const parser = new SseParser({
    onRetry: (milliseconds) => options.onRetry(milliseconds),
    onEvent: (event) => {
      if (event.id !== undefined && event.id !== '') {
        lastEventId = event.id;
        primed = true;
        resumption.onresumptiontoken?.(event.id);
      }
      if (event.data === '' || (event.event !== undefined && event.event !== 'message')) return;
      try {
        const message = assertJsonRpcMessage(JSON.parse(event.data));
        if ('id' in message && !('method' in message)) {
          answered = true;
          if (resumption.replayMessageId !== undefined) message.id = resumption.replayMessageId;
        }
        delivered = delivered.then(() => options.onMessage(message));
      } catch (error) {
        options.onBadMessage(error);
      }
    },
  });
  const finish = (error: Error | undefined) => {
    if (over) return;
    over = true;
    parser.end();
    options.onEnd({ lastEventId, primed, answered, error });
  };
  response.on('data', (chunk: Buffer) => parser.push(chunk));
  response.once('end', () => finish(undefined));
  response.on('error', (error) => finish(responseFailure(error)));
  response.once('close', () => {
    if (!response.complete) finish(responseFailure(undefined));
  });
}
