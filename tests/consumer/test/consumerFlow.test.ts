// A new user's path, outside the workspace, with the packed tarballs and plain npm: `agentcore-mcp
// init` (server and gateway templates), npm install, build, test, start the server and call a tool,
// configure, `launch --dry-run --json`, then the packed gateway-service in front of the server; the
// server and the gateway are called in both MCP eras (2026-07-28 and 2025).
// Under this Node (20) and under Node 24 from the npm `node@24` package. The commands and the ends
// of their output go to .cache/transcript-<node>.txt.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { type ServerProcess, startServerProcess } from '@agentcore-mcp/server-kit/process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { listAndCall } from './support/mcpCall.js';
import { run, type RunOptions } from './support/run.js';

const CACHE = fileURLToPath(new URL('../.cache/', import.meta.url));
const tarballs = Object.values(inject('tarballs'));
const install = ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs];

/** No AWS identity anywhere: configure and the dry run must not need one. */
const NO_AWS = {
  AWS_PROFILE: undefined,
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
};

describe.each([
  ['node20', undefined],
  ['node24', inject('node24Bin')],
])('a project of its own under %s', (label, binDir) => {
  const root = join(inject('scratch'), `flow-${label}`);
  const transcript = join(CACHE, `transcript-${label}.txt`);
  const env = {
    ...NO_AWS,
    ...(binDir === undefined ? {} : { PATH: `${binDir}:${process.env.PATH ?? ''}` }),
  };
  const node = binDir === undefined ? process.execPath : join(binDir, 'node');
  const inDir = (cwd: string, extra: Partial<RunOptions> = {}): RunOptions => ({
    cwd,
    env,
    transcript,
    ...extra,
  });
  const started: ServerProcess[] = [];
  const serverApp = join(root, 'my-server');
  const gatewayApp = join(root, 'my-gateway');
  let serverUrl = '';

  beforeAll(async () => {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(transcript, `# consumer flow under ${label}\n`);
    mkdirSync(join(root, 'tools'), { recursive: true });
    await run('npm', ['init', '-y'], inDir(join(root, 'tools')));
    await run('npm', install, inDir(join(root, 'tools')));
    await run('node', ['--version'], inDir(root));
  });

  afterAll(async () => {
    await Promise.all(started.map((server) => server.stop()));
    rmSync(root, { recursive: true, force: true });
  });

  it('init writes a server project that installs, builds and passes its own test', async () => {
    const cli = join(root, 'tools', 'node_modules', '.bin', 'agentcore-mcp');
    await run(cli, ['init', 'my-server', '--template', 'server', '--yes'], inDir(root));
    const manifest = JSON.parse(readFileSync(join(serverApp, 'package.json'), 'utf8')) as {
      type: string;
      dependencies: Record<string, string>;
    };
    expect(manifest.type).toBe('module');
    expect(manifest.dependencies['@agentcore-mcp/server-kit']).toMatch(/^\^\d+\.\d+\.\d+$/);

    await run('npm', install, inDir(serverApp));
    await run('npm', ['run', 'build'], inDir(serverApp));
    await run('npm', ['test'], inDir(serverApp));
  });

  it('starts the server and answers a tools/call from the MCP SDK client, in MCP 2026-07-28 and 2025', async () => {
    const server = await startServerProcess(node, ['dist/src/main.js'], {
      cwd: serverApp,
      env,
    });
    started.push(server);
    serverUrl = server.url;
    const call = { name: 'add_numbers', arguments: { a: 2, b: 3 } };
    const modern = await listAndCall(server.url, 'modern', call);
    expect(modern).toEqual({
      protocolVersion: '2026-07-28',
      tools: expect.arrayContaining(['add_numbers']) as unknown,
      text: '5',
    });
    const legacy = await listAndCall(server.url, 'legacy', call);
    expect(legacy.protocolVersion).toMatch(/^2025-/);
    expect(legacy).toMatchObject({
      tools: expect.arrayContaining(['add_numbers']) as unknown,
      text: '5',
    });
  });

  it('configures the runtime and prints a launch plan as JSON, with no AWS identity', async () => {
    const cli = join(serverApp, 'node_modules', '.bin', 'agentcore-mcp');
    await run(
      cli,
      [
        'configure',
        '-e',
        '.',
        '--region',
        'us-east-1',
        '--skip-discovery-check',
        '--non-interactive',
      ],
      inDir(serverApp),
    );
    const { stdout } = await run(cli, ['launch', '--dry-run', '--json'], inDir(serverApp));
    const plan = JSON.parse(stdout) as {
      requests: { service: string; operation: string; input: Record<string, unknown> }[];
    };
    const create = plan.requests.find(({ operation }) => operation === 'CreateAgentRuntime');
    expect(create?.input).toMatchObject({ agentRuntimeName: 'my_server' });
    expect(stdout).toContain('<account>');
  });

  it('init writes a gateway project, and the packed gateway-service proxies the server', async () => {
    const cli = join(root, 'tools', 'node_modules', '.bin', 'agentcore-mcp');
    await run(cli, ['init', 'my-gateway', '--template', 'gateway', '--yes'], inDir(root));
    await run('npm', install, inDir(gatewayApp));
    await run('npm', ['test'], inDir(gatewayApp));

    writeFileSync(
      join(gatewayApp, 'consumer-test.json'),
      JSON.stringify({ mcpServers: { myserver: { url: serverUrl } } }),
    );
    const gateway = await startServerProcess(
      join(gatewayApp, 'node_modules', '.bin', 'agentcore-mcp-gateway'),
      ['--config', 'consumer-test.json'],
      { cwd: gatewayApp, env },
    );
    started.push(gateway);
    const call = { name: 'myserver___add_numbers', arguments: { a: 20, b: 22 } };
    for (const era of ['modern', 'legacy'] as const) {
      const { protocolVersion, tools, text } = await listAndCall(gateway.url, era, call);
      expect(protocolVersion).toMatch(era === 'modern' ? /^2026-07-28$/ : /^2025-/);
      expect(tools).toContain('myserver___add_numbers');
      expect(text).toBe('42');
    }
  });
});
