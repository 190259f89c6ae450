import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The packages a server-kit server run by `dev` needs: the library, its zod peer, and tsx. */
export const SERVER_PACKAGES = ['@agentcore-mcp/server-kit', 'zod', 'tsx'] as const;

/** The tiny server-kit server of `test/fixtures/tinyServer.mjs`: one tool, `echo` → `tiny: <text>`. */
export const TINY_SERVER = readFileSync(
  new URL('fixtures/tinyServer.mjs', import.meta.url),
  'utf8',
);

/** What {@link createTempProject} writes. */
export interface TempProjectOptions {
  /** Files by project path, e.g. `{ 'src/main.ts': TINY_SERVER }`. Default: none. */
  files?: Record<string, string>;
  /** The `package.json` content. Default: `{ name: 'tiny-dev', type: 'module' }`. */
  packageJson?: object;
  /**
   * Packages linked into `node_modules` (this package's installed copies, found from here).
   * Default: {@link SERVER_PACKAGES}.
   */
  packages?: readonly string[];
  /** Extra `node_modules` links: package name → its directory. Default: none. */
  links?: Record<string, string>;
}

/**
 * Creates a project directory outside the workspace, as a user's would be: a `package.json`, the
 * given files, and a `node_modules` whose packages are symlinks to the ones installed here (so
 * nothing is downloaded).
 *
 * @returns The directory and a function that removes it.
 */
export function createTempProject(options: TempProjectOptions = {}): {
  dir: string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-project-'));
  write(
    dir,
    'package.json',
    JSON.stringify(options.packageJson ?? { name: 'tiny-dev', type: 'module' }),
  );
  for (const [path, content] of Object.entries(options.files ?? {})) write(dir, path, content);
  const links = {
    ...Object.fromEntries(
      (options.packages ?? SERVER_PACKAGES).map((name) => [
        name,
        dirname(require.resolve(`${name}/package.json`)),
      ]),
    ),
    ...options.links,
  };
  for (const [name, target] of Object.entries(links)) {
    const link = join(dir, 'node_modules', ...name.split('/'));
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(target, link, 'dir');
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes one project file, creating its directories. */
export function write(dir: string, path: string, content: string): void {
  const target = join(dir, ...path.split('/'));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, content);
}
