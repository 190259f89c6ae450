/** One server-sent event, as the `text/event-stream` format defines it. */
export interface SseEvent {
  /** The `event:` field; `undefined` when the event has none (a `message`). */
  event: string | undefined;
  /** The `data:` lines joined with `\n`; `''` for an event with an `id:` but no data. */
  data: string;
  /** The `id:` field of this event; `undefined` when it has none. */
  id: string | undefined;
}

/** Options of {@link SseParser}. */
export interface SseParserOptions {
  /** Called with every complete event that has data or an id, in order. */
  onEvent: (event: SseEvent) => void;
  /** Called with the `retry:` field (milliseconds) when the stream sends one; default: ignored. */
  onRetry?: ((milliseconds: number) => void) | undefined;
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;
const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * An incremental `text/event-stream` parser over raw bytes: feed it the chunks of a response as they
 * arrive, in any split (lines, UTF-8 sequences and CRLF pairs may straddle chunks). Lines end with
 * LF, CR or CRLF; `:` lines are comments; `data:` lines accumulate; an empty line dispatches the
 * event. Lines are split on bytes, which is safe in UTF-8 (no multi-byte sequence contains CR or
 * LF), and each line is decoded once.
 *
 * @example
 * ```ts
 * const parser = new SseParser({ onEvent: (event) => console.log(event.data) });
 * response.on('data', (chunk: Buffer) => parser.push(chunk));
 * ```
 */
export class SseParser {
  readonly #options: SseParserOptions;
  /** The bytes of an unterminated line from earlier chunks. */
  #pending: Buffer | undefined;
  /** The previous chunk ended in CR: a LF starting the next one belongs to it. */
  #afterCr = false;
  #atStart = true;
  #data = '';
  #hasData = false;
  #event: string | undefined;
  #id: string | undefined;

  /** @param options - See {@link SseParserOptions}. */
  constructor(options: SseParserOptions) {
    this.#options = options;
  }

  /**
   * Parses the next chunk of the stream, calling `onEvent` for every event it completes.
   *
   * @param chunk - The next bytes of the stream.
   */
  push(chunk: Buffer): void {
    let buffer = this.#pending === undefined ? chunk : Buffer.concat([this.#pending, chunk]);
    this.#pending = undefined;
    let start = 0;
    if (this.#atStart) {
      if (
        buffer.length < BOM.length &&
        BOM.slice(0, buffer.length).every((b, i) => buffer[i] === b)
      ) {
        this.#pending = buffer;
        return;
      }
      this.#atStart = false;
      if (BOM.every((b, i) => buffer[i] === b)) buffer = buffer.subarray(BOM.length);
    }
    if (this.#afterCr) {
      this.#afterCr = false;
      if (buffer[0] === LF) start = 1;
    }
    let cr = buffer.indexOf(CR, start);
    while (start < buffer.length) {
      const lf = buffer.indexOf(LF, start);
      if (cr !== -1 && cr < start) cr = buffer.indexOf(CR, start);
      const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
      if (end === -1) break;
      this.#line(buffer, start, end);
      start = end + 1;
      if (end === cr) {
        if (start === buffer.length) this.#afterCr = true;
        else if (buffer[start] === LF) start += 1;
      }
    }
    if (start < buffer.length) this.#pending = buffer.subarray(start);
  }

  /** Ends the stream: an event not terminated by an empty line is dropped, as the format says. */
  end(): void {
    this.#pending = undefined;
    this.#reset();
  }

  #line(buffer: Buffer, start: number, end: number): void {
    if (start === end) {
      this.#dispatch();
      return;
    }
    if (buffer[start] === COLON) return;
    let colon = buffer.indexOf(COLON, start);
    if (colon === -1 || colon > end) colon = end;
    let valueStart = colon + 1;
    if (valueStart < end && buffer[valueStart] === SPACE) valueStart += 1;
    const value = valueStart < end ? buffer.toString('utf8', valueStart, end) : '';
    switch (buffer.toString('latin1', start, colon)) {
      case 'data':
        this.#data = this.#hasData ? `${this.#data}\n${value}` : value;
        this.#hasData = true;
        break;
      case 'event':
        this.#event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.#id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.#options.onRetry?.(Number(value));
        break;
      default:
    }
  }

  #dispatch(): void {
    if (this.#hasData || this.#id !== undefined) {
      this.#options.onEvent({
        event: this.#event === '' ? undefined : this.#event,
        data: this.#data,
        id: this.#id,
      });
    }
    this.#reset();
  }

  #reset(): void {
    this.#data = '';
    this.#hasData = false;
    this.#event = undefined;
    this.#id = undefined;
  }
}
