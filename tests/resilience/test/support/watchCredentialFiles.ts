import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One look at a credentials file while it existed. */
export interface CredentialsSnapshot {
  readonly path: string;
  /** Permission bits of the file, e.g. `0o600`. */
  readonly mode: number;
  /** Permission bits of its directory. */
  readonly directoryMode: number;
  /** Its parsed content. */
  readonly content: Record<string, unknown>;
}

/** A running watch; see {@link watchCredentialFiles}. */
export interface CredentialsWatch {
  /** Stops watching and returns every distinct snapshot taken. */
  stop(): CredentialsSnapshot[];
}

const CREDENTIALS = join('.agentcore-mcp', 'cognito-credentials.json');

/**
 * Looks every 50 ms for `<root>/<any dir>/.agentcore-mcp/cognito-credentials.json`, the file
 * `agentcore-mcp setup-cognito` writes (and `token` rewrites), and snapshots its mode and content,
 * so a test can check a file that the program under test deletes before it exits.
 *
 * @param root - The directory whose subdirectories hold the output directories (e.g. a `TMPDIR`).
 * @returns The watch.
 */
export function watchCredentialFiles(root: string): CredentialsWatch {
  const seen = new Map<string, CredentialsSnapshot>();
  const look = () => {
    for (const entry of readdirSync(root)) {
      const path = join(root, entry, CREDENTIALS);
      try {
        if (!existsSync(path)) continue;
        const text = readFileSync(path, 'utf8');
        seen.set(`${path}\n${text}`, {
          path,
          mode: statSync(path).mode & 0o777,
          directoryMode: statSync(join(root, entry, '.agentcore-mcp')).mode & 0o777,
          content: JSON.parse(text) as Record<string, unknown>,
        });
      } catch {
        // Being written or already deleted: the next look catches the final version.
      }
    }
  };
  const timer = setInterval(look, 50);
  return {
    stop() {
      clearInterval(timer);
      look();
      return [...seen.values()];
    },
  };
}
