import type { BenchContext } from '../context.js';
import { callAddTool, type ProtocolEra } from '../mcpHttp.js';
import { runRounds, type Subject, type SubjectSummary } from '../measure/runRounds.js';
import { appEntry, benchServerEntry } from '../paths.js';
import { PEER_PACKAGES } from '../procs/ensurePeers.js';
import { startApp, type StartAppOptions, type StartedApp } from '../procs/startApp.js';

/** One §1 row: a server under load with requests of one protocol era. */
export interface ServerRow extends SubjectSummary {
  readonly era: ProtocolEra;
}

/** The ids of §1's servers; the SDK v2 reference is the baseline of both eras. */
export const SERVER_IDS = {
  v2: 'sdk-v2-reference',
  v1: 'sdk-v1-reference',
  fastmcp: 'fastmcp',
  ours: 'example-server',
} as const;

const TOOL = 'add_numbers';

/**
 * Issue §1: tools/call throughput and latency of example-server (server-kit) against the SDK v2
 * reference server, in both protocol eras, at each connection count, in alternating rounds.
 * 2025 requests (no session) also go to the SDK v1 reference, the baseline of earlier runs, and
 * to fastmcp (stateless), the framework most TypeScript MCP servers are written with (when the
 * peers could be installed); neither answers 2026-07-28 requests. Per connection count the 2025 rounds run first, then the
 * 2026-07-28 rounds, on the same processes (warmed up before each count, or with
 * `serverWarmupEachCount: false` only before the first).
 *
 * @param context - Settings, wrk script, log.
 * @returns Per connection count: the 2025 rows (SDK v2 reference first, the baseline; SDK v1
 *   reference; fastmcp; example-server), then the 2026-07-28 rows (SDK v2 reference,
 *   example-server).
 */
export async function benchServer(context: BenchContext): Promise<ServerRow[]> {
  const { settings, log, peers } = context;
  log('§1 server: example-server vs the SDK v2 reference (v1 and fastmcp on 2025), both eras');
  const running: StartedApp[] = [];
  try {
    const start = async (entry: string, options?: StartAppOptions) => {
      const app = await startApp(entry, options);
      running.push(app);
      return app;
    };
    const v2 = await start(benchServerEntry('referenceServerV2'));
    const v1 = await start(benchServerEntry('referenceServer'));
    const fastmcp = peers.ok
      ? await start(benchServerEntry('fastmcpServer'), { env: { PEERS_DIR: peers.dir } })
      : undefined;
    if (!peers.ok) log(`  fastmcp not measured: ${peers.reason}`);
    const ours = await start(appEntry('example-server'));
    const servers: readonly {
      id: string;
      label: string;
      app: StartedApp;
      eras: readonly ProtocolEra[];
    }[] = [
      { id: SERVER_IDS.v2, label: 'SDK v2 reference', app: v2, eras: ['legacy', 'modern'] },
      { id: SERVER_IDS.v1, label: 'SDK v1 reference', app: v1, eras: ['legacy'] },
      ...(fastmcp
        ? [
            {
              id: SERVER_IDS.fastmcp,
              label: `fastmcp ${PEER_PACKAGES.fastmcp} (stateless)`,
              app: fastmcp,
              eras: ['legacy'] as const,
            },
          ]
        : []),
      { id: SERVER_IDS.ours, label: 'example-server', app: ours, eras: ['legacy', 'modern'] },
    ];
    const subjectsOf = (era: ProtocolEra): Subject[] =>
      servers
        .filter((server) => server.eras.includes(era))
        .map(({ id, label, app }) => ({
          id,
          label,
          url: app.url,
          call: { kind: 'call', tool: TOOL, era },
          pids: [app.pid],
        }));
    const byEra: Record<ProtocolEra, Subject[]> = {
      legacy: subjectsOf('legacy'),
      modern: subjectsOf('modern'),
    };
    for (const [era, subjects] of Object.entries(byEra) as [ProtocolEra, Subject[]][]) {
      for (const { url } of subjects) await callAddTool(url, TOOL, { era });
    }
    const rows: ServerRow[] = [];
    for (const [index, connections] of settings.serverConnections.entries()) {
      const warmupS = index === 0 || settings.serverWarmupEachCount ? settings.warmupS : 0;
      for (const [era, subjects] of Object.entries(byEra) as [ProtocolEra, Subject[]][]) {
        log(`  ${era === 'modern' ? '2026-07-28' : '2025'} requests:`);
        const summaries = await runRounds(subjects, {
          connections,
          rounds: settings.rounds,
          durationS: settings.durationS,
          warmupS,
          scriptPath: context.scriptPath,
          log,
        });
        rows.push(...summaries.map((summary) => ({ ...summary, era })));
      }
    }
    return rows;
  } finally {
    for (const app of running.reverse()) await app.stop();
  }
}
