import { AgentCoreMcpError } from '@agentcore-mcp/core';

/** A key path into the gateway configuration, e.g. `['mcpServers', 'weather', 'url']`. */
export type ConfigPath = readonly PropertyKey[];

const PLAIN_KEY = /^[A-Za-z0-9_$-]+$/;

/**
 * Formats a key path the way a user would write it: `mcpServers.weather.headers.Authorization`,
 * `mcpServers.files.args[0]`; keys that are not plain words are quoted (`headers["x y"]`).
 *
 * @internal Not part of the public API.
 */
export function formatConfigPath(path: ConfigPath): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const key = String(segment);
      if (!PLAIN_KEY.test(key)) return `[${JSON.stringify(key)}]`;
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}

/**
 * Throws the one error shape of the gateway configuration:
 * `Invalid gateway config: <key path>: <problem>` (the path is left out when empty). `problem`
 * says what is wrong and what is expected, and must never contain an expanded value.
 *
 * @internal Not part of the public API.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID`, always.
 */
export function failConfig(path: ConfigPath | string, problem: string, cause?: unknown): never {
  const where = typeof path === 'string' ? path : formatConfigPath(path);
  const message = `Invalid gateway config: ${where === '' ? '' : `${where}: `}${problem}`;
  throw new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    message.replace(/[\r\n]+/g, ' '),
    cause === undefined ? undefined : { cause },
  );
}
