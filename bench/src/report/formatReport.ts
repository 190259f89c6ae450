import { PEER_PACKAGES } from '../procs/ensurePeers.js';
import type { MemoryResult } from '../sections/memorySection.js';
import type { BenchResults, SectionOutcome } from './benchResults.js';
import { evaluateTargets } from './evaluateTargets.js';
import {
  formatAggregation,
  formatColdStart,
  formatGateway,
  formatMemory,
  formatServer,
  formatStdio,
} from './formatSections.js';
import { formatSummary } from './formatSummary.js';
import { num, times } from './markdown.js';

/** How §4's processes were started: each image's `NODE_OPTIONS`, as a sentence fragment. */
function nodeOptionsText(options: MemoryResult['nodeOptions']): string {
  const of = (value: string | undefined) => (value === undefined ? 'none' : `\`${value}\``);
  return options.gateway === options.upstream
    ? `\`NODE_OPTIONS\` ${of(options.gateway)} (from the apps' Dockerfiles)`
    : `gateway \`NODE_OPTIONS\` ${of(options.gateway)}, example-server ${of(options.upstream)} (from their Dockerfiles)`;
}

function section<T>(outcome: SectionOutcome<T>, render: (value: T) => string): string {
  return outcome.ok ? render(outcome.value) : `**Not run:** ${outcome.error}`;
}

/**
 * Renders a run as RESULTS.md: date, machine, the summary table with the issue's targets, one
 * section per benchmark, and how it was measured.
 *
 * @param results - The run.
 * @returns The Markdown document.
 */
