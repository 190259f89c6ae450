import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** A workspace package that users install from npm. */
export interface PublicPackage {
  /** e.g. `@agentcore-mcp/core`. */
  readonly name: string;
  /** Its folder, e.g. `/…/packages/core`. */
  readonly dir: string;
}

/**
 * Every workspace package under `packages/` and `apps/` that is not `"private": true`: what
 * `pnpm -r publish` would publish.
 *
 * @returns The packages, sorted by name.
 */
export function listPublicPackages(): PublicPackage[] {
  return ['packages', 'apps']
    .flatMap((group) =>
      readdirSync(join(REPO_ROOT, group), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(REPO_ROOT, group, entry.name)),
    )
    .flatMap((dir) => {
      let manifest: { name: string; private?: boolean };
      try {
        manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as typeof manifest;
      } catch {
        return [];
      }
      return manifest.private === true ? [] : [{ name: manifest.name, dir }];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
