import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { resolveAppDirectory } from '../../src/configure/resolveAppDirectory.js';
import { CliError } from '../../src/errors.js';

/** A project root holding `files` (path → content). */
function project(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'agentcore-mcp-app-')));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

function refusal(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe('ERR_INVALID_INPUT');
    expect((error as Error).message).not.toContain('\n');
    return error as CliError;
  }
  throw new Error('expected a refusal');
}

const STANDALONE = {
  'package.json': '{"name":"weather-server"}',
  Dockerfile: 'FROM node:24-slim\n',
  'src/server.ts': 'export {};\n',
  'src/tools/forecast.ts': 'export {};\n',
};

describe('resolveAppDirectory', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
    );
  });

  it.each([
    ['.', undefined],
    ['src/server.ts', 'src/server.ts'],
    ['./src/tools/forecast.ts', 'src/tools/forecast.ts'],
    ['Dockerfile', 'Dockerfile'],
  ])('finds the standalone app at the project root from -e %s', (entrypoint, file) => {
    const root = project(STANDALONE);

    expect(resolveAppDirectory(root, { entrypoint })).toEqual({
      entrypoint: '.',
      dockerfile: 'Dockerfile',
      directory: root,
      file,
    });
  });

  it('in a monorepo, walks up from a file to its package, not to the workspace root', () => {
    const root = project({
      'package.json': '{"name":"workspace","private":true}',
      'apps/weather/package.json': '{"name":"@acme/weather"}',
      'apps/weather/Dockerfile': 'FROM node:24-slim\n',
      'apps/weather/src/main.ts': 'export {};\n',
    });

    expect(resolveAppDirectory(root, { entrypoint: 'apps/weather/src/main.ts' })).toMatchObject({
      entrypoint: 'apps/weather',
      dockerfile: 'apps/weather/Dockerfile',
      file: 'apps/weather/src/main.ts',
    });
    expect(
      resolveAppDirectory(root, {
        entrypoint: 'apps/weather',
        dockerfile: 'apps/weather/Dockerfile',
      }),
    ).toMatchObject({ entrypoint: 'apps/weather', dockerfile: 'apps/weather/Dockerfile' });
  });

  it('refuses a path that is neither a directory nor a file', async () => {
    const root = project(STANDALONE);
    const server = createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(join(root, 'app.sock'), resolve));

    expect(refusal(() => resolveAppDirectory(root, { entrypoint: 'app.sock' })).message).toBe(
      "--entrypoint app.sock is neither a directory nor a file: pass your app's directory (where its package.json is), or a file in it",
    );
  });

  it('refuses a project without package.json, from a directory or a file', () => {
    const root = project({ Dockerfile: 'FROM node:24-slim\n', 'src/server.ts': '' });

    expect(refusal(() => resolveAppDirectory(root, { entrypoint: '.' })).message).toBe(
      "No package.json in . (the project root): --entrypoint takes your app's directory (where its package.json is) or a file in it; run agentcore-mcp from your project's root, or agentcore-mcp init to create a project",
    );
    expect(refusal(() => resolveAppDirectory(root, { entrypoint: 'src/server.ts' })).message).toBe(
      `No package.json in the directories of src/server.ts, up to the project root ${root}: --entrypoint takes your app's directory (where its package.json is) or a file in it; run agentcore-mcp from your project's root, or agentcore-mcp init to create a project`,
    );
  });

  it('refuses a directory without package.json rather than taking a package above it', () => {
    const root = project(STANDALONE);

    expect(refusal(() => resolveAppDirectory(root, { entrypoint: 'src' })).message).toMatch(
      /^No package\.json in src: --entrypoint takes your app's directory/,
    );
  });

  it('refuses a missing Dockerfile, naming agentcore-mcp init and --dockerfile', () => {
    const root = project({ 'package.json': '{}', 'src/server.ts': '' });

    expect(refusal(() => resolveAppDirectory(root, { entrypoint: 'src/server.ts' })).message).toBe(
      'No Dockerfile in . (the project root): add one (an arm64 image serving MCP on 0.0.0.0:8000/mcp; agentcore-mcp init generates one), or pass --dockerfile <path>',
    );
  });

  it('refuses paths outside the project root', () => {
    const root = project(STANDALONE);

    expect(
      refusal(() => resolveAppDirectory(join(root, 'src'), { entrypoint: '..' })).message,
    ).toBe(
      `--entrypoint .. is outside the project root ${join(root, 'src')}: run agentcore-mcp from your project's root directory (the image build context), with paths inside it`,
    );
  });
});
