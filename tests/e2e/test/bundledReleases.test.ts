// gateway-service ships as one esbuild bundle with our libraries inside and lists them as
// devDependencies, which Changesets does not follow: a release of a library it bundles would not
// release it, and the published command would keep the old code. Pending changesets must say so.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLED_APP = '@agentcore-mcp/gateway-service';
/** Workspace packages that are tools, not code inside the bundle. */
const TOOLS = new Set([
  '@agentcore-mcp/bundle',
  '@agentcore-mcp/test-support',
  '@agentcore-mcp/tsconfig',
  '@agentcore-mcp/vitest-config',
]);

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const manifests = new Map(
  ['apps', 'packages'].flatMap((group) =>
    readdirSync(join(root, group)).map((dir) => {
      const manifest = JSON.parse(
        readFileSync(join(root, group, dir, 'package.json'), 'utf8'),
      ) as Manifest;
      return [manifest.name, manifest] as const;
    }),
  ),
);

/** Our packages whose code ends up in the app's bundle: its own, then their dependencies. */
function bundledWorkspacePackages(app: string): Set<string> {
  const own = (deps: Record<string, string> = {}) =>
    Object.keys(deps).filter((name) => name.startsWith('@agentcore-mcp/') && !TOOLS.has(name));
  const manifest = manifests.get(app);
  const found = new Set<string>();
  const queue = [...own(manifest?.dependencies), ...own(manifest?.devDependencies)];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (found.has(name)) continue;
    found.add(name);
    queue.push(...own(manifests.get(name)?.dependencies));
  }
  return found;
}

/** The packages each pending changeset releases (its front matter), by file. */
function pendingReleases(): Map<string, string[]> {
  const dir = join(root, '.changeset');
  const files = readdirSync(dir).filter((file) => file.endsWith('.md') && file !== 'README.md');
  return new Map(
    files.map((file) => {
      const [, frontMatter = ''] =
        /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8')) ?? [];
      const names = [
        ...frontMatter.matchAll(/^['"]?([^'":\s]+)['"]?\s*:\s*(major|minor|patch)\s*$/gm),
      ].map(([, name]) => name!);
      return [file, names];
    }),
  );
}

describe(`${BUNDLED_APP} is released with the libraries it bundles`, () => {
  it('bundles server-kit, core, gateway and client (through gateway)', () => {
    expect([...bundledWorkspacePackages(BUNDLED_APP)].sort()).toEqual([
      '@agentcore-mcp/client',
      '@agentcore-mcp/core',
      '@agentcore-mcp/gateway',
      '@agentcore-mcp/server-kit',
    ]);
  });

  it('has a pending changeset of its own whenever one releases a library inside it', () => {
    const bundled = bundledWorkspacePackages(BUNDLED_APP);
    const releases = [...pendingReleases()];
    const released = new Set(releases.flatMap(([, names]) => names));
    const needing = releases
      .filter(([, names]) => names.some((name) => bundled.has(name)))
      .map(([file]) => file);
    if (needing.length > 0) {
      expect(
        released.has(BUNDLED_APP),
        `${needing.join(', ')} release(s) a library bundled into ${BUNDLED_APP}: add '${BUNDLED_APP}': patch to one of them`,
      ).toBe(true);
    }
  });
});
