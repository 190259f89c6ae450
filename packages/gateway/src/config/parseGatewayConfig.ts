import { failConfig } from './configError.js';
import { readDocumentRoot } from './parseGatewayConfigDocument.js';
import { readTargetEntry } from './readTargetEntry.js';
import { readGatewaySection, resolveGatewaySection } from './resolveGatewaySection.js';
import { resolveTarget } from './resolveTarget.js';
import type { GatewayConfig, ParseGatewayConfigOptions, TargetConfig } from './types.js';

/**
 * Validates a gateway configuration (the `mcpServers` map of Claude Desktop and Cursor, plus an
 * optional `gateway` section) and resolves it: defaults applied, `${VAR}` and `${VAR:-default}`
 * expanded in `url`, `headers`, `command`, `args`, `env` and `cwd` (`$${` is a literal `${`),
 * disabled targets left out. Unknown keys are rejected, with the allowed keys listed. To read a
 * document without expanding it, use {@link parseGatewayConfigDocument}.
 *
 * @param input - The configuration as an object or a JSON string.
 * @param options - `env`: where `${VAR}`s are looked up (default `process.env`).
 * @returns The resolved {@link GatewayConfig}.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` with one line,
 *   `Invalid gateway config: <key path>: <problem>`, e.g. `Invalid gateway config:
 *   mcpServers.weather.headers.Authorization: environment variable WEATHER_TOKEN is not set; set
 *   it, or write ${WEATHER_TOKEN:-default} for a fallback`. Expanded values never appear in it.
 * @example
 * ```ts
 * const config = parseGatewayConfig(
 *   { mcpServers: { weather: { url: 'https://weather.example.com/mcp' } } },
 *   { env: {} },
 * );
 * // config.targets[0]: { kind: 'http', name: 'weather', prefix: 'weather', transport: 'streamable-http', … }
 * // config.gateway.port: 8000
 * ```
 */
export function parseGatewayConfig(
  input: unknown,
  options: ParseGatewayConfigOptions = {},
): GatewayConfig {
  const env = options.env ?? process.env;
  const root = readDocumentRoot(input);
  const targets: TargetConfig[] = [];
  const prefixOwners = new Map<string, string>();
  for (const [name, value] of Object.entries(root.mcpServers)) {
    const target = resolveTarget(name, readTargetEntry(name, value), env);
    if (target === undefined) continue;
    const owner = prefixOwners.get(target.prefix);
    if (owner !== undefined) {
      failConfig(
        ['mcpServers', name, 'prefix'],
        `"${target.prefix}" is already the prefix of target "${owner}"; give each enabled target its own prefix`,
      );
    }
    prefixOwners.set(target.prefix, name);
    targets.push(target);
  }
  if (targets.length === 0) {
    failConfig(['mcpServers'], 'every target is disabled; enable at least one');
  }
  return { targets, gateway: resolveGatewaySection(readGatewaySection(root.gateway)) };
}
