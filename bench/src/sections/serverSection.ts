import type { BenchContext } from '../context.js';
import { callAddTool } from '../mcpHttp.js';
import { runRounds, type Subject, type SubjectSummary } from '../measure/runRounds.js';
import { appEntry, benchServerEntry } from '../paths.js';
import { startApp } from '../procs/startApp.js';

/**
 * Issue §1: tools/call throughput and latency of example-server (server-kit) against the SDK
 * reference server, at each connection count, in alternating rounds.
 *
 * @param context - Settings, wrk script, log.
 * @returns Two rows per connection count: the reference (baseline) first, then example-server.
 */
export async function benchServer(context: BenchContext): Promise<SubjectSummary[]> {
  const { settings, log } = context;
  log('§1 server: example-server vs the SDK reference server');
  const reference = await startApp(benchServerEntry('referenceServer'));
  try {
    const example = await startApp(appEntry('example-server'));
    try {
      const call = { kind: 'call', tool: 'add_numbers' } as const;
      await callAddTool(reference.url, call.tool);
      await callAddTool(example.url, call.tool);
      const subjects: Subject[] = [
        {
          id: 'sdk-reference',
          label: 'SDK reference',
          url: reference.url,
          call,
          pids: [reference.pid],
        },
        {
          id: 'example-server',
          label: 'example-server',
          url: example.url,
          call,
          pids: [example.pid],
        },
      ];
      const rows: SubjectSummary[] = [];
      for (const connections of settings.serverConnections) {
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
      return rows;
    } finally {
      await example.stop();
    }
  } finally {
    await reference.stop();
  }
}
