import { createGateway, type Gateway, parseGatewayConfig } from '@agentcore-mcp/gateway';
import { createLogger } from '@agentcore-mcp/server-kit';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

import type { BenchContext } from '../context.js';
import { runRounds, type Subject, type SubjectSummary } from '../measure/runRounds.js';
import { median } from '../measure/stats.js';
import { benchServerEntry } from '../paths.js';
import { startApp } from '../procs/startApp.js';
import { benchStartUp, type StartUpResult } from './startUpSection.js';

/** Target i of profile `far` waits this many ms plus i × {@link DELAY_STEP_MS} per answer. */
const DELAY_BASE_MS = 5;
const DELAY_STEP_MS = 1;

/** Cold discovery of one latency profile. */
export interface DiscoveryResult {
  readonly profile: 'near' | 'far';
  /** What the profile's targets add to every answer. */
  readonly delay: string;
  /** The slowest target discovered alone (initialize + tools/list with a fresh SDK client), ms. */
  readonly slowestSingleMs: number;
  /** Median over targets of the same, ms. */
  readonly medianSingleMs: number;
  /** The gateway's cold start-up discovery of every target (listen() until it listens), ms. */
  readonly gatewayColdMs: number;
  readonly coldRunsMs: readonly number[];
  /** gatewayColdMs ÷ slowestSingleMs. */
  readonly ratio: number;
  /** Tools in the gateway's catalog (should be targets × tools). */
  readonly tools: number;
}

/** Issue §3's results. */
export interface AggregationResult {
  readonly targets: number;
  readonly toolsPerTarget: number;
  readonly discovery: readonly DiscoveryResult[];
  /** Warm tools/list at 1 connection: the gateway with 1 target (baseline), then all targets. */
  readonly warmList: readonly SubjectSummary[];
  /** gateway-service's start-up with a slow and a dead target beside a live one. */
  readonly startUp: StartUpResult;
}

/**
 * Issue §3: a gateway (the library, in this process) in front of `targets` × `tools` upstream
 * targets served by one light process. Cold discovery is compared with the slowest target
 * discovered alone, for targets that answer at once and for targets 5–54 ms away; warm tools/list
 * latency of the aggregated catalog is compared with a gateway in front of a single target, and
 * gateway-service's start-up with a slow and a dead target with its start-up without them
 * (`benchStartUp`).
 *
 * @param context - Settings, wrk script, log.
 * @returns Discovery times per profile and the warm tools/list rows.
 */
export async function benchAggregation(context: BenchContext): Promise<AggregationResult> {
  const { settings, log } = context;
  const { targets, tools, coldRuns } = settings.aggregation;
  log(`§3 aggregation: ${targets} targets × ${tools} tools`);
  const server = await startApp(benchServerEntry('aggregationTargets'), {
    args: [
      ...['--targets', String(targets), '--tools', String(tools)],
      ...['--delay-base', String(DELAY_BASE_MS), '--delay-step', String(DELAY_STEP_MS)],
    ],
  });
  const origin = new URL(server.url).origin;
  const targetUrl = (profile: string, index: number) => `${origin}/${profile}/${index}/mcp`;
  const logger = createLogger({ name: 'bench-gateway', level: 'error' });
  const open: Gateway[] = [];
  const startGateway = async (profile: string, count: number) => {
    const mcpServers = Object.fromEntries(
      Array.from({ length: count }, (_, index) => [
        `t${index}`,
        { url: targetUrl(profile, index) },
      ]),
    );
    const gateway = createGateway(
      parseGatewayConfig({
        mcpServers,
        gateway: { host: '127.0.0.1', port: 0, discovery: { startupWaitMs: 60_000 } },
      }),
      { logger },
    );
    open.push(gateway);
    const started = performance.now();
    await gateway.listen();
    const elapsed = performance.now() - started;
    const { healthyTargets } = gateway.status();
    if (healthyTargets !== count || gateway.catalog().tools.length !== count * tools) {
      throw new Error(
        `gateway discovered ${healthyTargets}/${count} targets and ${gateway.catalog().tools.length} tools`,
      );
    }
    return { gateway, elapsed };
  };
  try {
    const discovery: DiscoveryResult[] = [];
    for (const profile of ['near', 'far'] as const) {
      await discoverAlone(targetUrl(profile, 0), tools); // warm-up, not recorded
      const singles: number[] = [];
      for (let index = 0; index < targets; index++) {
        singles.push(await discoverAlone(targetUrl(profile, index), tools));
      }
      const coldRunsMs: number[] = [];
      for (let run = 0; run < coldRuns; run++) {
        const { gateway, elapsed } = await startGateway(profile, targets);
        coldRunsMs.push(elapsed);
        open.splice(open.indexOf(gateway), 1);
        await gateway.close();
      }
      const slowestSingleMs = Math.max(...singles);
      const gatewayColdMs = median(coldRunsMs);
      discovery.push({
        profile,
        delay:
          profile === 'near'
            ? 'none'
            : `${DELAY_BASE_MS}–${DELAY_BASE_MS + (targets - 1) * DELAY_STEP_MS} ms per answer`,
        slowestSingleMs,
        medianSingleMs: median(singles),
        gatewayColdMs,
        coldRunsMs,
        ratio: gatewayColdMs / slowestSingleMs,
        tools: targets * tools,
      });
      log(
        `  ${profile}: slowest single target ${slowestSingleMs.toFixed(0)} ms, ` +
          `gateway cold discovery ${gatewayColdMs.toFixed(0)} ms`,
      );
    }
    const one = (await startGateway('near', 1)).gateway;
    const all = (await startGateway('near', targets)).gateway;
    const listSubject = (count: number, gateway: Gateway): Subject => ({
      id: count === 1 ? 'gateway-1x' : 'gateway-all',
      label: `gateway, ${count} target${count === 1 ? '' : 's'} × ${tools} tools`,
      url: `http://127.0.0.1:${gateway.address?.port}/mcp`,
      call: { kind: 'list', expect: `t${count - 1}___tool_${tools - 1}` },
      pids: [process.pid],
    });
    const warmList = await runRounds([listSubject(1, one), listSubject(targets, all)], {
      connections: 1,
      rounds: settings.rounds,
      durationS: settings.durationS,
      warmupS: settings.warmupS,
      scriptPath: context.scriptPath,
      log,
    });
    const startUp = await benchStartUp(context, targetUrl('near', 0));
    return { targets, toolsPerTarget: tools, discovery, warmList, startUp };
  } finally {
    for (const gateway of open) await gateway.close().catch(() => undefined);
    await server.stop();
  }
}

/** Milliseconds for a fresh SDK client to initialize and list one target's tools. */
async function discoverAlone(url: string, tools: number): Promise<number> {
  const started = performance.now();
  const client = new Client({ name: 'agentcore-mcp-bench', version: '0.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const listed = await client.listTools();
  const elapsed = performance.now() - started;
  await client.close();
  if (listed.tools.length !== tools) throw new Error(`${url} listed ${listed.tools.length} tools`);
  return elapsed;
}
