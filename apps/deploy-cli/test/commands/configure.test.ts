import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { PROJECT_CONFIG_FILE } from '../../src/project/projectConfig.js';
import { cleanEnv, errorLine, runCli } from '../runCli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A standalone project (not this monorepo): package.json, Dockerfile and src/ at its root. */
function standaloneProject(files: Record<string, string | null> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'agentcore-mcp-standalone-'));
  dirs.push(root);
  const all: Record<string, string | null> = {
    'package.json': '{"name":"@acme/weather-server","type":"module"}\n',
    Dockerfile:
      'FROM public.ecr.aws/docker/library/node:24-slim AS runner\nCMD ["node", "dist/main.js"]\n',
    'src/server.ts': 'export {};\n',
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    if (content === null) continue;
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const configure = (cwd: string, ...args: string[]) =>
  runCli(['configure', '--region', 'us-east-1', '--non-interactive', ...args], {
    cwd,
    env: cleanEnv(cwd),
  });

describe('agentcore-mcp configure in a standalone project', () => {
  it.each(['.', 'src/server.ts'])(
    'takes -e %s: the app is the project root, the Dockerfile ./Dockerfile',
    async (entrypoint) => {
      const cwd = standaloneProject();

      const run = await configure(cwd, '-e', entrypoint);

      expect(run).toMatchObject({ code: 0, stderr: '' });
      const yaml = readFileSync(join(cwd, PROJECT_CONFIG_FILE), 'utf8');
      expect(yaml).toContain('name: weather_server');
      expect(yaml).toContain('entrypoint: .');
      expect(yaml).toContain('dockerfile: Dockerfile');
      expect(run.stdout).toContain(
        entrypoint === '.'
          ? '  app: ., Dockerfile: Dockerfile'
          : '  app: . (the package.json directory of src/server.ts), Dockerfile: Dockerfile',
      );
    },
  );

  it('builds the observability stage when the Dockerfile has one', async () => {
    const cwd = standaloneProject({
      Dockerfile: 'FROM node:24-slim AS runner\nFROM runner AS observability\nFROM runner\n',
    });

    const run = await configure(cwd, '-e', '.', '--observability');

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(cwd, PROJECT_CONFIG_FILE), 'utf8')).toContain('observability: true');
  });

  it.each([
    [
      'a path that is neither a directory nor a file',
      {},
      ['-e', 'src/nope.ts'],
      /^error: --entrypoint src\/nope\.ts: no such file or directory in .*; pass your app's directory \(where its package\.json is\), e\.g\. --entrypoint \., or a file in it, e\.g\. --entrypoint src\/server\.ts$/,
    ],
    [
      'a project without package.json',
      { 'package.json': null },
      ['-e', 'src/server.ts'],
      /^error: No package\.json in the directories of src\/server\.ts, up to the project root .*: --entrypoint takes your app's directory \(where its package\.json is\) or a file in it; run agentcore-mcp from your project's root, or agentcore-mcp init to create a project$/,
    ],
    [
      'a missing Dockerfile',
      { Dockerfile: null },
      ['-e', '.'],
      /^error: No Dockerfile in \. \(the project root\): add one \(an arm64 image serving MCP on 0\.0\.0\.0:8000\/mcp; agentcore-mcp init generates one\), or pass --dockerfile <path>$/,
    ],
    [
      'a Dockerfile without the stage --observability needs',
      {},
      ['-e', 'src/server.ts', '--observability'],
      /^error: Dockerfile has no stage named observability, which observability builds \(docker build --target observability\): add a stage "FROM <your runtime stage> AS observability" that installs ADOT for Node \(the Dockerfile agentcore-mcp init generates has one\), or drop --observability$/,
    ],
  ])('refuses %s: one line, exit 1, nothing written', async (_case, files, args, message) => {
    const cwd = standaloneProject(files);

    const run = await configure(cwd, ...args);

    expect(errorLine(run)).toMatch(message);
    expect(existsSync(join(cwd, PROJECT_CONFIG_FILE))).toBe(false);
  });
});
