import { parseGatewayConfig } from './parseGatewayConfig.js';
import { readConfigFile } from './readConfigFile.js';
import type { GatewayConfig, ParseGatewayConfigOptions } from './types.js';

/**
 * Reads a gateway configuration file (JSON) and resolves it with {@link parseGatewayConfig}.
 *
 * @param path - The file, e.g. the `--config` argument of `gateway-service`.
 * @param options - `env`: where `${VAR}`s are looked up (default `process.env`).
 * @returns The resolved {@link GatewayConfig}.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a file that cannot be read
 *   (`Invalid gateway config: <path>: cannot read the file (ENOENT); …`), invalid JSON
 *   (`Invalid gateway config: <path>:<line>:<column>: not valid JSON (…); …`) or any error of
 *   {@link parseGatewayConfig}.
 * @example
 * ```ts
 * const config = loadGatewayConfig('gateway.json');
 * for (const target of config.targets) console.log(target.name, target.kind);
 * ```
 */
export function loadGatewayConfig(
  path: string,
  options: ParseGatewayConfigOptions = {},
): GatewayConfig {
  return parseGatewayConfig(readConfigFile(path), options);
}
