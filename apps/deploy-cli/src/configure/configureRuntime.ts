import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { assertRuntimeName, isHeaderAllowed, parseHeaderAllowlist } from '@agentcore-mcp/core';

import { assertDeployableInProject } from '../aws/deployableRuntimeName.js';
import { assertDockerfile } from '../build/checkDockerfile.js';
import { AUTHORIZER_CONFIG_FILE } from '../cognito/authorizerConfig.js';
import type { CommandContext } from '../commandContext.js';
import { CliError } from '../errors.js';
import type { ProjectConfig, RuntimeProject } from '../project/projectConfig.js';
import {
  readProjectConfig,
  withRuntime,
  writeProjectConfig,
} from '../project/projectConfigFile.js';
import { createMissingValueAsker, type MissingValueAsker } from './askForMissing.js';
import { checkDiscoveryUrl } from './checkDiscoveryUrl.js';
import { createConfigurePrompts } from './configurePrompts.js';
import { deriveRuntimeName } from './deriveRuntimeName.js';
import { formatConfigureReport } from './formatConfigureReport.js';
import { parseEnvironmentOptions } from './parseEnvironmentOptions.js';
import { parseLifecycleOptions } from './parseLifecycleOptions.js';
import { parseOutboundOauthProviders } from './parseOutboundOauthProviders.js';
import { readAuthorizerOption } from './readAuthorizerOption.js';
import { resolveAppDirectory } from './resolveAppDirectory.js';
import { resolveRegion } from './resolveRegion.js';

/** Options of `agentcore-mcp configure`, as commander parses them. */
export interface ConfigureOptions {
  /**
   * `-e/--entrypoint`: the app directory (with its package.json), or a file in it. Required
   * (prompted on a terminal).
   */
  entrypoint?: string;
  /** `-n/--name`: the runtime name. Default: from the app's package.json name or directory. */
  name?: string;
  /** `-p/--protocol`: only `MCP`. Default `MCP`. */
  protocol?: string;
  /** `-r/--region`. Default: AWS_REGION, then AWS_DEFAULT_REGION (prompted on a terminal). */
  region?: string;
  /** `--authorizer-config`: inline JSON or a file. Default: none, i.e. IAM (SigV4) auth. */
  authorizerConfig?: string;
  /** `--skip-discovery-check`: do not fetch the discovery URL. Default false. */
  skipDiscoveryCheck?: boolean;
  /** `--request-header-allowlist`: comma-separated header names. Default: none. */
  requestHeaderAllowlist?: string;
  /** `--env KEY=VALUE`, repeatable. Default: none. */
  env?: string[];
  /** `--allow-plaintext-env`: accept secret-looking `--env` names. Default false. */
  allowPlaintextEnv?: boolean;
  /** `--idle-timeout` seconds (60–28800). Default: AgentCore's 900. */
  idleTimeout?: string;
  /** `--max-lifetime` seconds (60–28800). Default: AgentCore's 28800. */
  maxLifetime?: string;
  /** `--observability`: build with ADOT auto-instrumentation. Default false. */
  observability?: boolean;
  /**
   * `--outbound-oauth-provider <name>`, repeatable: AgentCore Identity OAuth2 credential providers
   * the server's code takes tokens from (launch grants the execution role their tokens). Default:
   * none.
   */
  outboundOauthProvider?: string[];
  /** `--dockerfile`: the Dockerfile path. Default: the app directory's `Dockerfile`. */
  dockerfile?: string;
  /** `--default`: make this runtime the project's default. The first runtime always is. */
  default?: boolean;
  /** `--non-interactive`: never prompt; a missing value is an error. Default false. */
  nonInteractive?: boolean;
}

/**
 * `agentcore-mcp configure`: validates the deployment settings of one MCP server and writes them
 * to `.agentcore-mcp.yaml` (keeping the runtime's `deployment` section), then prints what it wrote
 * and the next command. The app is `-e`'s directory, or the package.json directory of `-e`'s file;
 * its Dockerfile must have the stages the options build (`observability`). It prompts for a missing app directory, region or authorizer only on a
 * terminal without `--non-interactive`.
 *
 * @param options - The parsed flags.
 * @param context - Output, project root, environment, and the prompts (asked only when
 *   `interactive`).
 * @returns The runtime written.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for a missing or unusable value,
 *   `ERR_INVALID_REGION` for a missing or malformed region;
 *   {@link AgentCoreMcpError} `ERR_INVALID_RUNTIME_NAME` / `ERR_INVALID_HEADER_ALLOWLIST` /
 *   `ERR_CONFIG_INVALID` from the core validators and the existing project file.
 * @example
 * ```ts
 * await configureRuntime(
 *   { entrypoint: 'src/server.ts', region: 'us-east-1', authorizerConfig: 'authorizer_config.json' },
 *   context,
 * );
 * ```
 */
