import type { BenchContext } from '../context.js';
import { callAddTool, openSession } from '../mcpHttp.js';
import { runRounds, type Subject, type SubjectSummary } from '../measure/runRounds.js';
import { appEntry } from '../paths.js';
import { startApp, type StartedApp } from '../procs/startApp.js';
import { GATEWAY_TARGET, startGatewayService } from '../procs/startGatewayService.js';
import {
  bridgeCommand,
  type StartedPeer,
  startMcpProxy,
  startSupergateway,
} from '../procs/startPeerProxies.js';

/** A row that could not be measured, and why. */
export interface SkippedRow {
  readonly id: string;
  readonly label: string;
  readonly reason: string;
}

/** Issue §2's results. */
export interface GatewaySectionResult {
  /** Per connection count: direct (baseline) first, then each path through a proxy. */
  readonly rows: readonly SubjectSummary[];
  readonly skipped: readonly SkippedRow[];
}

const TOOL = 'add_numbers';
const PEER_LABELS = {
  'gateway-stdio': 'our gateway, stdio target (bridge)',
  'mcp-proxy': 'mcp-proxy 6.7.19 --stateless (bridge)',
  supergateway: 'supergateway 4.0.0 --stateful (bridge)',
} as const;

/**
 * Issue §2: tools/call to example-server directly, through our gateway (gateway-service, HTTP
 * target), and through the peers. mcp-proxy and supergateway only front stdio servers, so they
 * reach the same upstream through supergateway's HTTP → stdio bridge; our gateway is measured
 * on that same bridge too, for a like-for-like row.
 *
 * @param context - Settings, peers, wrk script, log.
 * @returns The rows, and the peer rows that could not run.
 */
export async function benchGateway(context: BenchContext): Promise<GatewaySectionResult> {
  const { settings, log, peers } = context;
  log('§2 gateway overhead: direct vs our gateway vs mcp-proxy and supergateway');
  const running: { stop(): Promise<void> }[] = [];
  const skipped: SkippedRow[] = [];
  try {
    const upstream = await startApp(appEntry('example-server'));
    running.push(upstream);
    const gateway = await startGatewayService(context.scratchDir, { url: upstream.url });
    running.push(gateway);
    const subjects: Subject[] = [
      callSubject('direct', 'example-server direct', {
        ...upstream,
        tool: TOOL,
        pids: [upstream.pid],
      }),
      callSubject('gateway', 'our gateway (HTTP target)', {
        ...gateway,
        tool: prefixed(TOOL),
        pids: [gateway.pid, upstream.pid],
      }),
    ];
    if (peers.ok) {
      const starts: [keyof typeof PEER_LABELS, () => Promise<StartedApp | StartedPeer>][] = [
        [
          'gateway-stdio',
          () =>
            startGatewayService(
              context.scratchDir,
              bridgeTarget(peers.supergateway, upstream.url),
              'gateway-stdio.json',
            ),
        ],
        ['mcp-proxy', () => startMcpProxy(peers, upstream.url)],
        ['supergateway', () => startSupergateway(peers, upstream.url)],
      ];
      for (const [id, start] of starts) {
        try {
          const proxy = await start();
          running.push(proxy);
          const tool = id === 'gateway-stdio' ? prefixed(TOOL) : TOOL;
          const headers = id === 'supergateway' ? await openSession(proxy.url) : undefined;
          await callAddTool(proxy.url, tool, { headers });
          subjects.push({
            ...callSubject(id, PEER_LABELS[id], {
              ...proxy,
              tool,
              pids: [proxy.pid, upstream.pid],
            }),
            ...(headers ? { headers } : {}),
          });
        } catch (error) {
          skipped.push({ id, label: PEER_LABELS[id], reason: `failed to start: ${String(error)}` });
        }
      }
    } else {
      for (const [id, label] of Object.entries(PEER_LABELS)) {
        skipped.push({ id, label, reason: peers.reason });
      }
    }
    await callAddTool(upstream.url, TOOL);
    await callAddTool(gateway.url, prefixed(TOOL));
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
    return { rows, skipped };
  } finally {
    for (const process of running.reverse()) await process.stop();
  }
}

function prefixed(tool: string): string {
  return `${GATEWAY_TARGET}___${tool}`;
}

function bridgeTarget(supergateway: string, upstreamUrl: string): Record<string, unknown> {
  const [command, ...args] = bridgeCommand(supergateway, upstreamUrl);
  return { command, args };
}

function callSubject(
  id: string,
  label: string,
  endpoint: { url: string; tool: string; pids: number[] },
): Subject {
  return {
    id,
    label,
    url: endpoint.url,
    call: { kind: 'call', tool: endpoint.tool },
    pids: endpoint.pids,
  };
}
