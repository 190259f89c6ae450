import type { BenchContext } from '../context.js';
import { callAddTool, type ProtocolEra } from '../mcpHttp.js';
import { runRounds, type Subject, type SubjectSummary } from '../measure/runRounds.js';
import { appEntry, benchServerEntry } from '../paths.js';
import { startApp } from '../procs/startApp.js';
import { GATEWAY_TARGET, startGatewayService } from '../procs/startGatewayService.js';

/** One §2 row: a path to example-server, with requests of one protocol era. */
export interface GatewayRow extends SubjectSummary {
  readonly era: ProtocolEra;
}

/** Issue §2's results. */
export interface GatewaySectionResult {
  /**
   * Per connection count and era (2025, then 2026-07-28): direct (the baseline), the bare proxy
   * (the floor of one more HTTP hop), then our gateway.
   */
  readonly rows: readonly GatewayRow[];
}

const TOOL = 'add_numbers';

/**
 * Issue §2: tools/call to example-server directly, through a bare node:http proxy that forwards
 * bytes untouched (`servers/bareProxy.ts`: the cost of one more HTTP hop on this machine, which no
 * gateway can go below) and through our gateway (gateway-service, one HTTP target), with 2025
 * requests and with MCP 2026-07-28 requests, each era in its own alternating rounds. (The peers
 * front stdio servers only: they are compared in §2b.)
 *
 * @param context - Settings, wrk script, log.
 * @returns The rows.
 */
export async function benchGateway(context: BenchContext): Promise<GatewaySectionResult> {
  const { settings, log } = context;
  log('§2 gateway overhead: example-server direct vs through our gateway, both eras');
  const running: { stop(): Promise<void> }[] = [];
  try {
    const upstream = await startApp(appEntry('example-server'));
    running.push(upstream);
    const bareProxy = await startApp(benchServerEntry('bareProxy'), {
      env: { TARGET: upstream.url },
    });
    running.push(bareProxy);
    const gateway = await startGatewayService(context.scratchDir, { url: upstream.url });
    running.push(gateway);
    const subjects: Subject[] = [
      callSubject('direct', 'example-server direct', {
        ...upstream,
        tool: TOOL,
        pids: [upstream.pid],
      }),
      callSubject('bare-proxy', 'bare node:http proxy (the hop alone)', {
        ...bareProxy,
        tool: TOOL,
        pids: [bareProxy.pid, upstream.pid],
      }),
      callSubject('gateway', 'our gateway (HTTP target)', {
        ...gateway,
        tool: prefixed(TOOL),
        pids: [gateway.pid, upstream.pid],
      }),
    ];
    const modernSubjects = subjects.map((subject) => ({
      ...subject,
      call: { ...subject.call, era: 'modern' as const },
    }));
    for (const era of ['legacy', 'modern'] as const) {
      await callAddTool(upstream.url, TOOL, { era });
      await callAddTool(bareProxy.url, TOOL, { era });
      await callAddTool(gateway.url, prefixed(TOOL), { era });
    }
    const rows: GatewayRow[] = [];
    for (const connections of settings.gatewayConnections) {
      for (const [era, ofEra] of [
        ['legacy', subjects],
        ['modern', modernSubjects],
      ] as const) {
        log(`  ${era === 'modern' ? '2026-07-28' : '2025'} requests:`);
        const summaries = await runRounds(ofEra, {
          connections,
          rounds: settings.rounds,
          durationS: settings.durationS,
          warmupS: settings.warmupS,
          scriptPath: context.scriptPath,
          log,
        });
        rows.push(...summaries.map((summary) => ({ ...summary, era })));
      }
    }
    return { rows };
  } finally {
    for (const process of running.reverse()) await process.stop();
  }
}

function prefixed(tool: string): string {
  return `${GATEWAY_TARGET}___${tool}`;
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
