import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { CliError } from '../errors.js';

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
}

/** `.agentcore-mcp/managed-gateway.json`: identifiers and URLs only, never a secret. */
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
