import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { createCommandContext } from '../../src/commandContext.js';
import { run as deployGateway } from '../../src/commands/gatewayDeploy.js';
import { PROJECT_CONFIG_FILE } from '../../src/project/projectConfig.js';
import { AUTH, userGatewayProject } from '../gateway/gatewayProjectFixture.js';
import { cleanEnv, errorLine, runCli } from '../runCli.js';
import { testContext } from '../testContext.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A standalone project (package.json, Dockerfile, src/server.ts), with no project file yet. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'agentcore-mcp-names-'));
  dirs.push(root);
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'package.json'), '{"name":"weather-server"}\n');
  writeFileSync(join(root, 'Dockerfile'), 'FROM public.ecr.aws/docker/library/node:24-slim\n');
  writeFileSync(join(root, 'src/server.ts'), 'export {};\n');
  return root;
}

const cli = (cwd: string, ...args: string[]) => runCli(args, { cwd, env: cleanEnv(cwd) });
const configure = (cwd: string, name: string) =>
  cli(cwd, 'configure', '-e', '.', '--name', name, '--region', 'us-east-1', '--non-interactive');

/** What configure (and launch) print for a name whose ECR repository AWS refuses. */
const undeployable = (name: string, fix: string) =>
  `error: Runtime name "${name}" cannot be deployed: its ECR repository "agentcore-mcp/${name.toLowerCase()}" must match (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)* (ecr#RepositoryName); rename it to "${fix}"`;
const sameLetters = (earlier: string, later: string) =>
  `error: Runtime names "${earlier}" and "${later}" differ only by case, so they would share the ECR repository "agentcore-mcp/${later.toLowerCase()}"; rename one of them`;

const A48 = `a${'b'.repeat(47)}`;
const TRAILING_48 = `${'a'.repeat(47)}_`;

describe('configure refuses runtime names that cannot be deployed (exit 1, one line, nothing written)', () => {
  it.each([
    ['a trailing _ (ECR RepositoryName)', 'server_', 'server'],
    ['a double __ (ECR RepositoryName, RuntimeContainerUri)', 'my__server', 'my_server'],
    ['48 valid characters ending in _', TRAILING_48, 'a'.repeat(47)],
  ])('%s: %s', async (_case, name, fix) => {
    const cwd = project();

    const run = await configure(cwd, name);

    expect(errorLine(run)).toBe(undeployable(name, fix));
    expect(existsSync(join(cwd, PROJECT_CONFIG_FILE))).toBe(false);
  });

  it('a name that differs only by case from a configured runtime', async () => {
    const cwd = project();
    expect(await configure(cwd, 'weather')).toMatchObject({ code: 0, stderr: '' });
    const before = readFileSync(join(cwd, PROJECT_CONFIG_FILE), 'utf8');

    const run = await configure(cwd, 'Weather');

    expect(errorLine(run)).toBe(sameLetters('weather', 'Weather'));
    expect(readFileSync(join(cwd, PROJECT_CONFIG_FILE), 'utf8')).toBe(before);
  });
});

describe('configure accepts the edge names', () => {
  it.each(['a', 'a_b', A48])('%s', async (name) => {
    const cwd = project();

    const run = await configure(cwd, name);

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(join(cwd, PROJECT_CONFIG_FILE), 'utf8')).toContain(`name: ${name}\n`);
  });
});

describe('launch checks a hand-edited .agentcore-mcp.yaml as configure does, before any request', () => {
  /** Configures `weather`, then renames it in the file to `name` (key, name and default). */
  async function handEdited(name: string): Promise<string> {
    const cwd = project();
    expect(await configure(cwd, 'weather')).toMatchObject({ code: 0 });
    const file = join(cwd, PROJECT_CONFIG_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('weather', name));
    return cwd;
  }

  it.each([
    ['server_', 'server'],
    ['my__server', 'my_server'],
  ])('%s: the same line as configure, and nothing planned', async (name, fix) => {
    const cwd = await handEdited(name);
    const refused = await configure(project(), name);

    const run = await cli(cwd, 'launch', '--dry-run');

    expect(errorLine(run)).toBe(undeployable(name, fix));
    expect(errorLine(run)).toBe(errorLine(refused));
  });

  it('two runtimes that differ only by case', async () => {
    const cwd = await handEdited('weather');
    const file = join(cwd, PROJECT_CONFIG_FILE);
    const yaml = readFileSync(file, 'utf8');
    const entry = yaml.slice(yaml.indexOf('  weather:'));
    writeFileSync(file, `${yaml}${entry.replaceAll('weather', 'Weather')}`);

    const run = await cli(cwd, 'launch', '--name', 'Weather', '--dry-run', '--json');

    expect(errorLine(run)).toBe(sameLetters('weather', 'Weather'));
  });
});

describe('gateway deploy checks --name as configure does, before writing or planning anything', () => {
  const CONFIG = {
    mcpServers: { ext: { url: 'https://ext.example.com/mcp' } },
    gateway: { auth: AUTH },
  };

  it.each([
    ['my__gateway', 'Runtime name "my__gateway" cannot be deployed: its ECR repository'],
    ['my-gateway', 'Invalid runtime name "my-gateway": it contains "-"'],
  ])('--name %s', async (name, message) => {
    const cwd = userGatewayProject(CONFIG);
    const { output, stdout } = testContext();

    const error = await deployGateway(
      { config: 'gateway.json', region: 'us-east-1', dryRun: true, json: true, name },
      createCommandContext({ output, cwd, env: {}, interactive: false }),
    ).catch((caught: unknown) => caught as Error);

    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('\n');
    expect(stdout).toEqual([]);
    expect(existsSync(join(cwd, PROJECT_CONFIG_FILE))).toBe(false);
  });
});
