import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

interface Manifest {
  name: string;
  private?: boolean;
  type?: string;
  engines?: { node?: string };
  exports?: Record<string, unknown>;
  bin?: Record<string, string>;
  license?: string;
  homepage?: string;
  repository?: unknown;
  publishConfig?: unknown;
  files?: string[];
  sideEffects?: boolean;
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const workspaces = (group: string) =>
  readdirSync(join(root, group), { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(root, group, entry.name, 'package.json')),
    )
    .map((entry) => {
      const dir = join(root, group, entry.name);
      return {
        dir,
        manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest,
      };
    });

/** The apps users install from npm: the CLI and the gateway service. */
const PUBLISHED_APPS = ['@agentcore-mcp/cli', '@agentcore-mcp/gateway-service'];
const libraries = workspaces('packages').filter(({ manifest }) => manifest.private !== true);
const apps = workspaces('apps');
const all = ['packages', 'apps', 'tests', 'tooling'].flatMap(workspaces);
const ours = (deps: Record<string, string> = {}) =>
  Object.keys(deps).filter((name) => name.startsWith('@agentcore-mcp/'));

describe('package topology', () => {
  it('finds the workspaces the layout promises', () => {
    expect(libraries.map(({ manifest }) => manifest.name).sort()).toEqual([
      '@agentcore-mcp/client',
      '@agentcore-mcp/core',
      '@agentcore-mcp/gateway',
      '@agentcore-mcp/server-kit',
    ]);
    expect(apps.map(({ manifest }) => manifest.name).sort()).toEqual([
      '@agentcore-mcp/cli',
      '@agentcore-mcp/example-server',
      '@agentcore-mcp/external-server',
      '@agentcore-mcp/gateway-service',
    ]);
  });

  it.each(all.map(({ manifest }) => [manifest.name, manifest] as const))(
    '%s is scoped ESM for Node >= 20',
    (_name, manifest) => {
      expect(manifest.name).toMatch(/^@agentcore-mcp\/[a-z0-9-]+$/);
      if (manifest.name.startsWith('@agentcore-mcp/tsconfig')) return;
      expect(manifest.type).toBe('module');
      if (!manifest.name.includes('-config')) expect(manifest.engines?.node).toBe('>=20');
    },
  );

  it.each(libraries.map(({ manifest }) => [manifest.name, manifest] as const))(
    '%s exposes only public entries (one index per subpath) and ships only dist',
    (_name, manifest) => {
      const entries = Object.keys(manifest.exports ?? {});
      expect(entries.slice(0, 1)).toEqual(['.']);
      expect(entries.at(-1)).toBe('./package.json');
      for (const entry of entries.slice(0, -1)) {
        const dir = entry === '.' ? 'dist' : `dist/${entry.slice(2)}`;
        expect(manifest.exports?.[entry], entry).toEqual({
          types: `./${dir}/index.d.ts`,
          default: `./${dir}/index.js`,
        });
      }
      expect(manifest.files).toEqual(['dist', 'src', 'examples', 'CHANGELOG.md']);
      expect(manifest.sideEffects).toBe(false);
      expect(Object.keys(manifest.scripts ?? {})).toEqual(
        expect.arrayContaining(['build', 'typecheck', 'lint', 'test', 'clean']),
      );
    },
  );

  it.each(apps.map(({ dir, manifest }) => [manifest.name, dir, manifest] as const))(
    '%s is private, or a published bin exposing only its manifest; it has a Dockerfile and the standard scripts',
    (name, dir, manifest) => {
      if (PUBLISHED_APPS.includes(name)) {
        expect(manifest.private).toBeUndefined();
        expect(Object.keys(manifest.bin ?? {})).toHaveLength(1);
        expect(manifest.exports).toEqual({ './package.json': './package.json' });
      } else {
        expect(manifest.private).toBe(true);
        expect(manifest.exports).toBeUndefined();
      }
      expect(existsSync(join(dir, 'Dockerfile'))).toBe(true);
      expect(existsSync(join(dir, 'README.md'))).toBe(true);
      expect(Object.keys(manifest.scripts ?? {})).toEqual(
        expect.arrayContaining(['build', 'typecheck', 'lint', 'test', 'start']),
      );
    },
  );

  it.each(['example-server', 'external-server', 'gateway-service'])(
    'apps/%s builds a plain image by default and an ADOT-instrumented one with --target observability',
    (app) => {
      const dockerfile = readFileSync(join(root, 'apps', app, 'Dockerfile'), 'utf8');
      const stages = [...dockerfile.matchAll(/^FROM .*$/gm)].map(([line]) => line);
      expect(stages.at(-1)).toBe('FROM runner');
      expect(stages).toContain('FROM runner AS observability');
      expect(dockerfile).toMatch(/aws-distro-opentelemetry-node-autoinstrumentation@\d+\.\d+\.\d+/);
    },
  );

  it.each(apps.map(({ dir, manifest }) => [manifest.name, dir] as const))(
    '%s: every Dockerfile stage starts from Node 24 slim on public ECR or an earlier stage; no external frontend',
    (_name, dir) => {
      const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
      expect(dockerfile).not.toMatch(/^#\s*syntax\s*=/im);
      // `FROM <image> [AS <stage>]` and nothing else on the line (no flags, no trailing comment).
      const froms = [...dockerfile.matchAll(/^FROM\s.*$/gim)].map(([line]) => line);
      const stages: string[] = [];
      const images = froms.map((line) => {
        const [, image, stage] = /^FROM (\S+)(?: AS ([a-z]+))?$/.exec(line) ?? [];
        expect(image, line).toBeDefined();
        if (stage !== undefined) stages.push(stage);
        return image;
      });
      const external = images.filter((image) => !stages.includes(image!));
      expect(external.length).toBeGreaterThan(0);
      expect(new Set(external)).toEqual(new Set(['public.ecr.aws/docker/library/node:24-slim']));
    },
  );

  it.each(
    [...libraries, ...apps.filter(({ manifest }) => PUBLISHED_APPS.includes(manifest.name))].map(
      ({ dir, manifest }) => [manifest.name, dir, manifest] as const,
    ),
  )(
    '%s is ready to publish: license, changelog, repository, public access',
    (_name, dir, manifest) => {
      expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(
        readFileSync(join(root, 'LICENSE'), 'utf8'),
      );
      expect(existsSync(join(dir, 'CHANGELOG.md'))).toBe(true);
      expect(manifest.license).toBe('Apache-2.0');
      expect(manifest.publishConfig).toEqual({ access: 'public' });
      expect(manifest.repository).toEqual({
        type: 'git',
        url: 'git+https://github.com/agentcore-mcp/agentcore-mcp.git',
        directory: relative(root, dir),
      });
      expect(manifest.homepage).toBe(
        `https://github.com/agentcore-mcp/agentcore-mcp/tree/main/${relative(root, dir)}#readme`,
      );
    },
  );

  it('keeps core a leaf: it depends on no other package of ours', () => {
    const core = libraries.find(
      ({ manifest }) => manifest.name === '@agentcore-mcp/core',
    )!.manifest;
    expect([...ours(core.dependencies), ...ours(core.peerDependencies)]).toEqual([]);
    expect(
      ours(core.devDependencies).filter(
        (name) => !['@agentcore-mcp/tsconfig', '@agentcore-mcp/vitest-config'].includes(name),
      ),
    ).toEqual([]);
  });

  it.each(all.map(({ manifest }) => [manifest.name, manifest] as const))(
    '%s depends on our packages only as workspace:*',
    (_name, manifest) => {
      for (const deps of [manifest.dependencies, manifest.devDependencies]) {
        for (const name of ours(deps)) expect(deps?.[name], name).toBe('workspace:*');
      }
    },
  );
});

describe('dist smoke test: each public entry imports and exposes its main API', () => {
  it.each([
    [
      '@agentcore-mcp/core',
      [
        'AgentCoreMcpError',
        'parseRuntimeArn',
        'buildInvocationUrl',
        'parseHeaderAllowlist',
        'assertRuntimeName',
      ],
    ],
    [
      '@agentcore-mcp/server-kit',
      ['createAgentCoreServer', 'defineTool', 'runAgentCoreServer', 'ToolError'],
    ],
    [
      '@agentcore-mcp/client',
      [
        'resolveMcpEndpoint',
        'connectAgentCore',
        'modernRequest',
        'createCognitoTokenProvider',
        'createClientCredentialsTokenProvider',
      ],
    ],
    ['@agentcore-mcp/gateway', ['formatGatewayToolName', 'parseGatewayToolName']],
  ])('%s', async (name, exported) => {
    const module = (await import(name)) as Record<string, unknown>;
    for (const symbol of exported)
      expect(typeof module[symbol], `${name}.${symbol}`).toBe('function');
  });
});
