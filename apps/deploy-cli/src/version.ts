import { readFileSync } from 'node:fs';

interface PackageJson {
  version?: unknown;
}

/**
 * Reads the CLI's version from its package.json, which sits one directory above both `src/`
 * (under tsx) and `dist/` (when built or deployed with `pnpm deploy`).
 *
 * @returns The `version` field, e.g. `0.1.0`.
 * @throws Error when package.json has no string `version` (a broken install).
 * @example
 * ```ts
 * program.version(readCliVersion());
 * ```
 */
export function readCliVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const { version } = JSON.parse(text) as PackageJson;
  if (typeof version !== 'string') throw new Error('package.json of agentcore-mcp has no version');
  return version;
}
