import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { classifyScenario, type ScenarioVerdict } from './classifyScenario.js';
import type { ConformanceRun } from './conformanceRuns.js';
import {
  installModernConformance,
  MODERN_CONFORMANCE_VERSION,
} from './installModernConformance.js';
import { expectedFailuresOf, readExpectedFailures } from './readExpectedFailures.js';
import { readRequiredScenarios } from './readRequiredScenarios.js';
import { reportLeg } from './reportLeg.js';
import { runClientScenario } from './runClientScenario.js';

/** The MCP revision whose client scenarios run against the gateway's upstream side. */
export const CLIENT_REVISION = '2026-07-28';

/** The one column of the client table: the gateway's upstream client, in front of each mock. */
const CLIENT_RUN: ConformanceRun = {
  id: 'gateway-upstream',
  label: 'gateway upstream',
  mode: 'stateless',
  route: 'gateway',
};

/** The program the CLI runs as the client under test (`gatewayClientUnderTest.ts`, built). */
const CLIENT_UNDER_TEST = fileURLToPath(new URL('gatewayClientUnderTest.js', import.meta.url));

/** Options of {@link runClientLeg}. */
export interface ClientLegOptions {
  /** The package directory: where the expected-failures file and `.conformance-results` are. */
  readonly packageDir: string;
  /** Print the CLI's output even when all is as expected. */
  readonly verbose: boolean;
}

/**
 * The client leg of 2026-07-28: every client scenario the revision requires
 * (`requirements/2026-07-28.yaml`, `client:`), one at a time, with the gateway's upstream side as
 * the client under test: the CLI starts the scenario's mock, and `gatewayClientUnderTest` starts a
 * gateway with the mock as its only target and drives through it what the scenario expects. Each
 * scenario must pass or fail as `expected-failures.client.2026-07-28.yml` lists it (the `auth/*`
 * scenarios, out of scope, each with the reason).
 *
 * @param options - The package directory and verbosity.
 * @returns Whether every result was as expected (the table and summary are printed).
 * @throws {@link Error} when the CLI cannot be installed or its files cannot be read.
 */
export async function runClientLeg(options: ClientLegOptions): Promise<boolean> {
  const cli = await installModernConformance();
  const required = await readRequiredScenarios(cli.requirementsFile(CLIENT_REVISION), 'client');
  const expectedFailuresFile = join(
    options.packageDir,
    `expected-failures.client.${CLIENT_REVISION}.yml`,
  );
  const expected = await readExpectedFailures(expectedFailuresFile, 'client');
  const fileName = basename(expectedFailuresFile);
  const outputDir = join(options.packageDir, '.conformance-results', `${CLIENT_REVISION}-client`);
  await rm(outputDir, { recursive: true, force: true });

  const verdicts = new Map<string, ScenarioVerdict>();
  const outputs: string[] = [];
  const problems = [...expected]
    .filter((entry) => !required.scored.has(entry.split(':')[0] ?? entry))
    .map(
      (entry) =>
        `${fileName} lists ${entry}, which is not a client scenario ${CLIENT_REVISION} scores: remove it`,
    );
  let worstExit = 0;
  for (const scenario of required.scored) {
    const result = await runClientScenario({
      cli,
      scenario,
      revision: CLIENT_REVISION,
      command: `${process.execPath} ${CLIENT_UNDER_TEST}`,
      outputDir,
      expectedFailuresFile,
    });
    const verdict = classifyScenario(result.checks, expectedFailuresOf(expected, scenario));
    verdicts.set(scenario, verdict);
    if (options.verbose || verdict.unexpected || result.exitCode !== 0) {
      outputs.push(`--- ${scenario} ---\n${result.output}`);
    }
    if (verdict.unexpected) {
      problems.push(
        verdict.outcome === 'UNEXPECTED PASS'
          ? `${scenario} passes${verdict.message ? ` (${verdict.message})` : ''}: remove it from ${fileName}`
          : `${scenario} fails: ${verdict.message ?? 'see the output above'}`,
      );
    } else if (result.exitCode !== 0) {
      problems.push(`${scenario}: the conformance CLI exited with code ${result.exitCode}`);
    }
    worstExit = Math.max(worstExit, result.exitCode);
  }
  reportLeg({
    heading: `MCP conformance, client scenarios ${CLIENT_REVISION} (conformance ${MODERN_CONFORMANCE_VERSION} on Node 22), the gateway's upstream side in front of each scenario's mock:`,
    name: `conformance ${CLIENT_REVISION} client`,
    results: [
      {
        run: CLIENT_RUN,
        suite: { exitCode: worstExit, output: outputs.join('\n'), scenarios: [...verdicts.keys()] },
        verdicts,
      },
    ],
    problems,
    verbose: options.verbose,
  });
  return problems.length === 0;
}
