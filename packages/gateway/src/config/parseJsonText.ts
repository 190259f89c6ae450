import { failConfig } from './configError.js';

const POSITION = / at position (\d+)/;
const END_OF_INPUT = 'Unexpected end of JSON input';

/**
 * `JSON.parse` with an error that says where: `<source>:<line>:<column>` (or `line L, column C`
 * without a source) and the parser's reason, stripped of the excerpt of the input V8 quotes (the
 * excerpt could hold a secret written inline).
 *
 * @internal Not part of the public API.
 * @param text - The JSON text; a leading byte-order mark is ignored.
 * @param source - The file the text came from, if any.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when the text is not valid JSON.
 */
export function parseJsonText(text: string, source?: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const where = source ?? '';
  if (body.trim() === '') {
    failConfig(where, 'empty; expected a JSON object with "mcpServers"');
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const offset = findErrorOffset(body, message);
    const { line, column } = toLineColumn(body, offset);
    const location =
      source === undefined ? `line ${line}, column ${column}` : `${source}:${line}:${column}`;
    failConfig(
      location,
      `not valid JSON (${describeReason(message)}); comments and trailing commas are not allowed`,
      cause,
    );
  }
}

function describeReason(message: string): string {
  const reason = message
    .replace(/, (?:\.\.\.)?".*$/s, '')
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    .trim();
  return reason === END_OF_INPUT
    ? 'unexpected end of input'
    : reason.charAt(0).toLowerCase() + reason.slice(1);
}

/** The character offset of a parse error; V8 on Node 20 omits it for "Unexpected token". */
function findErrorOffset(text: string, message: string): number {
  const position = POSITION.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  if (message.startsWith(END_OF_INPUT)) return text.length;
  // A prefix of the text fails "for real" (not merely by ending early) exactly when it contains
  // the error, so the shortest such prefix ends at the offending character.
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsBeforeEnd(text.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const position = POSITION.exec(message)?.[1];
    if (position !== undefined) return Number(position) < prefix.length;
    return !message.startsWith(END_OF_INPUT);
  }
}

function toLineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
