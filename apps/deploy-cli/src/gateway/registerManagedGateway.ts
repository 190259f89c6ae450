import { relative, resolve } from 'node:path';

import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';

import type { AwsContext } from '../aws/awsContext.js';
import { CREDENTIALS_FILE } from '../cognito/credentialsFile.js';
import { CliError } from '../errors.js';
import { formatDryRun } from './formatDryRun.js';
import { readGatewayConfigFile } from './gatewayConfigFile.js';
import type { GatewayTargetAccess } from './gatewayPolicy.js';
import { prepareGatewayRole } from './gatewayRole.js';
import { createManagedGateway, findManagedGateway, type ManagedGateway } from './managedGateway.js';
import { reportManagedGateway } from './managedGatewayReport.js';
import {
  type ManagedTargetState,
  readCreatedProviders,
  toManagedGatewayState,
  writeManagedGatewayState,
} from './managedGatewayState.js';
import { toManagedName } from './managedName.js';
import { deleteUnrecordedProvider } from './oauthCredentialProvider.js';
import { planManagedTargets } from './planManagedTargets.js';
import { prepareTargetAuth } from './prepareTargetAuth.js';
import { assertCredentialTargets, prepareTargetCredentials } from './prepareTargetCredentials.js';
import { type RegisteredTarget, registerManagedTargets } from './registerManagedTargets.js';
import { findStaleTargets, pruneStaleTargets, reportStaleTargets } from './staleManagedTargets.js';
import type { TargetAuthMode } from './targetAuthMode.js';
import { parseTargetCredentials } from './targetCredentialOption.js';

/** What `gateway register-managed` registers. */
export interface RegisterManagedGatewayOptions {
  /** `--config`: our gateway's config file. Default: `gateway.json`. */
  readonly config?: string | undefined;
  /** `--name`: the managed gateway's name (`_` becomes `-`). Default: `agentcore-mcp-gateway`. */
  readonly name?: string | undefined;
  /** `--role-arn`: an existing execution role, never changed. Default: one created for the gateway. */
  readonly roleArn?: string | undefined;
  /**
   * `--target-auth`: how the gateway authenticates to AgentCore Runtime targets. Default: `auto`
   * (OAuth for a JWT runtime, IAM for an IAM one).
   */
  readonly targetAuth?: TargetAuthMode | undefined;
  /**
   * `--credentials`: the file with the M2M client of `setup-cognito --m2m`, for OAuth runtime
   * targets. Default: `.agentcore-mcp/cognito-credentials.json`.
   */
  readonly credentials?: string | undefined;
  /**
   * `--target-credential <target>=api-key:<provider>[:<header>]` or
   * `<target>=oauth:<provider>[:<scopes>]`, repeatable: an existing AgentCore Identity credential
   * provider for a non-runtime target. Default: none (such targets get no credentials).
   */
  readonly targetCredential?: readonly string[] | undefined;
  /**
   * `--prune`: delete the targets an earlier run recorded that the config no longer registers (and
   * the credential providers register-managed created for them alone). Default: keep them on the
   * gateway and recorded, and say how to delete them.
   */
  readonly prune?: boolean | undefined;
}

/** What `register-managed` did. */
export interface GatewayRegisterManagedResult {
  readonly gateway: ManagedGateway;
  readonly targets: readonly RegisteredTarget[];
  readonly skipped: readonly { readonly configName: string; readonly reason: string }[];
  /**
   * Targets an earlier run recorded that the config no longer registers: kept (still recorded),
   * or deleted with `--prune`.
   */
  readonly stale: { readonly targets: readonly ManagedTargetState[]; readonly pruned: boolean };
  /** The state file, or `undefined` in a dry run. */
  readonly stateFile?: string | undefined;
}

/** The default managed gateway name. */
export const DEFAULT_MANAGED_GATEWAY_NAME = 'agentcore-mcp-gateway';

/**
 * Creates (or reuses) a managed AgentCore Gateway for a gateway config (`agentcore-mcp gateway
 * register-managed`): protocol MCP, a CUSTOM_JWT authorizer from
 * `gateway.auth.customJWTAuthorizer`, an execution role (unless `--role-arn`), then one
 * `mcpServer` target per HTTPS target, each waited for until READY. An AgentCore Runtime target
 * gets outbound auth (`--target-auth`): IAM (the role may invoke the runtime) or OAuth (an AgentCore
 * Identity OAuth2 credential provider from the M2M client of `setup-cognito --m2m`, which the role
 * may take tokens from). The work follows the dependencies: runtime lookups and the provider, the
 * role's policy (it names the provider's secret), the gateway, the targets. Records ids, URLs, each
 * target's auth and the providers it created in `.agentcore-mcp/managed-gateway.json` and prints
 * the gateway URL and how to call it. Other HTTPS targets get no credentials, or those of the
 * existing credential provider `--target-credential` names (API key or OAuth client credentials;
 * looked up first, and the role may use it). A target an earlier run recorded that the config no
 * longer registers stays on the gateway and in the state file (destroy-managed deletes it), and a
 * line says so; `--prune` deletes it, with the providers created for it alone. With `--dry-run`
 * (`context.aws.dryRun`) it prints the AWS requests instead, secrets redacted.
 *
 * @param options - The config file, the gateway name, the role, the target auth, the
 *   credentials file, `--target-credential` and `--prune`.
 * @param context - The AWS context.
 * @returns The gateway, its targets, the skipped targets and the stale ones.
 * @throws {@link CliError} `ERR_INVALID_INPUT` (no authorizer, bad names, a `--target-auth` that
 *   contradicts a runtime, a malformed `--target-credential` or one for a target that is not
 *   registered or is a runtime, a credential provider that does not exist), `ERR_CONFIG_INVALID`
 *   (no M2M client for OAuth targets), `ERR_RUNTIME_FAILED` (FAILED, with AgentCore's reasons),
 *   `ERR_TIMEOUT`; `AwsRequestError` naming the missing permission; `AgentCoreMcpError`
 *   `ERR_CONFIG_INVALID` for an unreadable config.
 * @example
 * ```ts
 * await registerManagedGateway({ config: 'gateway.json', targetAuth: 'auto' }, context);
 * ```
 */