export function formatReport(results: BenchResults): string {
  const { settings, machine } = results;
  const checks = evaluateTargets(results);
  const mode = settings.quick ? '`pnpm bench --quick`' : '`pnpm bench` (full run)';
  const memory = results.memory.ok ? results.memory.value : undefined;
  return `# Benchmarks

${mode}, ${results.date.replace('T', ' ').slice(0, 16)} UTC, commit \`${machine.commit}\`, ${num(results.wallSeconds)} s.

- **Machine:** ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Linux ${machine.kernel}, Node ${machine.node}.
- **Load generator:** ${machine.loadGenerator}, one thread, on the same cores as the servers. Its CPU share is in every table (\`wrk CPU\`, % of one core of ${machine.cores}).
- **Noise:** 1-minute load average ${results.load.before} before and ${results.load.after} after the run (the machine is shared). Every figure is therefore a ratio against a baseline measured in the same run, in ${settings.rounds} alternating round(s) of ${settings.durationS} s per row after a ${settings.warmupS} s warm-up; figures are medians over rounds.

## Summary

${formatSummary(results, checks)}

## 1. Server: tools/call, example-server (server-kit) vs the SDK references, both protocol eras

The baseline is the SDK v2 reference, written straight on \`@modelcontextprotocol/server\` as its serving guide shows: \`createMcpHandler\` with a factory that builds a new \`McpServer\` and registers the tools (\`registerTool\`, zod object schemas) for every request, wrapped with \`toNodeHandler\` from \`@modelcontextprotocol/node\` on \`node:http\`, default \`legacy: 'stateless'\`, so one endpoint serves both eras. The SDK v1 reference (the baseline of earlier runs) is written on \`@modelcontextprotocol/sdk\` 1.x as its docs show (\`createMcpExpressApp\`, a new \`McpServer\` and transport per request) and answers 2025 requests only. fastmcp ${PEER_PACKAGES.fastmcp} (npm \`fastmcp\`, the most used TypeScript MCP framework) runs stateless streamable HTTP as its README shows and answers 2025 requests only. All three serve the same six tools as example-server, which runs as shipped (\`LOG_LEVEL=info\`, one log line per call). Each request is \`tools/call add_numbers {a: n, b: 7}\` with a unique id \`n\`: *2025* requests carry no session and no MCP headers; *2026-07-28* requests carry the \`_meta\` envelope (\`io.modelcontextprotocol/protocolVersion\`, \`clientCapabilities\`, \`clientInfo\`) and the headers \`MCP-Protocol-Version\`, \`Mcp-Method\`, \`Mcp-Name\`. An answer counts only if it is HTTP 200, carries the id of a request in flight and the text \`n + 7\`. Per connection count the 2025 rounds run first, then the 2026-07-28 rounds, on the same processes${settings.serverWarmupEachCount ? '' : ' (warmed up once, before the first connection count)'}.

${section(results.server, formatServer)}

## 2. Gateway overhead, both protocol eras

The same example-server process is called directly, through a bare node:http proxy that forwards the bytes untouched over kept-alive connections (\`bench/src/servers/bareProxy.ts\`: no MCP, no auth, no metrics, no logs; the cost of one more HTTP hop on this machine, which no gateway goes below) and through our gateway (gateway-service, stateless, one HTTP target, \`LOG_LEVEL=info\`), with 2025 requests and with 2026-07-28 requests (as in §1), each era in its own alternating rounds. \`CPU µs/call\` counts every process on the path (gateway and upstream); \`front process CPU µs/call\` counts only the process wrk talks to (the gateway or proxy alone; for direct, example-server), which is what a hop costs wherever its neighbours run. On this machine wrk, the gateway and example-server share two cores, so req/s through any hop is bounded by the sum of all three; on AgentCore the gateway and its targets run in separate microVMs.

${section(results.gateway, formatGateway)}

## 2b. A stdio server behind each proxy

One stdio MCP server (server-kit's \`add_numbers\` on the SDK's stdio transport, \`bench/src/servers/stdioServer.ts\`) behind each proxy that puts stdio servers on streamable HTTP: our gateway (gateway-service with a \`command\` target), mcp-proxy ${PEER_PACKAGES['mcp-proxy']} (\`--stateless --server stream\`) and supergateway ${PEER_PACKAGES.supergateway} (\`--stateful\`, as its stateless mode spawns a process per request, with one session opened before the run; it has no listen-address option, so a preload binds it to 127.0.0.1). Each proxy spawns its own copy of the server; \`CPU µs/call\` counts the proxy and its child. 2025 requests (the peers speak no other era).

${section(results.stdio, formatStdio)}

## 3. Aggregation: ${settings.aggregation.targets} targets × ${settings.aggregation.tools} tools

The targets are served by one light process that prepares its answers at start (so the gateway's own work is measured); profile \`far\` delays every answer by 5 ms + 1 ms × the target's index, standing in for network and runtime latency. *Alone*: a fresh SDK client initializes and lists one target (each target in turn). *Gateway cold discovery*: \`createGateway(…).listen()\` until it listens with every target listed (median of ${settings.aggregation.coldRuns} run(s)). Warm \`tools/list\` is answered from the gateway's catalog. *Start-up*: gateway-service (its bundle, default \`gateway.discovery\`) is spawned with the first of these targets as \`live\`, alone and then with a stdio target that stays silent for 6 s and a target on a port nobody listens on; from the spawn, the first \`GET /ping\` answer and the first \`tools/list\` holding \`live___tool_0\` are timed (polling every 5 ms; median of ${settings.coldStartRuns} alternating run(s) each).

${section(results.aggregation, formatAggregation)}

## 4. Memory: gateway RSS over ${num(memory?.calls ?? settings.memoryCalls)} calls${settings.quick ? ' (scaled down by --quick; the full run sends 100,000)' : ''}

gateway-service (stateless) in front of example-server, tools/call at ${memory?.connections ?? 10} connections${memory ? ` (${num(memory.reqPerSec)} req/s, ${num(memory.errors)} errors)` : ''}.${memory ? ` Each runs as its image runs it: ${nodeOptionsText(memory.nodeOptions)}.` : ''} RSS from \`/proc/<pid>/status\` (VmRSS; peak = VmHWM).${memory ? ` End ÷ after warm-up: gateway **${times(memory.gatewayRatio)}**, upstream ${times(memory.upstreamRatio)}; gateway growth over the second half: ${num(memory.gatewayGrowthPer10kMiB, 2)} MiB per 10,000 calls.` : ''}

${section(results.memory, formatMemory)}

## 5. Cold start: process start → first successful tools/call

Spawn \`node dist/main.js\` (our apps run as single-file bundles, \`tooling/bundle\`), wait for its listening line, send one \`tools/call\` and check the answer (${settings.coldStartRuns} alternating run(s) each, median). gateway-service discovers one running example-server before it listens. Both apps also run on Node 24 (npm \`node@24\`, what the images run), without and with Node's compile cache (\`NODE_COMPILE_CACHE\`, warmed by one earlier start, as the Dockerfiles warm it at build time). Issue 16's target compares each row with \`node -e ""\` on the same Node, timed in the same rounds.${process.env.NODE_EXTRA_CA_CERTS ? ' This machine sets `NODE_EXTRA_CA_CERTS`, which Node 20 loads at every start (a floor about 50 ms higher) and Node 24 only when TLS needs it.' : ''}

${section(results.coldStart, formatColdStart)}

## How to run

\`pnpm bench\` builds what it needs and writes this file and \`results.json\`; \`pnpm bench --quick\` (CI) runs every row once with 1 s runs and no warm-up, §1 at 1 and 10 connections, §3 with 10 targets and a 5,000-call memory run, and writes to \`bench/.quick/\` instead. wrk is installed with apt-get when missing; the peers are installed with npm into \`bench/.peers/\` (their rows say "not run" when that fails, e.g. offline).
`;
}
