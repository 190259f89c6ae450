import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Options of {@link runSuite}. */
export interface RunSuiteOptions {
  /** The MCP endpoint, e.g. `http://localhost:8000/mcp`. */
  url: string;
  /** The conformance suite: `active` (the default of the CLI), `all` or `pending`. */
  suite: string;
  /** Where the CLI writes `server-<scenario>-<timestamp>/checks.json`. */
  outputDir: string;
  /** A YAML baseline (`server: [scenario, …]`) of scenarios expected to fail. Default: none. */
  expectedFailuresFile?: string;
  /** Kill the CLI after this long, in ms. Default: 300000. */
  timeoutMs?: number;
}

/** What one run of the conformance CLI produced. */
export interface SuiteRunResult {
  /** The CLI's exit code (1 when it was killed or could not start). */
  exitCode: number;
  /** Its stdout and stderr, interleaved as written. */
  output: string;
  /** The scenarios it ran, in order (from its `=== Running scenario: … ===` lines). */
  scenarios: string[];
}

const SCENARIO_LINE = /^=== Running scenario: (\S+) ===$/gm;

/**
 * Runs the pinned `@modelcontextprotocol/conformance` CLI against a server and captures its output
 * instead of printing it: its closing `Total: N passed, N failed` line looks like a test summary to
 * CI, so the caller prints it (when needed) before its own summary, never after.
 *
 * @param options - The server URL, suite, output directory and optional baseline.
 * @returns The exit code, the captured output and the scenarios that ran.
 */
export async function runSuite(options: RunSuiteOptions): Promise<SuiteRunResult> {
  const require = createRequire(import.meta.url);
  const cli = join(
    dirname(require.resolve('@modelcontextprotocol/conformance/package.json')),
    'dist/index.js',
  );
  const args = [
    // `localhost` must reach the IPv4 loopback the server is bound to.
    '--dns-result-order=ipv4first',
    cli,
    'server',
    '--url',
    options.url,
    '--suite',
    options.suite,
    '-o',
    options.outputDir,
    ...(options.expectedFailuresFile ? ['--expected-failures', options.expectedFailuresFile] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 300_000);
  const exitCode = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      chunks.push(Buffer.from(`cannot start the conformance CLI: ${error.message}\n`));
      resolve(1);
    });
    child.once('close', (code) => resolve(code ?? 1));
  }).finally(() => clearTimeout(timer));
  const output = Buffer.concat(chunks).toString('utf8');
  const scenarios = [...output.matchAll(SCENARIO_LINE)].map((match) => match[1] ?? '');
  return { exitCode, output, scenarios };
}
