import type { IncomingMessage } from 'node:http';

import { type JSONRPCMessage, SdkErrorCode, SdkHttpError } from '@modelcontextprotocol/client';

import { readMessageStream, type StreamResumption } from './readMessageStream.js';
import { redirectNotFollowed } from './responseChecks.js';
import { reconnectDelayMs, type ReconnectOptions } from './streamableHttpOptions.js';

/** What {@link SseStreams} needs from the transport that owns it. */
export interface SseStreamsHost {
  /** Sends a GET (the standalone stream, or a resumption after `lastEventId`). */
  openGet(lastEventId: string | undefined): Promise<IncomingMessage>;
  /** Hands one message to the SDK client. */
  deliver(message: JSONRPCMessage): void;
  /** Reports an error through `onerror` unless the transport is closed. */
  reportError(error: unknown): void;
  /** Whether the transport is closed (nothing is reported or reopened after that). */
  isClosed(): boolean;
}

/** The per-request stream of an MCP 2026-07-28 request: closed by its signal, its end reported. */
export interface ModernStream {
  /** The request's own signal; once aborted, the stream's end is not reported. */
  readonly signal: AbortSignal | undefined;
  /** Called when the stream ends without the caller closing it. */
  readonly onEnd: (() => void) | undefined;
}

/**
 * The SSE streams of one Streamable HTTP connection: reading a POST answer stream, the MCP 2025
 * standalone GET stream for server-initiated messages, and resuming a dropped 2025 stream (the GET
 * stream, or a POST stream the server primed with an event id) after a delay, as the SDK's
 * transport does. A 2026-07-28 stream is never resumed (that revision has no resumability).
 *
 * @example
 * ```ts
 * const streams = new SseStreams(host, DEFAULT_RECONNECT);
 * await streams.openStandalone({});
 * ```
 */
export class SseStreams {
  readonly #host: SseStreamsHost;
  readonly #reconnect: ReconnectOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  #serverRetryMs: number | undefined;

  /**
   * @param host - The transport's side: see {@link SseStreamsHost}.
   * @param reconnect - How dropped streams are reopened.
   */
  constructor(host: SseStreamsHost, reconnect: ReconnectOptions) {
    this.#host = host;
    this.#reconnect = reconnect;
  }

  /**
   * Opens the GET stream for server-initiated messages, or resumes a stream after `lastEventId`.
   * A 405 means the server offers no standalone stream, which is allowed.
   *
   * @throws `SdkHttpError` for another error status.
   */
  async openStandalone(resumption: StreamResumption): Promise<void> {
    const response = await this.#host.openGet(resumption.lastEventId);
    const status = response.statusCode ?? 0;
    if (status === 405) {
      response.resume();
      return;
    }
    if (status < 200 || status > 299) {
      response.resume();
      throw new SdkHttpError(
        SdkErrorCode.ClientHttpFailedToOpenStream,
        `Failed to open SSE stream: ${redirectNotFollowed(response) ?? response.statusMessage ?? ''}`,
        { status, statusText: response.statusMessage },
      );
    }
    this.read(response, true, resumption);
  }

  /**
   * Delivers the messages of an SSE response. When a 2025 stream ends before answering it is
   * resumed over GET after a delay; a 2026-07-28 stream's end is reported through
   * `modern.onEnd` unless the caller closed it.
   *
   * @param response - The SSE response, body not yet read.
   * @param standalone - Whether this is the standalone GET stream.
   * @param resumption - Where it resumes, and the 2026-07-28 request stream if it is one.
   */
  read(
    response: IncomingMessage,
    standalone: boolean,
    resumption: StreamResumption & { modern?: ModernStream | undefined },
  ): void {
    const { modern } = resumption;
    const host = this.#host;
    readMessageStream(response, {
      resumption,
      onRetry: (milliseconds) => (this.#serverRetryMs = milliseconds),
      onMessage: (message) => host.deliver(message),
      onBadMessage: (error) => host.reportError(error),
      onEnd: ({ lastEventId, primed, answered, error }) => {
        if (host.isClosed() || modern?.signal?.aborted === true) return;
        if (error !== undefined) {
          host.reportError(new Error(`SSE stream disconnected: ${String(error)}`));
        }
        if (modern !== undefined) modern.onEnd?.();
        else if ((standalone || primed) && !answered) {
          this.#scheduleReconnect({ ...resumption, lastEventId }, 0);
        }
      },
    });
  }

  /** Cancels every pending reconnection. */
  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  #scheduleReconnect(resumption: StreamResumption, attempt: number): void {
    const { maxRetries } = this.#reconnect;
    if (attempt >= maxRetries) {
      this.#host.reportError(new Error(`Maximum reconnection attempts (${maxRetries}) exceeded.`));
      return;
    }
    const delay = reconnectDelayMs(this.#reconnect, attempt, this.#serverRetryMs);
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.openStandalone(resumption).catch((error: unknown) => {
        if (this.#host.isClosed()) return;
        const reason = error instanceof Error ? error.message : String(error);
        this.#host.reportError(
          new Error(`Failed to reconnect SSE stream: ${reason}`, { cause: error }),
        );
        this.#scheduleReconnect(resumption, attempt + 1);
      });
    }, delay);
    timer.unref();
    this.#timers.add(timer);
  }
}
