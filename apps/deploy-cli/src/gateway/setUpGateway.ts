import { existsSync, mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

import type { SetupCognitoOptions } from '../cognito/setUpCognito.js';
import type { SetupCognitoResult } from '../cognito/setupCognitoReport.js';
import type { CommandContext } from '../commandContext.js';
import { CliError } from '../errors.js';
import { buildGatewayConfigDocument, writeGatewayConfigDocument } from './gatewayConfigDocument.js';
import { probeTarget, type ProbeTargetResult } from './probeTarget.js';
import { resolveSetupAuthorizer } from './setupAuthorizer.js';
import { askForTargets, createGatewaySetupPrompts } from './setupPrompts.js';
import { parseSetupTargets, type SetupTarget, type SetupTargetFlags } from './setupTargets.js';

/** Options of `agentcore-mcp gateway setup`. */
export interface GatewaySetupOptions extends SetupTargetFlags {
  /** `--out`: the config file to write. Default: `gateway.json`. */
  readonly out?: string | undefined;
  /** `--auth FILE` / `--no-auth` (`false`). Default: `authorizer_config.json`, which must exist. */
  readonly auth?: string | false | undefined;
  /** `--create-cognito`: run setup-cognito first and use the authorizer it writes. Default: off. */
  readonly createCognito?: boolean | undefined;
  /** `--region`: for `--create-cognito`. Default: AWS_REGION, then AWS_DEFAULT_REGION. */
  readonly region?: string | undefined;
}

/** The steps of `gateway setup` that tests replace. */
export interface GatewaySetupSteps {
  /** The setup-cognito step of `--create-cognito`. Default: `setUpCognito` with the same context. */
  readonly setupCognito?:
    ((options: SetupCognitoOptions) => Promise<SetupCognitoResult>) | undefined;
}

/** One target of the written config and what testing it found (HTTP targets only). */
export interface GatewaySetupTargetResult {
  readonly target: SetupTarget;
  /** `undefined` for targets that were not tested (stdio, legacy SSE). */
  readonly probe?: ProbeTargetResult | undefined;
}

/** What `gateway setup` did. */
export interface GatewaySetupResult {
  /** The config file written. */
  readonly path: string;
  readonly targets: readonly GatewaySetupTargetResult[];
  /** Where the inbound authorizer came from, or `none`. */
  readonly auth: string;
}

const PROBE_TIMEOUT_MS = 10_000;

/**
 * Sets up our gateway's config (`agentcore-mcp gateway setup`): collects its targets (flags, or prompts on a terminal),
 * tests each HTTP target with a real MCP `initialize` + `tools/list` (10 s timeout), picks the
 * inbound authorizer (`authorizer_config.json` from setup-cognito, `--auth FILE`, `--no-auth`, or
 * `--create-cognito`), and writes the config in our gateway's format (`mcpServers` +
 * `gateway.auth.customJWTAuthorizer`). A target that does not answer is reported on one line and
 * still written: the gateway tolerates a target that is down.
 *
 * @param options - The parsed command-line options.
 * @param context - Output, working directory, environment, prompts.
 * @param steps - Replaces the `--create-cognito` step (tests). Default: the real one.
 * @returns The file written and each target's test result.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for bad flags, no targets, or a missing
 *   authorizer config (saying to run setup-cognito).
 * @example
 * ```ts
 * await setUpGateway({ target: ['weather=http://127.0.0.1:8001/mcp'], auth: false }, context);
 * ```
 */
export async function setUpGateway(
  options: GatewaySetupOptions,
  context: CommandContext,
  steps: GatewaySetupSteps = {},
): Promise<GatewaySetupResult> {
  // Flags and the authorizer are checked before any prompt, so a missing file is reported first.
  const flagged = parseSetupTargets(options);
  if (flagged.length === 0 && !context.interactive) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      "No targets: pass --target name=url or --stdio name='command args' (repeatable); without them gateway setup asks on a terminal",
    );
  }
  const { authorizer, source } = await resolveSetupAuthorizer(options, {
    cwd: context.cwd,
    createCognito: () => createCognito(options, context, steps),
  });
  const targets =
    flagged.length > 0 ? flagged : await askForTargets(createGatewaySetupPrompts(context.prompts));
  const { output } = context;
  const results = await testTargets(targets, context);
  const path = resolve(context.cwd, options.out ?? 'gateway.json');
  const replaced = existsSync(path);
  mkdirSync(dirname(path), { recursive: true });
  writeGatewayConfigDocument(path, buildGatewayConfigDocument(targets, authorizer));

  const shown = relative(context.cwd, path) || path;
  output.result(
    `${replaced ? 'Replaced' : 'Wrote'} ${shown}: ${targets.length} target${targets.length === 1 ? '' : 's'}, ${
      authorizer
        ? `inbound JWT auth from ${source}`
        : 'no inbound auth (--no-auth): anyone who can reach the gateway can call its tools'
    }`,
  );
  const failed = results.filter((result) => result.probe?.ok === false).length;
  if (failed > 0) {
    output.result(
      `${failed} target${failed === 1 ? '' : 's'} failed the test: start the server, fix the URL or set the variable, then run gateway setup again`,
    );
  }
  output.result(`Run it locally: npx @agentcore-mcp/gateway-service --config ${shown}`);
  output.result(
    `Or register it as a managed AgentCore Gateway: agentcore-mcp gateway register-managed --config ${shown}`,
  );
  return { path, targets: results, auth: source };
}

