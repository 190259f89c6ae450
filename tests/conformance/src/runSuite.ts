import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { runConformanceCli } from './runConformanceCli.js';

/** A conformance CLI and the Node binary that runs it. */
export interface ConformanceCli {
  /** The `node` binary. */
  readonly node: string;
  /** The CLI's `dist/index.js`. */
  readonly script: string;
}

/** Options of {@link runSuite}. */
export interface RunSuiteOptions {
  /** The MCP endpoint, e.g. `http://localhost:8000/mcp`. */
  url: string;
  /**
   * Which scenarios: a suite (`--suite active|all|pending`, the 0.1.x CLI), or the frozen set a
   * spec revision requires (`--requirements 2026-07-28`, the 0.2 CLI).
   */
  scenarios: { readonly suite: string } | { readonly requirements: string };
  /** Where the CLI writes `server-<scenario>-<timestamp>/checks.json`. */
  outputDir: string;
  /** A YAML baseline (`server: [scenario, …]`) of scenarios expected to fail. Default: none. */
  expectedFailuresFile?: string;
  /** The CLI to run. Default: the workspace's pinned `@modelcontextprotocol/conformance` (0.1.13) on this Node. */
  cli?: ConformanceCli;
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

/** The workspace's own conformance CLI (the catalog pin), run by the Node running this. */
function workspaceCli(): ConformanceCli {
  const require = createRequire(import.meta.url);
  const script = join(
    dirname(require.resolve('@modelcontextprotocol/conformance/package.json')),
    'dist/index.js',
  );
  return { node: process.execPath, script };
}

/**
 * Runs a `@modelcontextprotocol/conformance` CLI against a server and captures its output instead
 * of printing it: its closing `Total: N passed, N failed` line looks like a test summary to CI, so
 * the caller prints it (when needed) before its own summary, never after.
 *
 * @param options - The server URL, scenarios, output directory, optional baseline and CLI.
 * @returns The exit code, the captured output and the scenarios that ran.
 */
export async function runSuite(options: RunSuiteOptions): Promise<SuiteRunResult> {
  const cli = options.cli ?? workspaceCli();
  const selection =
    'suite' in options.scenarios
      ? ['--suite', options.scenarios.suite]
      : ['--requirements', options.scenarios.requirements];
  const args = [
    // `localhost` must reach the IPv4 loopback the server is bound to.
    '--dns-result-order=ipv4first',
    cli.script,
    'server',
    '--url',
    options.url,
    ...selection,
    '-o',
    options.outputDir,
    ...(options.expectedFailuresFile ? ['--expected-failures', options.expectedFailuresFile] : []),
  ];
  const { exitCode, output } = await runConformanceCli(
    cli.node,
    args,
    options.timeoutMs ?? 300_000,
  );
  const scenarios = [...output.matchAll(SCENARIO_LINE)].map((match) => match[1] ?? '');
  return { exitCode, output, scenarios };
}
