/** The longest command shown in a message. */
const MAX_SHOWN_LENGTH = 200;
/** A line that says what went wrong: an app's `error: …` line, or an exception's first line. */
const ERROR_LINE = /^(?:error: |\w*(?:Error|Exception)\b)/;

/**
 * The command as a message shows it: `node` for the running Node.js binary, arguments after it,
 * on one line and at most 200 characters.
 *
 * @param command - The executable.
 * @param args - Its arguments.
 * @returns E.g. `node dist/main.js --config gateway.json`.
 */
export function showCommand(command: string, args: readonly string[]): string {
  const shown = [command === process.execPath ? 'node' : command, ...args]
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return shown.length > MAX_SHOWN_LENGTH ? `${shown.slice(0, MAX_SHOWN_LENGTH)}…` : shown;
}

/**
 * The stderr line that best explains a failure: the last `error: …` or `…Error: …` line, else
 * the last non-blank line.
 *
 * @param lines - The last stderr lines, oldest first.
 * @returns The line, trimmed, or `undefined` when stderr was empty.
 */
export function tellingLine(lines: readonly string[]): string | undefined {
  const nonBlank = lines.map((line) => line.trim()).filter((line) => line !== '');
  return nonBlank.findLast((line) => ERROR_LINE.test(line)) ?? nonBlank.at(-1);
}

/**
 * How a process ended, for a message.
 *
 * @param exit - The exit code, or the signal name.
 * @returns E.g. `exited with code 3` or `was killed by SIGKILL`.
 */
export function describeExit(exit: number | string): string {
  return typeof exit === 'number' ? `exited with code ${exit}` : `was killed by ${exit}`;
}