export async function configureRuntime(
  options: ConfigureOptions,
  context: CommandContext,
): Promise<RuntimeProject> {
  assertProtocol(options.protocol);
  const environment = parseEnvironmentOptions(
    options.env ?? [],
    options.allowPlaintextEnv === true,
  );
  const lifecycle = parseLifecycleOptions(options);
  const outboundOauthProviders = parseOutboundOauthProviders(options.outboundOauthProvider ?? []);
  const allowlist =
    options.requestHeaderAllowlist === undefined
      ? undefined
      : parseHeaderAllowlist(options.requestHeaderAllowlist);
  if (options.name !== undefined) assertRuntimeName(options.name);
  const project = readProjectConfig(context.cwd);
  const asker = createMissingValueAsker(
    context.interactive && options.nonInteractive !== true,
    createConfigurePrompts(context.prompts),
  );

  const entrypoint =
    options.entrypoint ??
    (await asker.ask('-e/--entrypoint <app directory>', (p) => p.askEntrypoint()));
  const location = resolveAppDirectory(context.cwd, { entrypoint, dockerfile: options.dockerfile });
  assertDockerfile(context.cwd, {
    dockerfile: location.dockerfile,
    observability: options.observability === true,
    withoutObservability: 'drop --observability',
  });
  const region = await resolveRegion(options.region, context.env, asker);
  const authorizerSource = await resolveAuthorizerSource(
    options.authorizerConfig,
    context.cwd,
    asker,
  );
  const authorizer =
    authorizerSource === undefined
      ? undefined
      : readAuthorizerOption(authorizerSource, context.cwd);
  if (authorizer === undefined && allowlist && isHeaderAllowed(allowlist, 'Authorization')) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      '--request-header-allowlist has Authorization, which AgentCore forwards only to runtimes with a JWT authorizer: pass --authorizer-config or remove Authorization',
    );
  }
  const derived = options.name === undefined ? deriveRuntimeName(location.directory) : undefined;
  const name = options.name ?? derived?.name ?? '';
  assertRuntimeName(name);
  assertDeployableInProject(name, {
    region,
    projectRuntimes: Object.keys(project?.runtimes ?? {}),
  });
  const deployment = keptDeployment(project, name, region);
  if (authorizer !== undefined && options.skipDiscoveryCheck !== true) {
    await checkDiscoveryUrl(authorizer.discoveryUrl);
  }

  const runtime: RuntimeProject = {
    name,
    entrypoint: location.entrypoint,
    dockerfile: location.dockerfile,
    protocol: 'MCP',
    region,
    ...(authorizer === undefined ? {} : { authorizer: { customJWTAuthorizer: authorizer } }),
    ...(allowlist === undefined ? {} : { requestHeaderAllowlist: allowlist }),
    ...(environment === undefined ? {} : { environment }),
    ...(lifecycle === undefined ? {} : { lifecycle }),
    ...(options.observability === true ? { observability: true } : {}),
    ...(outboundOauthProviders === undefined ? {} : { outboundOauthProviders }),
    ...(deployment === undefined ? {} : { deployment }),
  };
  const next = withRuntime(project, runtime, options.default === true);
  const path = writeProjectConfig(context.cwd, next);
  const unusedAuthorizerFile =
    authorizerSource === undefined && existsSync(join(context.cwd, AUTHORIZER_CONFIG_FILE))
      ? AUTHORIZER_CONFIG_FILE
      : undefined;
  const report = formatConfigureReport(runtime, {
    path,
    defaultRuntime: next.default,
    nameSource: derived?.source,
    unusedAuthorizerFile,
    appFile: location.file,
  });
  for (const line of report) context.output.result(line);
  return runtime;
}

async function resolveAuthorizerSource(
  flag: string | undefined,
  cwd: string,
  asker: MissingValueAsker,
): Promise<string | undefined> {
  if (flag !== undefined) return flag;
  if (!asker.canPrompt || !existsSync(join(cwd, AUTHORIZER_CONFIG_FILE))) return undefined;
  const use = await asker.ask('--authorizer-config', (prompts) =>
    prompts.askUseAuthorizerFile(AUTHORIZER_CONFIG_FILE),
  );
  return use ? AUTHORIZER_CONFIG_FILE : undefined;
}

function assertProtocol(protocol: string | undefined): void {
  if (protocol === undefined || protocol.toUpperCase() === 'MCP') return;
  throw new CliError(
    'ERR_INVALID_INPUT',
    `--protocol ${protocol} is not supported: this toolkit deploys MCP servers, so use --protocol MCP (for HTTP, A2A or AGUI agents use the AgentCore CLI, @aws/agentcore)`,
  );
}

/** The existing `deployment` of this runtime, which a re-configure keeps (same region only). */
function keptDeployment(
  project: ProjectConfig | undefined,
  name: string,
  region: string,
): RuntimeProject['deployment'] {
  const existing = project?.runtimes[name];
  if (existing?.deployment === undefined) return undefined;
  if (existing.region !== region) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${name} is deployed in ${existing.region} (${existing.deployment.runtimeArn}), not ${region}: run agentcore-mcp destroy --name ${name} first, or configure another --name for ${region}`,
    );
  }
  return existing.deployment;
}
