import { spawn } from 'node:child_process';

import { eraHeaders, type ProtocolEra } from '../mcpHttp.js';

/** What a load run sends and how each answer is checked (see `WRK_SCRIPT`). */
export type LoadCall = (
  | {
      /** `tools/call <tool>` with `{a: n, b: 7}`; the answer must be the text `n + 7`. */
      readonly kind: 'call';
      readonly tool: string;
    }
  | {
      /** `tools/list`; the answer must contain `expect` (e.g. the last tool's name). */
      readonly kind: 'list';
      readonly expect: string;
    }
) & {
  /**
   * The protocol era of every request: `modern` adds the MCP 2026-07-28 `_meta` envelope and
   * standard headers. Default `legacy` (2025, no session).
   */
  readonly era?: ProtocolEra;
};

/** Options of {@link runWrk}. */
export interface RunWrkOptions {
  /** The MCP endpoint, e.g. `http://127.0.0.1:41234/mcp`. */
  readonly url: string;
  readonly call: LoadCall;
  /** Open connections (each with one request in flight). */
  readonly connections: number;
  /** How long to run, in seconds. */
  readonly durationS: number;
  /** Extra request headers, e.g. `Mcp-Session-Id`. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Path of the Lua script file (`WRK_SCRIPT` written to disk). */
  readonly scriptPath: string;
}

/** The outcome of one load run. */
export interface LoadResult {
  /** Responses that were right: HTTP 200, the id of a request in flight, the right answer. */
  readonly good: number;
  /** Wrong answers plus socket errors and timeouts. */
  readonly errors: number;
  /** The first wrong answer (status and body start), if any. */
  readonly firstError: string | undefined;
  readonly durationS: number;
  /** Right answers per second. */
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** CPU time wrk itself used (user + system), in seconds. */
  readonly generatorCpuS: number;
}

interface WrkSummary {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  bad: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
  firstBad: string;
}

/**
 * Runs wrk (one thread) against an MCP endpoint and returns throughput, latency percentiles
 * (microsecond resolution), errors and wrk's own CPU time. wrk runs under `bash -c '…; times'`
 * so the shell reports the child's CPU time exactly.
 *
 * @param options - Target, call, connections, duration.
 * @returns The run's figures.
 * @throws Error when wrk fails or prints no summary.
 */
export async function runWrk(options: RunWrkOptions): Promise<LoadResult> {
  const { call } = options;
  const era = call.era ?? 'legacy';
  const headerArgs = Object.entries({
    ...(call.kind === 'call'
      ? eraHeaders(era, 'tools/call', call.tool)
      : eraHeaders(era, 'tools/list')),
    ...options.headers,
  }).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const scriptArgs = [...(call.kind === 'call' ? ['call', call.tool] : ['list', call.expect]), era];
  const args = [
    '-t1',
    `-c${options.connections}`,
    `-d${Math.max(1, Math.ceil(options.durationS))}s`,
    '--timeout',
    '10s',
    '-s',
    options.scriptPath,
    ...headerArgs,
    options.url,
    '--',
    ...scriptArgs,
  ];
  const { stdout, code } = await runShell('wrk "$@"; status=$?; times; exit $status', args);
  const summaryLine = stdout.split('\n').find((line) => line.startsWith('{"bench":'));
  if (code !== 0 || summaryLine === undefined) {
    throw new Error(`wrk failed (exit ${code}) against ${options.url}:\n${stdout}`);
  }
  const summary = JSON.parse(summaryLine) as WrkSummary;
  const socketErrors =
    summary.connect + summary.read + summary.write + summary.timeout + summary.status;
  const durationS = summary.durationUs / 1e6;
  const good = Math.max(0, summary.requests - summary.bad);
  return {
    good,
    errors: summary.bad + socketErrors,
    firstError: summary.firstBad === '' ? undefined : summary.firstBad,
    durationS,
    reqPerSec: good / durationS,
    p50Ms: summary.p50Us / 1000,
    p99Ms: summary.p99Us / 1000,
    generatorCpuS: parseChildTimes(stdout),
  };
}

/** Reads the second line of bash's `times` (children's user and system time) as seconds. */
export function parseChildTimes(output: string): number {
  const lines = [...output.matchAll(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/gm)];
  const children = lines.at(-1);
  if (children === undefined) return Number.NaN;
  const [userMin = 0, userSec = 0, sysMin = 0, sysSec = 0] = children.slice(1).map(Number);
  return userMin * 60 + userSec + sysMin * 60 + sysSec;
}

function runShell(
  script: string,
  args: readonly string[],
): Promise<{ stdout: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script, 'bash', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ stdout, code: code ?? 1 }));
  });
}
