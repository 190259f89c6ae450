import { freePort } from './freePort.js';
import { type StartedProcess, startNodeProcess } from './startProcess.js';

const LOOPBACK_ONLY = new URL('loopbackOnly.js', import.meta.url).href;

/** A peer proxy in front of an HTTP upstream, through supergateway's HTTP → stdio bridge. */
export interface StartedPeer extends StartedProcess {
  readonly url: string;
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
  const port = await freePort();
  const started = await startNodeProcess(
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
  return { ...started, url: `http://127.0.0.1:${port}/mcp` };
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
  const port = await freePort();
  const started = await startNodeProcess(
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
  return { ...started, url: `http://127.0.0.1:${port}/mcp` };
}
