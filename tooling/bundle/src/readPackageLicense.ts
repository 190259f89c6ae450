import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A package's licence: what its package.json declares and the texts it ships. */
export interface PackageLicense {
  /** The SPDX expression of package.json `license` (or the old `licenses` list), or `UNKNOWN`. */
  readonly license: string;
  /** Its licence and notice files (`LICENSE`, `LICENCE.md`, `COPYING`, `NOTICE`…), by file name. */
  readonly files: readonly { readonly name: string; readonly text: string }[];
}

/** LICENSE, LICENCE, COPYING and NOTICE, any case, with a `-suffix` and a text extension or not. */
const LICENSE_FILE = /^(?:licen[cs]e|copying|notice)(?:-[a-z0-9-]+)?(?:\.(?:md|markdown|txt))?$/i;

/**
 * Reads the licence of an installed npm package: the `license` field of its package.json (an
 * SPDX expression; the deprecated `{ type }` object and `licenses` array are read too) and the
 * text of every licence or notice file at the package's top level, as the package ships them.
 * Apache-2.0 asks that NOTICE files travel with the code, hence those too.
 *
 * @param dir - The package folder (holding its package.json).
 * @returns The declared licence and the files, sorted by name (`LICENSE` before `NOTICE`).
 * @throws {@link Error} when package.json cannot be read.
 * @example
 * ```ts
 * readPackageLicense('node_modules/zod'); // { license: 'MIT', files: [{ name: 'LICENSE', text: 'MIT License…' }] }
 * ```
 */
export function readPackageLicense(dir: string): PackageLicense {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    license?: unknown;
    licenses?: unknown;
  };
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && LICENSE_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  return { license: declaredLicense(manifest.license, manifest.licenses), files };
}

function declaredLicense(license: unknown, licenses: unknown): string {
  if (typeof license === 'string' && license.trim() !== '') return license.trim();
  const typeOf = (entry: unknown) =>
    typeof entry === 'object' && entry !== null && 'type' in entry && typeof entry.type === 'string'
      ? entry.type
      : undefined;
  const single = typeOf(license);
  if (single !== undefined) return single;
  const listed = Array.isArray(licenses)
    ? licenses.map(typeOf).filter((type) => type !== undefined)
    : [];
  return listed.length > 0 ? listed.join(' OR ') : 'UNKNOWN';
}
