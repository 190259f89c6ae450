import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { parseGatewayConfig } from '@agentcore-mcp/gateway';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { buildProjectManifest } from '../../src/init/projectManifest.js';
import { readTemplateFiles, TEMPLATE_NAMES } from '../../src/init/templateFiles.js';
import { CATALOG_RANGES } from '../../src/init/templateVersions.js';

const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const VALUES = { name: '@acme/weather', imageName: 'weather' };

describe('the init templates', () => {
  it("pin the third-party ranges of this repository's pnpm catalog", () => {
    const workspace = parse(
      readFileSync(new URL('../../../../pnpm-workspace.yaml', import.meta.url), 'utf8'),
    ) as { catalog: Record<string, string> };
    for (const [name, range] of Object.entries(CATALOG_RANGES)) {
      expect({ name, range }).toEqual({ name, range: workspace.catalog[name] });
    }
  });

  it.each(TEMPLATE_NAMES)(
    '%s: every package its code imports is in its package.json',
    (template) => {
      const manifest = buildProjectManifest(template, 'weather', () => '1.0.0');
      const declared = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies });
      const imported = readTemplateFiles(template, VALUES)
        .filter((file) => /\.(ts|mjs)$/.test(file.path))
        .flatMap((file) => [...file.content.matchAll(/^import [^;]*? from '([^'.][^']*)';$/gm)])
        .map(([, specifier = '']) => specifier)
        .filter((specifier) => !specifier.startsWith('node:'))
        .map((specifier) =>
          specifier
            .split('/')
            .slice(0, specifier.startsWith('@') ? 2 : 1)
            .join('/'),
        );
      expect(imported.length).toBeGreaterThan(0);
      expect(declared).toEqual(expect.arrayContaining(imported));
      // The MCP SDK v2 packages: server-kit's peer, and the client the tests use in both eras.
      expect(imported).toContain('@modelcontextprotocol/client');
      expect(declared).not.toContain('@modelcontextprotocol/sdk');
    },
  );

  it('server: its TypeScript compiles against the packages the CLI ships with', async () => {
    // The template's own tsconfig.json; packages resolve from the CLI's node_modules.
    await expect(
      run(process.execPath, [TSC, '-p', `${TEMPLATES}server/tsconfig.json`, '--noEmit']),
    ).resolves.toBeDefined();
  });

  it('gateway: its test (JavaScript, // @ts-check) type-checks against server-kit and the SDK', async () => {
    await expect(
      run(process.execPath, [
        TSC,
        '--noEmit',
        '--allowJs',
        '--checkJs',
        '--strict',
        '--skipLibCheck',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        `${TEMPLATES}gateway/test/gateway.test.mjs`,
      ]),
    ).resolves.toBeDefined();
  });

  it("gateway: gateway.json is a valid gateway config, its target's URL from EXAMPLE_SERVER_URL", () => {
    const [file] = readTemplateFiles('gateway', VALUES).filter((f) => f.path === 'gateway.json');
    const config = parseGatewayConfig(file?.content, {
      env: { EXAMPLE_SERVER_URL: 'http://127.0.0.1:4321/mcp' },
    });
    expect(config.targets).toMatchObject([
      { name: 'example', kind: 'http', url: 'http://127.0.0.1:4321/mcp' },
    ]);
    const fallback = parseGatewayConfig(file?.content, { env: {} });
    expect(fallback.targets).toMatchObject([{ url: 'http://127.0.0.1:8001/mcp' }]);
  });

  it.each(TEMPLATE_NAMES)(
    '%s: the Dockerfile builds a non-root arm64-ready image with an observability stage',
    (template) => {
      const files = readTemplateFiles(template, VALUES);
      const dockerfile = files.find((file) => file.path === 'Dockerfile')?.content ?? '';
      const froms = dockerfile.split('\n').filter((line) => line.startsWith('FROM '));
      expect(froms).toEqual([
        'FROM public.ecr.aws/docker/library/node:24-slim AS build',
        'FROM public.ecr.aws/docker/library/node:24-slim AS runner',
        'FROM runner AS observability',
        'FROM runner',
      ]);
      expect(dockerfile).toMatch(/^ENV NODE_ENV=production HOST=0\.0\.0\.0 PORT=8000\b/m);
      // The server compiles with its devDependencies, then drops them; the gateway needs none.
      expect(dockerfile).toMatch(
        template === 'server'
          ? /^RUN npm ci --no-audit --no-fund\n[^]*^RUN npm run build && npm prune --omit=dev /m
          : /^RUN npm ci --omit=dev --no-audit --no-fund$/m,
      );
      expect(dockerfile).toMatch(/^USER node$/m);
      expect(dockerfile).toMatch(
        / {6}@aws\/aws-distro-opentelemetry-node-autoinstrumentation@\d+\.\d+\.\d+ \\$/m,
      );
      expect(dockerfile).toContain('OTEL_SERVICE_NAME=weather\n');
      expect(files.map((file) => file.path)).toEqual(
        expect.arrayContaining(['.gitignore', '.dockerignore', 'README.md']),
      );
      expect(files.some((file) => /\{\{\w+\}\}/.test(file.content))).toBe(false);
    },
  );
});
