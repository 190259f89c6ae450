import type { BenchContext } from '../context.js';
import { callAddTool, openSession } from '../mcpHttp.js';
import { runRounds, type Subject, type SubjectSummary } from '../measure/runRounds.js';
import { benchServerEntry } from '../paths.js';
import { PEER_PACKAGES } from '../procs/ensurePeers.js';
import { GATEWAY_TARGET, startGatewayService } from '../procs/startGatewayService.js';
import { startMcpProxy, startSupergateway } from '../procs/startPeerProxies.js';

/** §2b's result: the rows, or why the section could not compare anything. */
export interface StdioSectionResult {
  /** Per connection count: our gateway first (the row the ratios are about), then each peer. */
  readonly rows: readonly SubjectSummary[];
}

/** The ids of §2b's proxies. */
export const STDIO_IDS = {
  ours: 'gateway-stdio',
  mcpProxy: 'mcp-proxy',
  supergateway: 'supergateway',
} as const;

const TOOL = 'add_numbers';

/**
 * Issue §2b: one stdio MCP server (server-kit's tools on the SDK's stdio transport,
 * `servers/stdioServer.ts`) behind each proxy that puts stdio servers on streamable HTTP: our
 * gateway (gateway-service with a `command` target), mcp-proxy (`--stateless`) and supergateway
 * (`--stateful`: its stateless mode spawns a process per request, with a session opened first).
 * Each proxy spawns its own copy of the same server; `CPU µs/call` counts the proxy and its child.
 *
 * @param context - Settings, peers, wrk script, log.
 * @returns The rows.
 * @throws Error when the peers could not be installed: there is nothing to compare with.
 */
export async function benchStdio(context: BenchContext): Promise<StdioSectionResult> {
  const { settings, log, peers } = context;
  if (!peers.ok) throw new Error(`the peer proxies are not installed: ${peers.reason}`);
  log('§2b stdio server: our gateway vs mcp-proxy and supergateway in front of the same server');
  const command = [process.execPath, benchServerEntry('stdioServer')];
  const running: { stop(): Promise<void> }[] = [];
  try {
    const ours = await startGatewayService(
      context.scratchDir,
      { command: command[0], args: command.slice(1) },
      'gateway-stdio.json',
    );
    running.push(ours);
    const mcpProxy = await startMcpProxy(peers, command);
    running.push(mcpProxy);
    const supergateway = await startSupergateway(peers, command);
    running.push(supergateway);
    const sessionHeaders = await openSession(supergateway.url);
    const subjects: Subject[] = [
      {
        id: STDIO_IDS.ours,
        label: 'our gateway (stdio target)',
        url: ours.url,
        call: { kind: 'call', tool: `${GATEWAY_TARGET}___${TOOL}` },
        pids: [ours.pid],
      },
      {
        id: STDIO_IDS.mcpProxy,
        label: `mcp-proxy ${PEER_PACKAGES['mcp-proxy']} --stateless`,
        url: mcpProxy.url,
        call: { kind: 'call', tool: TOOL },
        pids: [mcpProxy.pid],
      },
      {
        id: STDIO_IDS.supergateway,
        label: `supergateway ${PEER_PACKAGES.supergateway} --stateful`,
        url: supergateway.url,
        call: { kind: 'call', tool: TOOL },
        headers: sessionHeaders,
        pids: [supergateway.pid],
      },
    ];
    for (const subject of subjects) {
      await callAddTool(subject.url, subject.call.kind === 'call' ? subject.call.tool : TOOL, {
        headers: subject.headers,
      });
    }
    const rows: SubjectSummary[] = [];
    for (const connections of settings.gatewayConnections) {
      rows.push(
        ...(await runRounds(subjects, {
          connections,
          rounds: settings.rounds,
          durationS: settings.durationS,
          warmupS: settings.warmupS,
          scriptPath: context.scriptPath,
          log,
        })),
      );
    }
    return { rows };
  } finally {
    for (const process of running.reverse()) await process.stop();
  }
}
