import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { CliError } from '../errors.js';
import type { ManagedTargetAuth } from './targetAuthMode.js';
import type { CreatedCredentialProvider } from './targetCredentials.js';

/** Where `register-managed` records what it created, relative to the project root. */
export const MANAGED_GATEWAY_STATE_FILE = '.agentcore-mcp/managed-gateway.json';

/** One registered target. */
export interface ManagedTargetState {
  /** The target's name in the gateway config (`mcpServers` key). */
  readonly configName: string;
  /** Its AgentCore name (underscores turned into hyphens): the tool prefix on the managed gateway. */
  readonly name: string;
  /** The AgentCore target id (10 characters). */
  readonly targetId: string;
  /** The MCP server's URL. */
  readonly endpoint: string;
  /**
   * How the gateway authenticates to it. Absent in files written before outbound auth existed,
   * which means `none`.
   */
  readonly auth?: ManagedTargetAuth | undefined;
  /**
   * The OAuth2 credential provider register-managed created for it, which `destroy-managed`
   * deletes. Absent when the target has none, or uses one register-managed found and reused.
   */
  readonly credentialProvider?: CreatedCredentialProvider | undefined;
}

/**
 * `.agentcore-mcp/managed-gateway.json`: identifiers and URLs only, never a secret. Version 1
 * throughout: later fields (`auth`, `credentialProvider` on targets) are optional, so older files
 * still read and older CLIs read newer files.
 */
export interface ManagedGatewayState {
  readonly version: 1;
  readonly region: string;
  readonly gatewayName: string;
  readonly gatewayId: string;
  readonly gatewayArn: string;
  readonly gatewayUrl: string;
  /** The execution role the gateway assumes. */
  readonly roleArn: string;
  /** The config file the targets came from, relative to the project root. */
  readonly config: string;
  readonly targets: readonly ManagedTargetState[];
  /** When `register-managed` last ran, ISO 8601. */
  readonly updatedAt: string;
}

/**
 * The state file's content for a gateway and the targets registered so far.
 *
 * @param input - The gateway (ids, URL, role), its name and region, the config file (relative to
 *   the project root), the targets and the time of the run.
 * @returns The state, each target with its `auth` (`none` by default).
 * @example
 * ```ts
 * writeManagedGatewayState(cwd, toManagedGatewayState({ gateway, gatewayName, region, config, targets, updatedAt }));
 * ```
 */
export function toManagedGatewayState(input: {
  gateway: { gatewayId: string; gatewayArn: string; gatewayUrl: string; roleArn: string };
  gatewayName: string;
  region: string;
  config: string;
  targets: readonly ManagedTargetState[];
  updatedAt: string;
}): ManagedGatewayState {
  const { gateway } = input;
  return {
    version: 1,
    region: input.region,
    gatewayName: input.gatewayName,
    gatewayId: gateway.gatewayId,
    gatewayArn: gateway.gatewayArn,
    gatewayUrl: gateway.gatewayUrl,
    roleArn: gateway.roleArn,
    config: input.config,
    targets: input.targets.map(
      ({ configName, name, targetId, endpoint, auth, credentialProvider }) => ({
        configName,
        name,
        targetId,
        endpoint,
        auth: auth ?? 'none',
        ...(credentialProvider === undefined ? {} : { credentialProvider }),
      }),
    ),
    updatedAt: input.updatedAt,
  };
}

/**
 * Writes the state file (creating `.agentcore-mcp/` with mode 0700, as setup-cognito does; the
 * file itself holds no secret).
 *
 * @param directory - The project root.
 * @param state - What to record.
 * @returns The file's path.
 */
export function writeManagedGatewayState(directory: string, state: ManagedGatewayState): string {
  const path = join(directory, MANAGED_GATEWAY_STATE_FILE);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o644 });
  return path;
}

/**
 * Removes the state file (`destroy-managed`, once what it records is gone).
 *
 * @param directory - The project root.
 * @returns The file's path.
 * @example
 * ```ts
 * removeManagedGatewayState(context.cwd);
 * ```
 */
export function removeManagedGatewayState(directory: string): string {
  const path = join(directory, MANAGED_GATEWAY_STATE_FILE);
  rmSync(path, { force: true });
  return path;
}

/**
 * Reads the state file `register-managed` wrote.
 *
 * @param directory - The project root.
 * @returns The recorded gateway and targets.
 * @throws {@link CliError} `ERR_NOT_DEPLOYED` when there is none, `ERR_INVALID_INPUT` when it is
 *   damaged.
 */
export function readManagedGatewayState(directory: string): ManagedGatewayState {
  const path = join(directory, MANAGED_GATEWAY_STATE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(
      'ERR_NOT_DEPLOYED',
      `No ${MANAGED_GATEWAY_STATE_FILE} in ${directory}: run agentcore-mcp gateway register-managed --config gateway.json first`,
      { cause: error },
    );
  }
  let state: Partial<ManagedGatewayState>;
  try {
    state = JSON.parse(text) as Partial<ManagedGatewayState>;
  } catch (error) {
    throw damaged(path, 'it is not JSON', error);
  }
  if (state.version !== 1) throw damaged(path, '"version" is not 1');
  for (const key of ['region', 'gatewayId', 'gatewayUrl'] as const) {
    if (typeof state[key] !== 'string' || state[key] === '')
      throw damaged(path, `"${key}" is missing`);
  }
  if (!Array.isArray(state.targets)) throw damaged(path, '"targets" is not a list');
  return state as ManagedGatewayState;
}

function damaged(path: string, why: string, cause?: unknown): CliError {
  return new CliError(
    'ERR_INVALID_INPUT',
    `Invalid ${path}: ${why}; run agentcore-mcp gateway register-managed again to rewrite it`,
    { cause },
  );
}

/**
 * The region an earlier `register-managed` recorded, which the managed-gateway commands use when
 * `--region` is absent.
 *
 * @param directory - The project root.
 * @returns The recorded region, or `undefined` when there is no usable state file.
 * @example
 * ```ts
 * const fallbackRegion = readRecordedRegion(context.cwd);
 * ```
 */
export function readRecordedRegion(directory: string): string | undefined {
  try {
    return readManagedGatewayState(directory).region;
  } catch {
    return undefined;
  }
}

/**
 * The credential providers an earlier `register-managed` recorded as created by it, so a run that
 * finds and reuses one keeps it recorded for `destroy-managed`.
 *
 * @param directory - The project root.
 * @param region - The region of this run; a state file of another region counts for nothing.
 * @returns Provider name → the recorded provider; empty without a usable state file.
 * @example
 * ```ts
 * const created = readCreatedProviders(context.cwd, 'us-east-1').has('agentcore-mcp-gateway-m2m');
 * ```
 */
export function readCreatedProviders(
  directory: string,
  region: string,
): Map<string, CreatedCredentialProvider> {
  let state: ManagedGatewayState;
  try {
    state = readManagedGatewayState(directory);
  } catch {
    return new Map();
  }
  if (state.region !== region) return new Map();
  return new Map(
    state.targets.flatMap(({ credentialProvider }) =>
      credentialProvider === undefined ? [] : [[credentialProvider.name, credentialProvider]],
    ),
  );
}
