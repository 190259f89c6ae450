import { findFreePort, startServerProcess } from '@agentcore-mcp/server-kit/process';

const LOOPBACK_ONLY = new URL('loopbackOnly.js', import.meta.url).href;

/** A peer proxy in front of a stdio MCP server. */
export interface StartedPeer {
  /** The process id (also its process-group id). */
  readonly pid: number;
  /** Its MCP URL. */
  readonly url: string;
  /** SIGTERM to its whole process group, SIGKILL after `timeoutMs` (default 3000). */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * Starts mcp-proxy (stateless streamable HTTP, as in shared/research/tooling.md §5, never with
 * `--tunnel`) in front of a stdio MCP server.
 *
 * @param entries - The peers' entry files.
 * @param command - The stdio server's command and arguments.
 * @returns The running proxy and its MCP URL.
 */
export async function startMcpProxy(
  entries: { mcpProxy: string },
  command: readonly string[],
): Promise<StartedPeer> {
  const port = await findFreePort();
  return startPeer(
    [
      entries.mcpProxy,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--stateless',
      '--server',
      'stream',
      '--',
      ...command,
    ],
    port,
  );
}

/**
 * Starts supergateway `--stateful` (its stateless mode spawns a process per request) serving
 * streamable HTTP in front of a stdio MCP server. It has no listen-address option,
 * so a preload binds it to 127.0.0.1.
 *
 * @param entries - The peers' entry files.
 * @param command - The stdio server's command and arguments (joined with spaces, as it takes them).
 * @returns The running proxy and its MCP URL.
 */
export async function startSupergateway(
  entries: { supergateway: string },
  command: readonly string[],
): Promise<StartedPeer> {
  const port = await findFreePort();
  return startPeer(
    [
      '--import',
      LOOPBACK_ONLY,
      entries.supergateway,
      '--stdio',
      command.join(' '),
      '--outputTransport',
      'streamableHttp',
      '--port',
      String(port),
      '--stateful',
      '--logLevel',
      'none',
    ],
    port,
  );
}

/**
 * Starts `node <args>` in its own process group (so the stdio server a proxy spawns is stopped
 * with it) with server-kit's `startServerProcess`, and waits until `127.0.0.1:<port>` accepts
 * connections: the peers print no listening line of ours.
 */
async function startPeer(args: readonly string[], port: number): Promise<StartedPeer> {
  const peer = await startServerProcess(process.execPath, args, {
    // The peers take their address from flags; keep HOST and PORT out of their environment.
    env: { HOST: undefined, PORT: undefined },
    ready: { kind: 'port', port },
    readyTimeoutMs: 20_000,
    processGroup: true,
  });
  return {
    pid: peer.pid,
    url: peer.url,
    stop: async (timeoutMs = 3000) => {
      await peer.stop({ timeoutMs });
    },
  };
}
