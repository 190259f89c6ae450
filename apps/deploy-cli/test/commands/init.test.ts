import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { CATALOG_RANGES } from '../../src/init/templateVersions.js';
import { cleanEnv, errorLine, runCli } from '../runCli.js';

const require = createRequire(import.meta.url);
const SERVER_KIT_VERSION = (
  require('@agentcore-mcp/server-kit/package.json') as { version: string }
).version;
const CLI_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

const SERVER_FILES = [
  '.dockerignore',
  '.gitignore',
  'Dockerfile',
  'package.json',
  'README.md',
  'src/main.ts',
  'src/server.ts',
  'test/server.test.ts',
  'tsconfig.json',
];

describe('agentcore-mcp init (a real process)', () => {
  const directories: string[] = [];
  afterEach(() => {
    for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tmp = () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-init-'));
    directories.push(dir);
    return dir;
  };
  const init = (cwd: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
    runCli(['init', ...args], { cwd, env: cleanEnv(cwd, extraEnv) });

  it('writes the server template into a new directory, with the versions it ships with', async () => {
    const cwd = tmp();
    const run = await init(cwd, ['my-server', '--yes']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = join(cwd, 'my-server');
    expect(listFiles(dir)).toEqual(SERVER_FILES);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))).toEqual({
      name: 'my-server',
      version: '0.1.0',
      private: true,
      description: expect.stringContaining('MCP server') as unknown,
      type: 'module',
      engines: { node: '>=20' },
      scripts: {
        build: 'tsc',
        start: 'node dist/src/main.js',
        dev: 'agentcore-mcp dev',
        test: 'npm run build && node --test dist/test/*.test.js',
      },
      dependencies: {
        '@agentcore-mcp/server-kit': `^${SERVER_KIT_VERSION}`,
        '@modelcontextprotocol/server': CATALOG_RANGES['@modelcontextprotocol/server'],
        express: CATALOG_RANGES.express,
        zod: CATALOG_RANGES.zod,
      },
      devDependencies: {
        '@agentcore-mcp/cli': `^${CLI_VERSION}`,
        '@modelcontextprotocol/client': CATALOG_RANGES['@modelcontextprotocol/client'],
        '@types/node': CATALOG_RANGES['@types/node'],
        tsx: CATALOG_RANGES.tsx,
        typescript: CATALOG_RANGES.typescript,
      },
    });
    const read = (path: string) => readFileSync(join(dir, path), 'utf8');
    expect(read('src/server.ts')).toContain("name: 'my-server',");
    expect(read('README.md')).toMatch(/^# my-server\n/);
    expect(read('.gitignore').split('\n')).toEqual(
      expect.arrayContaining(['node_modules/', 'dist/', '.agentcore-mcp/']),
    );
    for (const path of SERVER_FILES) expect(read(path)).not.toMatch(/\{\{\w+\}\}/);
    expect(run.stdout).toMatch(/^Created my-server: the server template, package my-server\n/);
    expect(run.stdout).toContain('\n  cd my-server\n  npm install ');
  });

  it('adds only missing files to a directory that has files, listing the ones it skipped', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'README.md'), '# My repo\n');
    writeFileSync(join(dir, '.gitignore'), 'secrets/\n');
    const run = await init(dir, ['--name', 'weather-server', '--yes']);
    expect(run.code).toBe(0);
    expect(listFiles(dir)).toEqual(SERVER_FILES);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('# My repo\n');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('secrets/\n');
    expect(run.stdout).toContain(
      'Skipped, as they exist already (--force overwrites them):\n  .gitignore\n  README.md\n',
    );
    expect(run.stdout).toContain('Your .gitignore was kept');
    expect(run.stdout).not.toContain('cd ');

    const forced = await init(dir, ['--name', 'weather-server', '--yes', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/^# weather-server\n/);
    expect(forced.stdout).toContain('  README.md  (overwritten)\n');
    expect(forced.stdout).not.toContain('Skipped');
  });

  it.each<[string, (dir: string) => void, string[], RegExp]>([
    [
      'an existing package.json without --force',
      (dir) => writeFileSync(join(dir, 'package.json'), '{"name":"mine"}'),
      [],
      /^error: \. already has a package\.json: init only adds the files that do not exist yet, so this project would miss the template's dependencies and scripts; init into a new or empty directory \(agentcore-mcp init <dir>\), or pass --force to overwrite package\.json$/,
    ],
    [
      'an unknown template',
      () => undefined,
      ['new-dir', '--template', 'rust'],
      /^error: Unknown template "rust": pass --template server \(an MCP server\) or --template gateway \(an MCP gateway\)$/,
    ],
    [
      'a name npm would refuse',
      () => undefined,
      ['new-dir', '--name', 'My Server'],
      /^error: Invalid package name "My Server": it has uppercase letters, so npm would refuse it; pass --name my-server /,
    ],
    [
      'a target path that is a file',
      (dir) => writeFileSync(join(dir, 'taken'), 'x'),
      ['taken'],
      /^error: taken cannot be the project directory: .*taken is a file; pass a new or empty directory/,
    ],
    [
      'a file where the template has a directory',
      (dir) => writeFileSync(join(dir, 'src'), 'x'),
      [],
      /^error: Cannot add src\/main\.ts: .*src is a file where the template has a directory/,
    ],
  ])('refuses %s in one error line, writing nothing', async (_what, prepare, args, message) => {
    const dir = tmp();
    prepare(dir);
    const before = listFiles(dir);
    const run = await init(dir, [...args, '--yes']);
    expect(errorLine(run)).toMatch(message);
    expect(listFiles(dir)).toEqual(before);
  });

  it('--install runs npm install in the new project and shows its output', async () => {
    const cwd = tmp();
    const bin = fakeNpm(cwd, 'echo "added 42 packages"; pwd > npm-ran.txt');
    const run = await init(cwd, ['app', '--yes', '--install'], {
      PATH: `${bin}:${process.env.PATH}`,
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('  [npm] added 42 packages\n');
    expect(readFileSync(join(cwd, 'app', 'npm-ran.txt'), 'utf8').trim()).toMatch(/\/app$/);
    expect(run.stdout).not.toContain('  npm install ');
  });

  it('--install reports a failing npm install in one error line, keeping the files', async () => {
    const cwd = tmp();
    const bin = fakeNpm(cwd, 'echo "npm error code E404" >&2; exit 3');
    const run = await init(cwd, ['app', '--yes', '--install'], {
      PATH: `${bin}:${process.env.PATH}`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /^error: npm install failed in .*app \(exit code 3\): npm error code E404; the files are written: fix that, then run npm install there$/,
    );
    expect(listFiles(join(cwd, 'app'))).toEqual(SERVER_FILES);
  });
});

/** Every file under `dir`, relative, sorted (`.git` left out). */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`],
    )
    .sort((a, b) => a.localeCompare(b));
}

/** A directory holding an `npm` script that runs `body`, to put first on PATH. */
function fakeNpm(dir: string, body: string): string {
  const bin = join(dir, 'fake-bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  return bin;
}
