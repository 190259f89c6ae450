import { parseArgs } from 'node:util';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { type GatewayConfig, loadGatewayConfig, parseGatewayConfig } from '@agentcore-mcp/gateway';

/** How to start the service, repeated in every usage error. */
export const SERVICE_USAGE =
  'usage: agentcore-mcp-gateway --config <gateway.json>, or set GATEWAY_CONFIG to a file path or inline JSON (--help lists every option)';

/**
 * Loads the gateway configuration the way the service's `main` does: from `--config <file>` (also
 * `--config=<file>` and `-c <file>`), else from env `GATEWAY_CONFIG`, which holds a file path or,
 * when it starts with `{`, the JSON itself (handy where flags are awkward, e.g. AgentCore Runtime).
 * `${VAR}` references in the configuration are expanded from `env`.
 *
 * @param argv - The command-line arguments after the entry file (`process.argv.slice(2)`).
 * @param env - The environment to read `GATEWAY_CONFIG` and `${VAR}`s from (`process.env`).
 * @returns The resolved gateway configuration.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` with one line: for unknown or malformed
 *   arguments, for no configuration at all (saying how to pass one), and for any error of
 *   `loadGatewayConfig`/`parseGatewayConfig` (`Invalid gateway config: <key path>: <problem>`).
 * @example
 * ```ts
 * const config = loadServiceConfig(['--config', 'gateway.json'], process.env);
 * console.log(config.targets.map((target) => target.name));
 * ```
 */
export function loadServiceConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): GatewayConfig {
  const configFlag = parseConfigFlag(argv);
  const options = { env: { ...env } };
  if (configFlag !== undefined) return loadGatewayConfig(configFlag, options);
  const fromEnv = env.GATEWAY_CONFIG?.trim();
  if (fromEnv === undefined || fromEnv === '') {
    throw new AgentCoreMcpError('ERR_CONFIG_INVALID', `No gateway config: ${SERVICE_USAGE}`);
  }
  return fromEnv.startsWith('{')
    ? parseGatewayConfig(fromEnv, options)
    : loadGatewayConfig(fromEnv, options);
}

/** The value of `--config`, or `undefined` when it is not given. */
function parseConfigFlag(argv: readonly string[]): string | undefined {
  let config: string | undefined;
  try {
    ({
      values: { config },
    } = parseArgs({
      args: [...argv],
      options: { config: { type: 'string', short: 'c' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw usageError(describeArgsProblem(error), error);
  }
  if (config?.trim() === '') throw usageError('--config is empty; pass the path of a JSON file');
  return config;
}

/** Node's `parseArgs` messages, shortened to what was wrong. */
function describeArgsProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(message ?? '')?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option "${quoted ?? message}"`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted ?? message}"`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return '--config needs a value, the path of a JSON file';
    default:
      return message ?? String(error);
  }
}

function usageError(problem: string, cause?: unknown): AgentCoreMcpError {
  return new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    `Invalid arguments: ${problem}; ${SERVICE_USAGE}`,
    cause === undefined ? undefined : { cause },
  );
}
