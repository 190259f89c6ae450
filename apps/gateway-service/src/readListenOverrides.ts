import { AgentCoreMcpError } from '@agentcore-mcp/core';

/** Where env `HOST`/`PORT` ask the service to listen; a field is absent when its variable is unset. */
export interface ListenOverrides {
  /** From `HOST`, when set and not empty. */
  host?: string;
  /** From `PORT`, when set and not empty; `0` picks a free port. */
  port?: number;
}

/**
 * Reads env `HOST` and `PORT`, which override the configuration's `gateway.host`/`gateway.port`
 * when they are set (the container sets `HOST=0.0.0.0` and `PORT=8000`, AgentCore's contract).
 * Empty values count as unset.
 *
 * @param env - The environment (`process.env`).
 * @returns The overrides to pass to `createGateway`.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when `PORT` is not an integer from 0 to
 *   65535: `Invalid PORT "eighty": use an integer from 0 to 65535`.
 * @example
 * ```ts
 * readListenOverrides({ PORT: '9000' }); // { port: 9000 }
 * ```
 */
export function readListenOverrides(
  env: Readonly<Record<string, string | undefined>>,
): ListenOverrides {
  const host = env.HOST?.trim();
  const port = env.PORT?.trim();
  return {
    ...(host ? { host } : {}),
    ...(port ? { port: parsePort(port) } : {}),
  };
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid PORT "${value}": use an integer from 0 to 65535`,
    );
  }
  return port;
}
