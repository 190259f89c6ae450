import { createRequire } from 'node:module';

import { CliError } from '../errors.js';
import { readCliVersion } from '../version.js';

/**
 * The third-party version ranges a generated project depends on: the ones this repository builds
 * and tests with (the `catalog:` of `pnpm-workspace.yaml`; `test/init/templates.test.ts` keeps
 * the two equal). The MCP SDK v2 packages are exact versions, as in the catalog.
 */
export const CATALOG_RANGES = {
  '@modelcontextprotocol/client': '2.4.0',
  '@modelcontextprotocol/server': '2.4.0',
  '@types/node': '^20.19.0',
  express: '^5.2.1',
  tsx: '^4.20.0',
  typescript: '~5.9.3',
  zod: '^4.2.0',
} as const;

/** A third-party package of {@link CATALOG_RANGES}. */
export type CatalogPackage = keyof typeof CATALOG_RANGES;

/** Our packages a generated project depends on, at the versions this CLI ships with. */
export type OwnPackage =
  '@agentcore-mcp/cli' | '@agentcore-mcp/gateway-service' | '@agentcore-mcp/server-kit';

/** Reads the version of one of our packages, e.g. `0.1.0`. */
export type ReadVersion = (name: OwnPackage) => string;

const require = createRequire(import.meta.url);

/**
 * Reads the version of one of our packages as installed next to this CLI: the CLI's own, or the
 * `version` in `<package>/package.json` (each of our packages exports it). Generated projects
 * depend on `^<that version>`, so they get what this CLI was released and tested with.
 *
 * @param name - The package.
 * @returns Its version, e.g. `0.1.0`.
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` when the package is not installed next to the CLI
 *   (a broken install).
 * @example
 * ```ts
 * `^${readShippedVersion('@agentcore-mcp/server-kit')}`; // '^0.1.0'
 * ```
 */
export function readShippedVersion(name: OwnPackage): string {
  if (name === '@agentcore-mcp/cli') return readCliVersion();
  let version: unknown;
  try {
    ({ version } = require(`${name}/package.json`) as { version?: unknown });
  } catch (error) {
    throw new CliError(
      'ERR_NOT_CONFIGURED',
      `Cannot find ${name} next to agentcore-mcp, so init cannot tell which version to depend on: reinstall @agentcore-mcp/cli`,
      { cause: error },
    );
  }
  if (typeof version !== 'string') {
    throw new CliError(
      'ERR_NOT_CONFIGURED',
      `${name}/package.json has no version: reinstall @agentcore-mcp/cli`,
    );
  }
  return version;
}