export async function registerManagedGateway(
  options: RegisterManagedGatewayOptions,
  context: AwsContext,
): Promise<GatewayRegisterManagedResult> {
  const configPath = resolve(context.cwd, options.config ?? 'gateway.json');
  const config = readGatewayConfigFile(configPath);
  const shownConfig = relative(context.cwd, configPath) || configPath;
  if (config.authorizer === undefined) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `${shownConfig} has no gateway.auth.customJWTAuthorizer, and a managed gateway needs one: run agentcore-mcp setup-cognito, then agentcore-mcp gateway setup (it adds authorizer_config.json)`,
    );
  }
  const { authorizer } = config;
  const name = toManagedName(options.name ?? DEFAULT_MANAGED_GATEWAY_NAME, 'gateway');
  const region = context.clients.target.region;
  const credentials = parseTargetCredentials(options.targetCredential ?? [], region);
  const plan = planManagedTargets(config.targets, region, credentials);
  assertCredentialTargets(credentials, { plan, targets: config.targets, config: shownConfig });
  const { output } = context;
  for (const { configName, reason } of plan.skipped)
    output.result(`Skipping target ${configName}: ${reason}`);
  for (const note of plan.notes) output.result(note);

  // Read-only lookups first: nothing is created before every given provider is known to exist.
  const given = await prepareTargetCredentials(context, credentials);
  const runtimeAuth = await prepareTargetAuth(context, {
    targets: plan.register,
    mode: options.targetAuth ?? 'auto',
    gatewayName: name,
    credentialsFile: options.credentials ?? CREDENTIALS_FILE,
    createdProviders: readCreatedProviders(context.cwd, region),
  });
  const prepared = {
    ...runtimeAuth,
    byTarget: new Map([...runtimeAuth.byTarget, ...given.byTarget]),
    access: {
      ...runtimeAuth.access,
      oauthProviders: [...runtimeAuth.access.oauthProviders, ...given.oauthProviders],
      apiKeyProviders: given.apiKeyProviders,
    },
  };
  // A provider this run created is recorded with the first target that uses it; until then, a
  // failure deletes it again, so no provider is left that no state file records.
  let providerRecorded = prepared.createdNow === undefined;
  try {
    const { gateway, policyRewritten } = await readyGateway(context, {
      name,
      authorizer,
      roleArn: options.roleArn,
      access: prepared.access,
    });
    const stale = findStaleTargets(
      context,
      { gatewayId: gateway.gatewayId, name, region },
      plan.register.map((target) => target.configName),
    );
    let kept: readonly ManagedTargetState[] = stale;
    let stateFile: string | undefined;
    const record = (targets: readonly ManagedTargetState[]): void => {
      if (context.aws.dryRun) return;
      const state = toManagedGatewayState({
        gateway,
        gatewayName: name,
        region,
        config: shownConfig,
        targets: [...targets, ...kept],
        updatedAt: context.now().toISOString(),
      });
      stateFile = writeManagedGatewayState(context.cwd, state);
      providerRecorded ||= targets.some((target) => target.credentialProvider !== undefined);
    };
    record([]);
    const targets = await registerManagedTargets(context, {
      gateway,
      targets: plan.register,
      outbound: prepared.byTarget,
      waitForIam: policyRewritten,
      record,
    });
    if (options.prune === true && stale.length > 0) {
      await pruneStaleTargets(context, {
        gatewayId: gateway.gatewayId,
        stale,
        registered: targets,
      });
      kept = [];
      record(targets);
    } else {
      reportStaleTargets(context, stale, shownConfig);
    }
    if (context.aws.dryRun) {
      for (const line of formatDryRun(context.aws.requests)) output.result(line);
    } else {
      reportManagedGateway(context, { gateway, targets, stateFile });
    }
    return {
      gateway,
      targets,
      skipped: plan.skipped,
      stale: { targets: stale, pruned: options.prune === true },
      stateFile,
    };
  } catch (error) {
    if (!providerRecorded && prepared.createdNow !== undefined)
      await deleteUnrecordedProvider(context, prepared.createdNow);
    throw error;
  }
}

/** The gateway found (ListGateways) or created, with its execution role ready first. */
async function readyGateway(
  context: AwsContext,
  input: {
    name: string;
    authorizer: JwtAuthorizerConfig;
    roleArn: string | undefined;
    access: GatewayTargetAccess;
  },
): Promise<{ gateway: ManagedGateway; policyRewritten: boolean }> {
  const { name, authorizer } = input;
  const reused = await findManagedGateway(context, { name, authorizer });
  const role = await prepareGatewayRole(context, {
    gatewayName: name,
    roleArn: input.roleArn,
    reusedRoleArn: reused?.roleArn,
    access: input.access,
  });
  const gateway =
    reused ?? (await createManagedGateway(context, { name, authorizer, roleArn: role.roleArn }));
  return { gateway, policyRewritten: role.policyRewritten };
}
