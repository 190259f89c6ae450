import type { Stream } from 'node:stream';

/** How many stderr lines of a stdio target are kept for error messages and `/status`. */
const LINES_KEPT = 20;
/** Longer lines are cut to this many characters. */
const LINE_LENGTH = 500;

/**
 * The last lines a stdio target wrote to stderr (at most 20, each at most 500 characters), kept
 * across restarts of the child so that a child that refuses to start can say why.
 *
 * @example
 * ```ts
 * const tail = new StderrTail((line) => logger.debug({ stderr: line }, 'target stderr'));
 * tail.follow(transport.stderr);
 * tail.lastLine; // 'Error: cannot find module …'
 * ```
 */
export class StderrTail {
  readonly #lines: string[] = [];
  readonly #onLine: (line: string) => void;

  /** @param onLine - Receives every non-empty line as it arrives (for a debug log). */
  constructor(onLine: (line: string) => void = () => undefined) {
    this.#onLine = onLine;
  }

  /** The lines kept, oldest first. */
  get lines(): readonly string[] {
    return this.#lines;
  }

  /** The last line kept, if any. */
  get lastLine(): string | undefined {
    return this.#lines.at(-1);
  }

  /**
   * Reads a child's stderr line by line from now on.
   *
   * @param stream - The child's stderr (`undefined` when it is not piped).
   */
  follow(stream: Stream | null | undefined): void {
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) this.#add(line.trimEnd());
    });
  }

  #add(line: string): void {
    if (line === '') return;
    this.#lines.push(line.length > LINE_LENGTH ? `${line.slice(0, LINE_LENGTH - 3)}...` : line);
    if (this.#lines.length > LINES_KEPT) this.#lines.shift();
    this.#onLine(line);
  }
}
