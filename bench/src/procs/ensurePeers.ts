import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The third-party proxies the gateway is compared with (shared/research/tooling.md §5), and the
 * framework example-server is compared with, pinned.
 */
export const PEER_PACKAGES = {
  'mcp-proxy': '6.7.19',
  supergateway: '4.0.0',
  fastmcp: '4.20.16',
} as const;

/** Where the peers' entry files are, or why they are not available. */
export type PeersResult =
  | {
      readonly ok: true;
      readonly mcpProxy: string;
      readonly supergateway: string;
      /** The install folder (`fastmcp` and its `zod` are loaded from there). */
      readonly dir: string;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Installs the peers with plain npm into `<dir>/node_modules` (not through pnpm: the
 * workspace is engine-strict and mcp-proxy pulls a dependency that declares Node ≥22, although it
 * runs on Node 20). An install already there at the pinned versions is reused.
 *
 * @param dir - The cache directory (ignored by git), e.g. `bench/.peers`.
 * @param log - Where progress lines go.
 * @returns The entry files, or the reason they are missing (e.g. offline).
 */
export function ensurePeers(dir: string, log: (line: string) => void): PeersResult {
  const modules = join(dir, 'node_modules');
  const entries = {
    mcpProxy: join(modules, 'mcp-proxy/dist/bin/mcp-proxy.mjs'),
    supergateway: join(modules, 'supergateway/dist/index.js'),
    fastmcp: join(modules, 'fastmcp/package.json'),
  };
  const installedVersion = (name: string) => {
    try {
      const manifest = readFileSync(join(modules, name, 'package.json'), 'utf8');
      return (JSON.parse(manifest) as { version?: string }).version;
    } catch {
      return undefined;
    }
  };
  const missing = Object.entries(PEER_PACKAGES).filter(
    ([name, version]) => installedVersion(name) !== version,
  );
  if (missing.length > 0) {
    mkdirSync(dir, { recursive: true });
    const specs = Object.entries(PEER_PACKAGES).map(([name, version]) => `${name}@${version}`);
    log(`installing peer proxies with npm into ${dir}: ${specs.join(' ')}`);
    const install = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        dir,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--engine-strict=false',
        '--loglevel=error',
        ...specs,
      ],
      { cwd: dir, encoding: 'utf8', timeout: 180_000 },
    );
    if (install.status !== 0) {
      const output = `${install.stderr}${install.stdout}`.trim().split('\n').slice(-3).join(' ');
      return {
        ok: false,
        reason: `npm install failed (${install.error?.message ?? `exit ${install.status}`}): ${output}`,
      };
    }
  }
  const absent = Object.values(entries).find((entry) => !existsSync(entry));
  if (absent !== undefined) return { ok: false, reason: `${absent} is missing after npm install` };
  return { ok: true, mcpProxy: entries.mcpProxy, supergateway: entries.supergateway, dir };
}
