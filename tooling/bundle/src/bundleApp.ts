import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';

import { build } from 'esbuild';

import { type BundledPackage, listBundledPackages } from './bundledPackages.js';
import { escapeNonAscii } from './escapeNonAscii.js';
import { formatThirdPartyLicenses, LICENSES_FILE } from './formatLicenses.js';
import { readPackageLicense } from './readPackageLicense.js';

/**
 * Put before the bundle's code: CommonJS dependencies (express, pino…) call `require` for Node's
 * built-in modules, which an ES module does not have; esbuild's `__require` shim uses this one.
 */
export const REQUIRE_BANNER =
  "import { createRequire as __bundleCreateRequire } from 'node:module';\n" +
  'const require = __bundleCreateRequire(import.meta.url);';

/** Options of {@link bundleApp}. */
export interface BundleAppOptions {
  /** The app's directory, which holds its package.json. Default: the current directory. */
  readonly appDir?: string;
  /** The entry file, relative to `appDir`. Default `src/main.ts`. */
  readonly entry?: string;
  /**
   * The output directory, relative to `appDir`; it must lie inside `appDir`, and it is emptied
   * first so that nothing stale ships with the bundle. Default `dist`.
   */
  readonly outDir?: string;
}

/** What {@link bundleApp} wrote. */
export interface BundleAppResult {
  /** The bundle (`<outDir>/<entry name>.js`), absolute. */
  readonly bundleFile: string;
  /** Its size in bytes. */
  readonly bytes: number;
  /** The third-party licence file beside it, absolute. */
  readonly licensesFile: string;
  /** The third-party packages inside the bundle. */
  readonly packages: readonly BundledPackage[];
  /** How many warnings esbuild printed. */
  readonly warnings: number;
}

/**
 * Bundles a deployable app into a single ES module with esbuild, so that its start-up does not
 * resolve and load hundreds of files: every dependency is inlined (Node's built-in modules stay
 * imports), the output targets Node 20, a `createRequire` banner serves the `require` calls of
 * CommonJS dependencies, and a linked source map (without the sources' text) sits beside it. The
 * bundle is ASCII only (see {@link escapeNonAscii}).
 * The entry's `#!` line is kept, so the bundle works as a package `bin`. It also writes
 * {@link LICENSES_FILE} beside the bundle: the licences of every third-party package inside it.
 *
 * `import.meta.url` is the bundle's URL: an app that reads `new URL('../package.json',
 * import.meta.url)` from `src/` still finds its package.json from `dist/`.
 *
 * @param options - The app's directory, entry and output directory.
 * @returns The files written and the bundled packages.
 * @throws {@link Error} when esbuild fails (it prints the errors first), when `outDir` is not
 *   inside `appDir`, or when a bundled package or the app has no readable package.json.
 * @example
 * ```ts
 * const { bundleFile, packages } = await bundleApp({ appDir: 'apps/example-server' });
 * console.log(`${bundleFile}: ${packages.length} third-party packages`);
 * ```
 */
export async function bundleApp(options: BundleAppOptions = {}): Promise<BundleAppResult> {
  const appDir = resolve(options.appDir ?? '.');
  const entry = options.entry ?? 'src/main.ts';
  const outDir = resolve(appDir, options.outDir ?? 'dist');
  if (!outDir.startsWith(`${appDir}${sep}`)) {
    throw new Error(`The output directory ${outDir} must be a directory inside ${appDir}`);
  }
  const app = readAppManifest(appDir);
  rmSync(outDir, { recursive: true, force: true });
  const bundleFile = join(outDir, `${basename(entry, extname(entry))}.js`);
  const result = await build({
    absWorkingDir: appDir,
    entryPoints: [entry],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: REQUIRE_BANNER },
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  const source = readFileSync(bundleFile, 'utf8');
  const ascii = escapeNonAscii(source);
  if (ascii !== source) writeFileSync(bundleFile, ascii);
  // The files whose code is in the bundle: esbuild also reads files whose exports it then drops.
  const output = Object.values(result.metafile.outputs).find((out) => out.entryPoint !== undefined);
  const inBundle = Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
  const packages = listBundledPackages(inBundle, appDir);
  const licensesFile = join(outDir, LICENSES_FILE);
  writeFileSync(
    licensesFile,
    formatThirdPartyLicenses({
      app,
      bundle: relative(outDir, bundleFile),
      packages: packages.map((pkg) => ({ ...pkg, ...readPackageLicense(pkg.dir) })),
    }),
  );
  return {
    bundleFile,
    bytes: statSync(bundleFile).size,
    licensesFile,
    packages,
    warnings: result.warnings.length,
  };
}

function readAppManifest(appDir: string): { name: string; version: string } {
  const file = join(appDir, 'package.json');
  const { name, version } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  if (typeof name !== 'string' || typeof version !== 'string') {
    throw new Error(`${file} has no name or version`);
  }
  return { name, version };
}
