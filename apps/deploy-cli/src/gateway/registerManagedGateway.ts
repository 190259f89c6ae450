import { relative, resolve } from 'node:path';

import type { AwsContext } from '../aws/awsContext.js';
import { CliError } from '../errors.js';
import { formatDryRun } from './formatDryRun.js';
import { readGatewayConfigFile } from './gatewayConfigFile.js';
import { ensureManagedGateway, type ManagedGateway } from './managedGateway.js';
import {
  MANAGED_GATEWAY_STATE_FILE,
  type ManagedGatewayState,
  type ManagedTargetState,
  writeManagedGatewayState,
} from './managedGatewayState.js';
import { toManagedName } from './managedName.js';
import { ensureManagedTarget, listManagedTargets, waitForManagedTarget } from './managedTargets.js';
import { planManagedTargets } from './planManagedTargets.js';

/** What `gateway register-managed` registers. */
export interface RegisterManagedGatewayOptions {
  /** `--config`: our gateway's config file. Default: `gateway.json`. */
  readonly config?: string | undefined;
  /** `--name`: the managed gateway's name (`_` becomes `-`). Default: `agentcore-mcp-gateway`. */
  readonly name?: string | undefined;
  /** `--role-arn`: an existing execution role. Default: one created for the gateway. */
  readonly roleArn?: string | undefined;
}

/** What `register-managed` did. */
export interface GatewayRegisterManagedResult {
  readonly gateway: ManagedGateway;
  readonly targets: readonly (ManagedTargetState & { readonly action: string })[];
  readonly skipped: readonly { readonly configName: string; readonly reason: string }[];
  /** The state file, or `undefined` in a dry run. */
  readonly stateFile?: string | undefined;
}

/** The default managed gateway name. */
export const DEFAULT_MANAGED_GATEWAY_NAME = 'agentcore-mcp-gateway';

/**
 * Creates (or reuses) a managed AgentCore Gateway for a gateway config (`agentcore-mcp gateway
 * register-managed`): protocol MCP, a CUSTOM_JWT authorizer from
 * `gateway.auth.customJWTAuthorizer`, an execution role (unless `--role-arn`), then one
 * `mcpServer` target per HTTPS target, each waited for until READY. Records ids and URLs in
 * `.agentcore-mcp/managed-gateway.json` and prints the gateway URL and how to call it. With
 * `--dry-run` (`context.aws.dryRun`) it prints the AWS requests instead.
 *
 * @param options - The config file, the gateway name and the role.
 * @param context - The AWS context.
 * @returns The gateway, its targets, and the skipped targets.
 * @throws {@link CliError} `ERR_INVALID_INPUT` (no authorizer, bad names), `ERR_RUNTIME_FAILED`
 *   (FAILED, with AgentCore's reasons), `ERR_TIMEOUT`; `AwsRequestError` naming the missing
 *   permission; `AgentCoreMcpError` `ERR_CONFIG_INVALID` for an unreadable config.
 * @example
 * ```ts
 * await registerManagedGateway({ config: 'gateway.json' }, context);
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
  const name = toManagedName(options.name ?? DEFAULT_MANAGED_GATEWAY_NAME, 'gateway');
  const plan = planManagedTargets(config.targets);
  const { output } = context;
  for (const { configName, reason } of plan.skipped)
    output.result(`Skipping target ${configName}: ${reason}`);

  const gateway = await ensureManagedGateway(context, {
    name,
    authorizer: config.authorizer,
    roleArn: options.roleArn,
  });
  const region = context.clients.target.region;
  const targets: (ManagedTargetState & { action: string })[] = [];
  const save = (): string | undefined =>
    context.aws.dryRun
      ? undefined
      : writeManagedGatewayState(
          context.cwd,
          toState({ gateway, name, region, config: shownConfig, targets, context }),
        );
  let stateFile = save();
  const existing =
    plan.register.length > 0 ? await listManagedTargets(context, gateway.gatewayId) : [];
  for (const target of plan.register) {
    const { targetId, action, status } = await ensureManagedTarget(context, {
      gatewayId: gateway.gatewayId,
      existing,
      target,
    });
    targets.push({ ...target, targetId, action });
    stateFile = save();
    if (!context.aws.dryRun)
      output.result(
        `${capitalize(action)} target ${target.name} (${targetId}) → ${target.endpoint}`,
      );
    if (status !== 'READY') {
      await waitForManagedTarget(context, { gatewayId: gateway.gatewayId, targetId, ...target });
    }
  }

  if (context.aws.dryRun) {
    for (const line of formatDryRun(context.aws.requests)) output.result(line);
  } else {
    report(context, { gateway, targets, stateFile });
  }
  return { gateway, targets, skipped: plan.skipped, stateFile };
}

function toState(input: {
  gateway: ManagedGateway;
  name: string;
  region: string;
  config: string;
  targets: readonly ManagedTargetState[];
  context: AwsContext;
}): ManagedGatewayState {
  return {
    version: 1,
    region: input.region,
    gatewayName: input.name,
    gatewayId: input.gateway.gatewayId,
    gatewayArn: input.gateway.gatewayArn,
    gatewayUrl: input.gateway.gatewayUrl,
    roleArn: input.gateway.roleArn,
    config: input.config,
    targets: input.targets.map(({ configName, name, targetId, endpoint }) => ({
      configName,
      name,
      targetId,
      endpoint,
    })),
    updatedAt: input.context.now().toISOString(),
  };
}

function report(
  context: AwsContext,
  input: {
    gateway: ManagedGateway;
    targets: readonly ManagedTargetState[];
    stateFile: string | undefined;
  },
): void {
  const { output } = context;
  const { gateway, targets } = input;
  output.result(
    `Gateway ${gateway.gatewayId} is READY with ${targets.length} target${targets.length === 1 ? '' : 's'}.`,
  );
  output.result(`  URL: ${gateway.gatewayUrl}`);
  output.result(
    `  Call it with a bearer token from the authorizer's issuer, e.g.: agentcore-mcp invoke --url ${gateway.gatewayUrl} --credentials .agentcore-mcp/cognito-credentials.json tools/list`,
  );
  const example = targets[0]?.name ?? '<target>';
  output.result(
    `  Tools are named <target>___<tool>, e.g. ${example}___<tool>; after a server's tools change run agentcore-mcp gateway sync`,
  );
  if (input.stateFile) output.result(`  Recorded in ${MANAGED_GATEWAY_STATE_FILE}`);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
