import type { OutputConfiguration } from 'commander';

/** The streams an {@link Output} writes to; `process.stdout`/`process.stderr` by default. */
export interface OutputStreams {
  /** Receives results: what a script captures with `$(agentcore-mcp …)`. */
  stdout: Pick<NodeJS.WriteStream, 'write'>;
  /** Receives errors and diagnostics. */
  stderr: Pick<NodeJS.WriteStream, 'write'>;
}

/** The only way the CLI writes to the terminal. Commands receive one instead of using `console`. */
export interface Output {
  /** Writes one line of command result to stdout. */
  result(line: string): void;
  /** Writes `error: <message>` to stderr, collapsed onto one line. */
  error(message: string): void;
  /** Writes one diagnostic line to stderr, indented under the error (`--verbose` details). */
  note(line: string): void;
  /** Routes commander's help, version and usage errors through the same streams. */
  readonly commander: OutputConfiguration;
}

/**
 * Creates the CLI's output. Every byte the CLI prints goes through here, so tests can capture it
 * and a later `--json` mode has one place to change.
 *
 * @param streams - Where to write. Default: the process's stdout and stderr.
 * @returns The output used by `cli.ts` and the commands.
 * @example
 * ```ts
 * const output = createOutput();
 * output.result('https://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/…/invocations?qualifier=DEFAULT');
 * ```
 */
export function createOutput(
  streams: OutputStreams = { stdout: process.stdout, stderr: process.stderr },
): Output {
  const writeOut = (text: string): void => void streams.stdout.write(text);
  const writeErr = (text: string): void => void streams.stderr.write(text);
  const error = (message: string): void =>
    writeErr(`error: ${message.replace(/\s*\n\s*/g, ' ').trim()}\n`);
  return {
    result: (line) => writeOut(`${line}\n`),
    error,
    note: (line) => writeErr(`  ${line.replace(/\s*\n\s*/g, ' ').trim()}\n`),
    // Commander's usage errors arrive as "error: …\n(Did you mean …?)"; keep them on one line too.
    commander: { writeOut, writeErr, outputError: (text) => error(text.replace(/^error:\s*/, '')) },
  };
}
