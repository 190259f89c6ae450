import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { runInit } from '../../src/init/runInit.js';
import { CATALOG_RANGES, readShippedVersion } from '../../src/init/templateVersions.js';
import { testContext } from '../testContext.js';

/** Our versions as the CLI reads them, with gateway-service (not a CLI dependency yet) pinned. */
const readVersion = (name: Parameters<typeof readShippedVersion>[0]) =>
  name === '@agentcore-mcp/gateway-service' ? '7.8.9' : readShippedVersion(name);

describe('runInit', () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const context = (options: Parameters<typeof testContext>[0] = {}) => {
    const created = testContext(options);
    directories.push(created.cwd);
    return created;
  };

  it('writes the gateway template: gateway.json, the test, and the gateway service as dependency', async () => {
    const ctx = context();
    await runInit({ dir: 'edge', template: 'gateway', yes: true }, ctx, readVersion);
    const dir = join(ctx.cwd, 'edge');
    expect(readdirSync(dir, { recursive: true }).map(String).sort()).toEqual([
      '.dockerignore',
      '.gitignore',
      'Dockerfile',
      'README.md',
      'gateway.json',
      'package.json',
      'test',
      'test/gateway.test.mjs',
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(manifest.scripts).toEqual({
      start: 'agentcore-mcp-gateway --config gateway.json',
      dev: 'agentcore-mcp dev',
      test: 'node --test test/*.test.mjs',
    });
    expect(manifest.dependencies).toEqual({ '@agentcore-mcp/gateway-service': '^7.8.9' });
    expect(manifest.devDependencies).toEqual({
      '@agentcore-mcp/cli': `^${readShippedVersion('@agentcore-mcp/cli')}`,
      '@agentcore-mcp/server-kit': `^${readShippedVersion('@agentcore-mcp/server-kit')}`,
      '@modelcontextprotocol/client': CATALOG_RANGES['@modelcontextprotocol/client'],
      '@modelcontextprotocol/server': CATALOG_RANGES['@modelcontextprotocol/server'],
      express: CATALOG_RANGES.express,
      zod: CATALOG_RANGES.zod,
    });
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('OTEL_SERVICE_NAME=edge\n');
    expect(ctx.stdout[0]).toBe('Created edge: the gateway template, package edge');
  });

  it('asks for the name and template on a terminal, and confirms before adding to a directory with files', async () => {
    const input = vi.fn(() => Promise.resolve('@acme/weather'));
    const select = vi.fn(() => Promise.resolve('gateway'));
    const confirm = vi.fn(() => Promise.resolve(true));
    const ctx = context({
      interactive: true,
      prompts: { input, select: select as never, confirm },
    });
    writeFileSync(join(ctx.cwd, 'NOTES.md'), 'mine\n');
    await runInit({}, ctx, readVersion);
    expect(input).toHaveBeenCalledWith(expect.objectContaining({ message: 'Package name:' }));
    expect(select).toHaveBeenCalledWith(expect.objectContaining({ message: 'Template:' }));
    expect(confirm).toHaveBeenCalledWith(
      expect.objectContaining({ message: '. has files already. Add 7 files?' }),
    );
    const manifest = JSON.parse(readFileSync(join(ctx.cwd, 'package.json'), 'utf8')) as {
      name: string;
    };
    expect(manifest.name).toBe('@acme/weather');
    expect(readFileSync(join(ctx.cwd, 'Dockerfile'), 'utf8')).toContain(
      'OTEL_SERVICE_NAME=weather\n',
    );
  });

  it('rejects a typed name npm would refuse, and writes nothing when the user declines', async () => {
    let validate: ((value: string) => true | string) | undefined;
    const ctx = context({
      interactive: true,
      prompts: {
        input: (question) => {
          validate = question.validate;
          return Promise.resolve('my-server');
        },
        confirm: () => Promise.resolve(false),
      },
    });
    writeFileSync(join(ctx.cwd, 'NOTES.md'), 'mine\n');
    const result = await runInit({ template: 'server' }, ctx, readVersion);
    expect(validate?.('Bad Name')).toBe('npm would refuse it: it has uppercase letters');
    expect(validate?.('good-name')).toBe(true);
    expect(result.plan).toBeUndefined();
    expect(ctx.stdout).toEqual(['Nothing was written.']);
    expect(readdirSync(ctx.cwd)).toEqual(['NOTES.md']);
  });

  it('--yes asks nothing and takes the defaults: the directory name and the server template', async () => {
    const ctx = context({ interactive: true });
    await runInit({ dir: 'Weather Server', yes: true }, ctx, readVersion);
    const dir = join(ctx.cwd, 'Weather Server');
    expect(existsSync(join(dir, 'src', 'server.ts'))).toBe(true);
    expect(
      (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string }).name,
    ).toBe('weather-server');
    expect(ctx.stdout).toContain('  cd "Weather Server"');
  });
});
