import type { RuntimeArn } from '@agentcore-mcp/core';

import type { AwsContext } from '../aws/awsContext.js';
import { type GatewayTargetAccess, NO_TARGET_ACCESS } from './gatewayPolicy.js';
import { type MachineClient, readMachineClient } from './machineClient.js';
import type { ManagedTargetSpec } from './managedTargets.js';
import {
  ensureOauthCredentialProvider,
  type OauthProvider,
  toOauthProviderName,
} from './oauthCredentialProvider.js';
import { readRuntimeAuthorizer } from './runtimeAuthorizer.js';
import {
  resolveTargetAuth,
  type RuntimeAuthorizer,
  type TargetAuthMode,
} from './targetAuthMode.js';
import {
  type CreatedCredentialProvider,
  iamOutboundAuth,
  oauthOutboundAuth,
  type TargetOutboundAuth,
} from './targetCredentials.js';

/** What the runtime targets of one `register-managed` run need. */
export interface PreparedTargetAuth {
  /** Config name → outbound auth, for the runtime targets (the others have none). */
  readonly byTarget: ReadonlyMap<string, TargetOutboundAuth>;
  /** What the gateway's execution role must allow for them. */
  readonly access: GatewayTargetAccess;
  /** The name of the credential provider this run created, if it did (not in a dry run). */
  readonly createdNow?: string | undefined;
}

/** What {@link prepareTargetAuth} works from. */
export interface PrepareTargetAuthOptions {
  /** The targets to register; only runtime targets (`runtime` set) get outbound auth. */
  readonly targets: readonly ManagedTargetSpec[];
  /** `--target-auth`. */
  readonly mode: TargetAuthMode;
  /** The managed gateway's name (its credential provider is named after it). */
  readonly gatewayName: string;
  /** The credentials file with the M2M client, relative to the project root. */
  readonly credentialsFile: string;
  /** Providers an earlier run recorded as created by register-managed. */
  readonly createdProviders: ReadonlyMap<string, CreatedCredentialProvider>;
}

/**
 * Works out how the managed gateway authenticates to each AgentCore Runtime target, before the
 * role and the gateway: asks each runtime for its inbound auth (GetAgentRuntime; a dry run
 * assumes JWT, or IAM with `--target-auth iam`), picks `iam` or `oauth` per `--target-auth`, and
 * for `oauth` reads the M2M client of `setup-cognito --m2m` and creates or reuses the gateway's
 * OAuth2 credential provider. Warns when a JWT runtime would refuse the M2M client's tokens.
 *
 * @param context - The AWS context.
 * @param options - The targets, the mode, the gateway name, the credentials file and the
 *   providers created earlier.
 * @returns Each runtime target's outbound auth, and what the role needs for them.
 * @throws {@link CliError} `ERR_INVALID_INPUT` (a mode that contradicts a runtime, a runtime that
 *   does not exist), `ERR_CONFIG_INVALID` (no M2M client); `AwsRequestError`.
 * @example
 * ```ts
 * const { byTarget, access } = await prepareTargetAuth(context, { targets, mode: 'auto', gatewayName, credentialsFile, createdProviders });
 * ```
 */
