import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** An npm package whose code went into a bundle. */
export interface BundledPackage {
  /** The package name, e.g. `zod` or `@modelcontextprotocol/server`. */
  readonly name: string;
  /** The installed version, from its package.json. */
  readonly version: string;
  /** The absolute path of the installed package (the folder holding its package.json). */
  readonly dir: string;
}

const NODE_MODULES = 'node_modules/';

/**
 * Lists the npm packages a bundle holds code from, given the input files whose code esbuild put
 * into it (the inputs of the metafile's output with `bytesInOutput` above 0). A file belongs to the package folder after its last
 * `node_modules/` (`@scope/name` or `name`), which works for pnpm's `.pnpm/<id>/node_modules/…`
 * layout and for nested installs alike; files outside any `node_modules` (the app and the
 * workspace packages it imports, which esbuild reaches through their real paths) are ours and not
 * listed. Two installs of one package at different versions are two entries.
 *
 * @param inputs - The input paths, relative to `baseDir` (esbuild writes them with `/`).
 * @param baseDir - The directory they are relative to (esbuild's working directory).
 * @returns The packages, sorted by name, then version.
 * @throws {@link Error} when a package folder has no readable package.json with a name and version.
 * @example
 * ```ts
 * const { metafile } = await build({ ...options, outfile: 'dist/main.js', metafile: true });
 * const inputs = Object.keys(metafile.outputs['dist/main.js']!.inputs);
 * listBundledPackages(inputs, appDir).map((pkg) => pkg.name); // ['express', …]
 * ```
 */
export function listBundledPackages(inputs: Iterable<string>, baseDir: string): BundledPackage[] {
  const dirs = new Set<string>();
  for (const input of inputs) {
    const path = input.replaceAll('\\', '/');
    const at = path.lastIndexOf(NODE_MODULES);
    if (at === -1) continue;
    const [first = '', second = ''] = path.slice(at + NODE_MODULES.length).split('/');
    const name = first.startsWith('@') ? `${first}/${second}` : first;
    // Strip esbuild's namespace prefix (e.g. `(disabled):`) before resolving.
    const prefix = path.slice(0, at).replace(/^\([a-z-]+\):/, '');
    dirs.add(resolve(baseDir, `${prefix}${NODE_MODULES}${name}`));
  }
  return [...dirs]
    .map(readPackage)
    .sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function readPackage(dir: string): BundledPackage {
  let manifest: { name?: unknown; version?: unknown };
  try {
    manifest = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')) as typeof manifest;
  } catch (error) {
    throw new Error(`Cannot read the package.json of bundled package ${dir}`, { cause: error });
  }
  const { name, version } = manifest;
  if (typeof name !== 'string' || typeof version !== 'string') {
    throw new Error(`The package.json of bundled package ${dir} has no name or version`);
  }
  return { name, version, dir };
}
