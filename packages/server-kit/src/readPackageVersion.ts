import { readFileSync } from 'node:fs';

import { AgentCoreMcpError, firstLine } from '@agentcore-mcp/core';

/**
 * Reads the `version` of a package.json: how an app gives `createAgentCoreServer` its own version,
 * which clients see in `initialize`. The file is read once, when called.
 *
 * @param packageJsonUrl - The package.json, e.g. `new URL('../package.json', import.meta.url)`
 *   from `src/server.ts` (the same path holds from `dist/`).
 * @returns The version, e.g. `0.1.0`.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when the file cannot be read or has no
 *   string `version`.
 * @example
 * ```ts
 * const version = readPackageVersion(new URL('../package.json', import.meta.url));
 * createAgentCoreServer({ name: 'weather', version, tools });
 * ```
 */
export function readPackageVersion(packageJsonUrl: URL | string): string {
  let version: unknown;
  try {
    ({ version } = JSON.parse(readFileSync(packageJsonUrl, 'utf8')) as { version?: unknown });
  } catch (error) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Cannot read the version from ${String(packageJsonUrl)}: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      { cause: error },
    );
  }
  if (typeof version !== 'string' || version === '') {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `${String(packageJsonUrl)} has no "version": add one, e.g. "version": "0.1.0"`,
    );
  }
  return version;
}
