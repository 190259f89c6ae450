import { AgentCoreMcpError } from '../errors.js';

/** Where env `HOST`/`PORT` ask a process to listen; a field is absent when its variable is unset. */
export interface ListenAddress {
  /** From `HOST`, when set and not blank. */
  host?: string;
  /** From `PORT`, when set and not blank; `0` picks a free port. */
  port?: number;
}

/**
 * Parses a TCP port: an integer from 0 to 65535 (0 picks a free port).
 *
 * @param value - The text, e.g. the value of `PORT`.
 * @param source - Where it came from, for the message. Default: `'PORT'`.
 * @returns The port number.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID`:
 *   `Invalid PORT "eighty": use an integer from 0 to 65535`.
 * @example
 * ```ts
 * parsePort('8000'); // 8000
 * ```
 */
export function parsePort(value: string, source = 'PORT'): number {
  const text = value.trim();
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid ${source} "${value}": use an integer from 0 to 65535`,
    );
  }
  return port;
}

/**
 * Reads env `HOST` and `PORT` (AgentCore's contract sets `0.0.0.0` and `8000` in the container);
 * blank values count as unset, so the caller's defaults apply.
 *
 * @param env - The environment (`process.env`).
 * @returns The address fields that are set.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when `PORT` is not a port number.
 * @example
 * ```ts
 * readListenAddress({ HOST: '127.0.0.1', PORT: '9000' }); // { host: '127.0.0.1', port: 9000 }
 * ```
 */
export function readListenAddress(
  env: Readonly<Record<string, string | undefined>>,
): ListenAddress {
  const host = env.HOST?.trim();
  const port = env.PORT?.trim();
  return {
    ...(host ? { host } : {}),
    ...(port ? { port: parsePort(port) } : {}),
  };
}
