/** The `msg` of the JSON log line a server-kit server prints once it listens. */
export const LISTENING_MESSAGE = 'listening';

/**
 * Reads the URL from a server's listening line, the JSON log line
 * `{"msg":"listening","url":"http://127.0.0.1:8000/mcp",…}` that every server-kit server (and the
 * gateway) prints to stdout once its port is bound.
 *
 * @param line - One line of the server's stdout.
 * @returns The MCP endpoint's URL, or `undefined` for any other line.
 * @example
 * ```ts
 * readListeningUrl('{"level":30,"msg":"listening","url":"http://127.0.0.1:8000/mcp"}');
 * // 'http://127.0.0.1:8000/mcp'
 * ```
 */
export function readListeningUrl(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return parsed.msg === LISTENING_MESSAGE && typeof parsed.url === 'string'
      ? parsed.url
      : undefined;
  } catch {
    return undefined;
  }
}