export async function prepareTargetAuth(
  context: AwsContext,
  options: PrepareTargetAuthOptions,
): Promise<PreparedTargetAuth> {
  const runtimeTargets = options.targets.flatMap((target) =>
    target.runtime === undefined ? [] : [{ ...target, runtime: target.runtime }],
  );
  if (runtimeTargets.length === 0) return { byTarget: new Map(), access: NO_TARGET_ACCESS };
  const authorizers = new Map<string, RuntimeAuthorizer>();
  const modes = new Map<string, 'iam' | 'oauth'>();
  for (const target of runtimeTargets) {
    const authorizer =
      authorizers.get(target.runtime.arn) ?? (await lookUp(context, target, options.mode));
    authorizers.set(target.runtime.arn, authorizer);
    modes.set(
      target.configName,
      resolveTargetAuth(options.mode, authorizer, {
        configName: target.configName,
        runtimeId: target.runtime.runtimeId,
      }),
    );
  }
  const oauthTargets = runtimeTargets.filter((target) => modes.get(target.configName) === 'oauth');
  const oauth =
    oauthTargets.length === 0 ? undefined : await prepareOauthProvider(context, options);
  if (oauth !== undefined) {
    const runtimes = new Map(oauthTargets.map(({ runtime }) => [runtime.arn, runtime]));
    for (const runtime of runtimes.values()) {
      const authorizer = authorizers.get(runtime.arn);
      warnIfRefused(context, { runtime, authorizer, client: oauth.client });
    }
  }
  const byTarget = new Map<string, TargetOutboundAuth>();
  for (const target of runtimeTargets) {
    byTarget.set(
      target.configName,
      oauth !== undefined && modes.get(target.configName) === 'oauth'
        ? oauthOutboundAuth(oauth.provider, oauth.client.scopes)
        : iamOutboundAuth(target.runtime.region),
    );
  }
  const invokeRuntimes = [
    ...new Set(
      runtimeTargets
        .filter((target) => modes.get(target.configName) === 'iam')
        .map((target) => target.runtime.arn),
    ),
  ];
  return {
    byTarget,
    access: {
      invokeRuntimes,
      oauthProviders: oauth === undefined ? [] : [oauth.provider],
      apiKeyProviders: [],
    },
    ...(oauth?.provider.action === 'created' && !context.aws.dryRun
      ? { createdNow: oauth.provider.name }
      : {}),
  };
}

async function lookUp(
  context: AwsContext,
  target: { configName: string; runtime: RuntimeArn },
  mode: TargetAuthMode,
): Promise<RuntimeAuthorizer> {
  const dryRunKind = mode === 'iam' ? 'iam' : 'jwt';
  const authorizer = await readRuntimeAuthorizer(context, { ...target, dryRunKind });
  if (authorizer.assumed) {
    context.output.result(
      dryRunKind === 'jwt'
        ? `Dry run: assuming runtime ${target.runtime.runtimeId} is JWT-authorized (OAuth); pass --target-auth iam if it uses IAM`
        : `Dry run: assuming runtime ${target.runtime.runtimeId} is IAM-authorized (--target-auth iam)`,
    );
  }
  return authorizer;
}

async function prepareOauthProvider(
  context: AwsContext,
  options: PrepareTargetAuthOptions,
): Promise<{
  client: MachineClient;
  provider: OauthProvider & { created: boolean };
}> {
  const client = readMachineClient(context.cwd, options.credentialsFile);
  const name = toOauthProviderName(options.gatewayName);
  const provider = await ensureOauthCredentialProvider(context, { name, client });
  if (!context.aws.dryRun) {
    const verb = { created: 'Created', updated: 'Updated', reused: 'Reusing' }[provider.action];
    context.output.result(
      `${verb} the OAuth2 credential provider ${name} (M2M client ${client.clientId})`,
    );
  }
  return {
    client,
    provider: {
      ...provider,
      created: provider.action === 'created' || options.createdProviders.has(name),
    },
  };
}

function warnIfRefused(
  context: AwsContext,
  input: { runtime: RuntimeArn; authorizer: RuntimeAuthorizer | undefined; client: MachineClient },
): void {
  const { runtime, authorizer, client } = input;
  if (authorizer === undefined || authorizer.assumed || authorizer.kind !== 'jwt') return;
  const fix =
    'add it to its customJWTAuthorizer (setup-cognito --m2m writes it into authorizer_config.json: agentcore-mcp configure --authorizer-config authorizer_config.json, then agentcore-mcp launch)';
  const allowed = authorizer.allowedClients ?? [];
  if (!allowed.includes(client.clientId)) {
    context.output.result(
      `Warning: runtime ${runtime.runtimeId} does not allow the M2M client ${client.clientId} (allowedClients: ${allowed.join(', ') || 'none'}), so it will refuse the gateway's tokens; ${fix}`,
    );
  }
  if (authorizer.discoveryUrl !== undefined && authorizer.discoveryUrl !== client.discoveryUrl) {
    context.output.result(
      `Warning: runtime ${runtime.runtimeId} trusts ${authorizer.discoveryUrl}, but the M2M client's tokens come from ${client.discoveryUrl}; ${fix}`,
    );
  }
}