async function createCognito(
  options: GatewaySetupOptions,
  context: CommandContext,
  steps: GatewaySetupSteps,
): Promise<string> {
  const setup =
    steps.setupCognito ??
    (async (cognitoOptions: SetupCognitoOptions) => {
      const { setUpCognito } = await import('../cognito/setUpCognito.js');
      return setUpCognito(cognitoOptions, context);
    });
  const result = await setup({
    ...(options.region ? { region: options.region } : {}),
    outDir: '.',
  });
  return result.files.authorizerConfig;
}

async function testTargets(
  targets: readonly SetupTarget[],
  context: CommandContext,
): Promise<GatewaySetupTargetResult[]> {
  const { output } = context;
  const tested = targets.filter((target) => target.kind === 'http' && !isSse(target.url));
  if (tested.length > 0) {
    output.result(
      `Testing ${tested.length} HTTP target${tested.length === 1 ? '' : 's'} (MCP server/discover or initialize, then tools/list, ${PROBE_TIMEOUT_MS / 1000} s timeout):`,
    );
  }
  const probes = await Promise.all(
    targets.map((target) =>
      tested.includes(target) && target.kind === 'http'
        ? probeTarget({
            url: target.url,
            headers: target.headers,
            env: context.env,
            timeoutMs: PROBE_TIMEOUT_MS,
          })
        : Promise.resolve(undefined),
    ),
  );
  return targets.map((target, index) => {
    const probe = probes[index];
    output.result(`  ${describeTarget(target, probe)}`);
    return { target, probe };
  });
}

function describeTarget(target: SetupTarget, probe: ProbeTargetResult | undefined): string {
  if (target.kind === 'stdio') {
    return `- ${target.name}: stdio (${[target.command, ...target.args].join(' ')}), started by the gateway; not tested here`;
  }
  if (probe === undefined)
    return `- ${target.name}: ${target.url} is a legacy SSE endpoint; not tested here`;
  if (!probe.ok) return `✗ ${target.name} (${target.url}) failed: ${probe.reason}`;
  const tools = probe.tools.length === 0 ? 'no tools' : probe.tools.join(', ');
  return `✓ ${target.name} (${target.url}): ${probe.tools.length} tool${probe.tools.length === 1 ? '' : 's'}: ${tools}`;
}

function isSse(url: string): boolean {
  return new URL(url).pathname.endsWith('/sse');
}
