import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import type { ConformanceCheck } from './readScenarioChecks.js';
import { runConformanceCli } from './runConformanceCli.js';
import type { ConformanceCli } from './runSuite.js';

/** Options of {@link runClientScenario}. */
export interface RunClientScenarioOptions {
  /** The 0.2 CLI and its Node. */
  readonly cli: ConformanceCli;
  /** The scenario, e.g. `http-custom-headers` or `auth/metadata-default`. */
  readonly scenario: string;
  /** The spec revision the scenario runs at (`--spec-version`). */
  readonly revision: string;
  /** The client under test: a command line without spaces in its parts (the CLI splits on them). */
  readonly command: string;
  /** Where the CLI writes `<scenario>-<timestamp>/checks.json`. */
  readonly outputDir: string;
  /** The expected-failures file the CLI applies to its exit code (`client:` list). */
  readonly expectedFailuresFile: string;
  /** Kill the CLI after this long, in ms. Default: 120000. */
  readonly timeoutMs?: number;
}

/** What one client scenario produced. */
export interface ClientScenarioResult {
  /** The CLI's exit code (1 when it was killed or could not start). */
  readonly exitCode: number;
  /** Its stdout and stderr, interleaved as written. */
  readonly output: string;
  /** The scenario's checks; `undefined` when it wrote none (it crashed). */
  readonly checks: ConformanceCheck[] | undefined;
}

/**
 * Runs one client scenario of the 0.2 conformance CLI (`conformance client --scenario <name>`):
 * the CLI starts the scenario's mock server, runs `command` with the mock's URL as its last
 * argument, and writes the checks. Scenarios run one at a time (the CLI's own `--requirements`
 * mode starts them all at once, a gateway process each, which two cores do not carry within the
 * scenarios' timeouts).
 *
 * @param options - See {@link RunClientScenarioOptions}.
 * @returns The exit code, the captured output and the checks.
 */
export async function runClientScenario(
  options: RunClientScenarioOptions,
): Promise<ClientScenarioResult> {
  const { cli, scenario } = options;
  const args = [
    // `localhost` in the mocks' URLs must reach the IPv4 loopback they listen on.
    '--dns-result-order=ipv4first',
    cli.script,
    'client',
    '--command',
    options.command,
    '--scenario',
    scenario,
    '--spec-version',
    options.revision,
    '--timeout',
    '60000',
    '-o',
    options.outputDir,
    '--expected-failures',
    options.expectedFailuresFile,
  ];
  const { exitCode, output } = await runConformanceCli(
    cli.node,
    args,
    options.timeoutMs ?? 120_000,
  );
  return {
    exitCode,
    output,
    checks: await readClientChecks(options.outputDir, scenario),
  };
}

/**
 * The checks of the latest run of a client scenario: `<dir>/<scenario>-<timestamp>/checks.json`
 * (an `auth/…` scenario's directory is `<dir>/auth/<name>-<timestamp>`).
 */
async function readClientChecks(
  outputDir: string,
  scenario: string,
): Promise<ConformanceCheck[] | undefined> {
  const parent = join(outputDir, dirname(scenario));
  const prefix = `${basename(scenario)}-`;
  const runs = (await readdir(parent).catch(() => []))
    .filter((name) => name.startsWith(prefix) && /^\d{4}-/.test(name.slice(prefix.length)))
    .sort();
  const latest = runs.at(-1);
  if (latest === undefined) return undefined;
  const text = await readFile(join(parent, latest, 'checks.json'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as ConformanceCheck[]);
}
