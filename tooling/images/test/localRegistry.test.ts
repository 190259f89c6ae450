import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type LocalRegistry, startLocalRegistry } from '../src/localRegistry.js';
import { readPackageManifest } from '../src/readPackageManifest.js';

const MANIFEST = {
  name: '@agentcore-mcp/demo',
  version: '1.2.3',
  description: 'not served',
  bin: { demo: './dist/cli.js' },
  engines: { node: '>=20' },
  dependencies: { '@agentcore-mcp/core': '^0.1.0' },
  peerDependencies: { express: '^5.2.1' },
  peerDependenciesMeta: { express: { optional: true } },
  devDependencies: { vitest: '^4.1.0' },
  scripts: { build: 'tsc' },
};

const scratch = mkdtempSync(join(tmpdir(), 'agentcore-mcp-images-registry-'));

/** A package tarball as npm lays it out (`package/…`), written by the system's tar. */
function pack(manifest: object, format: 'gnu' | 'ustar' | 'pax' = 'pax'): string {
  const dir = mkdtempSync(join(scratch, 'pack-'));
  mkdirSync(join(dir, 'package', 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package', 'dist', 'cli.js'), 'console.log(1);\n'.repeat(100));
  writeFileSync(join(dir, 'package', 'package.json'), JSON.stringify(manifest));
  const file = join(dir, 'package.tgz');
  execFileSync('tar', [`--format=${format}`, '-czf', file, '-C', dir, 'package']);
  return file;
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('readPackageManifest', () => {
  it.each(['gnu', 'ustar', 'pax'] as const)('reads package/package.json (%s tar)', (format) => {
    expect(readPackageManifest(readFileSync(pack(MANIFEST, format)))).toEqual(MANIFEST);
  });

  it('refuses a tarball without package.json', () => {
    const dir = mkdtempSync(join(scratch, 'empty-'));
    mkdirSync(join(dir, 'package'));
    writeFileSync(join(dir, 'package', 'index.js'), '');
    execFileSync('tar', ['-czf', join(dir, 'x.tgz'), '-C', dir, 'package']);
    expect(() => readPackageManifest(readFileSync(join(dir, 'x.tgz')))).toThrow(/no package\.json/);
  });
});

describe('startLocalRegistry', () => {
  let registry: LocalRegistry;
  let tarball: Buffer;

  beforeAll(async () => {
    const file = pack(MANIFEST);
    tarball = readFileSync(file);
    registry = await startLocalRegistry([
      file,
      pack({ name: '@agentcore-mcp/core', version: '0.1.0' }),
    ]);
    return () => registry.close();
  });

  it('listens on 127.0.0.1 and serves the packages of its tarballs', () => {
    expect(registry.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(registry.names).toEqual(['@agentcore-mcp/core', '@agentcore-mcp/demo']);
  });

  it.each(['@agentcore-mcp%2fdemo', '@agentcore-mcp%2Fdemo', '@agentcore-mcp/demo'])(
    'GET /%s: the packument, with the fields npm installs from',
    async (path) => {
      const response = await fetch(new URL(path, registry.url));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      const { description: _, devDependencies: __, scripts: ___, ...installed } = MANIFEST;
      expect(await response.json()).toEqual({
        name: '@agentcore-mcp/demo',
        'dist-tags': { latest: '1.2.3' },
        versions: {
          '1.2.3': {
            ...installed,
            dist: {
              tarball: `${registry.url}@agentcore-mcp/demo/-/demo-1.2.3.tgz`,
              integrity: expect.stringMatching(/^sha512-[A-Za-z0-9+/]{86}==$/) as unknown,
              shasum: expect.stringMatching(/^[0-9a-f]{40}$/) as unknown,
            },
          },
        },
      });
    },
  );

  it('serves the tarball as it is, matching the packument integrity and shasum', async () => {
    const packument = (await (
      await fetch(new URL('@agentcore-mcp%2fdemo', registry.url))
    ).json()) as {
      versions: Record<string, { dist: { tarball: string; integrity: string; shasum: string } }>;
    };
    const dist = packument.versions['1.2.3']!.dist;
    const response = await fetch(dist.tarball);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(tarball)).toBe(true);
    expect(dist.integrity).toBe(`sha512-${createHash('sha512').update(bytes).digest('base64')}`);
    expect(dist.shasum).toBe(createHash('sha1').update(bytes).digest('hex'));
  });

  it.each([
    ['GET', '@agentcore-mcp%2fmissing'],
    ['GET', 'express'],
    ['GET', ''],
    ['GET', '-/v1/search?text=agentcore'],
    ['GET', '@agentcore-mcp/demo/-/demo-9.9.9.tgz'],
    ['GET', '%E0%A4%A'],
    ['PUT', '@agentcore-mcp%2fdemo'],
    ['POST', '-/npm/v1/security/advisories/bulk'],
  ])('%s /%s: 404', async (method, path) => {
    const response = await fetch(new URL(path, registry.url), { method });
    expect(response.status).toBe(404);
  });
});
