import { findFreePort, startServerProcess } from '@agentcore-mcp/server-kit/process';

const LOOPBACK_ONLY = new URL('loopbackOnly.js', import.meta.url).href;

/** A peer proxy in front of an HTTP upstream, through supergateway's HTTP → stdio bridge. */
export interface StartedPeer {
  /** The process id (also its process-group id). */
  readonly pid: number;
  /** Its MCP URL. */
  readonly url: string;
  /** SIGTERM to its whole process group, SIGKILL after `timeoutMs` (default 3000). */
  stop(timeoutMs?: number): Promise<void>;
}

/** The stdio command that bridges to an HTTP MCP upstream: `supergateway --streamableHttp URL`. */
export function bridgeCommand(supergateway: string, upstreamUrl: string): string[] {
  return [process.execPath, supergateway, '--streamableHttp', upstreamUrl, '--logLevel', 'none'];
}

/**
 * Starts mcp-proxy (stateless streamable HTTP, as in shared/research/tooling.md §5, never with
 * `--tunnel`) in front of the stdio bridge to `upstreamUrl`.
 *
 * @param entries - The peers' entry files.
 * @param upstreamUrl - The HTTP MCP server behind it.
 * @returns The running proxy and its MCP URL.
 */
export async function startMcpProxy(
  entries: { mcpProxy: string; supergateway: string },
  upstreamUrl: string,
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
      ...bridgeCommand(entries.supergateway, upstreamUrl),
    ],
    port,
  );
}

/**
 * Starts supergateway `--stateful` (its stateless mode spawns a process per request) serving
 * streamable HTTP in front of the stdio bridge to `upstreamUrl`. It has no listen-address option,
 * so a preload binds it to 127.0.0.1.
 *
 * @param entries - The peers' entry files.
 * @param upstreamUrl - The HTTP MCP server behind it.
 * @returns The running proxy and its MCP URL.
 */
export async function startSupergateway(
  entries: { supergateway: string },
  upstreamUrl: string,
): Promise<StartedPeer> {
  const port = await findFreePort();
  return startPeer(
    [
      '--import',
      LOOPBACK_ONLY,
      entries.supergateway,
      '--stdio',
      bridgeCommand(entries.supergateway, upstreamUrl).join(' '),
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
