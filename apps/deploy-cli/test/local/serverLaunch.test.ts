import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { resolveServerLaunch } from '../../src/local/serverLaunch.js';
import { createTempProject, write } from '../tempProject.js';

const GATEWAY_PROJECT = {
  packageJson: { name: 'edge', dependencies: { '@agentcore-mcp/gateway-service': '^0.1.0' } },
  files: { 'gateway.json': '{}', 'src/main.ts': '' },
  packages: [],
};

describe('resolveServerLaunch', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  const project = (options: Parameters<typeof createTempProject>[0]) => {
    const created = createTempProject(options);
    cleanups.push(created.remove);
    return created.dir;
  };

  it("runs src/main.ts through the project's own tsx, watching src/ and the manifests", () => {
    const dir = project({ files: { 'src/main.ts': '' } });
    const launch = resolveServerLaunch(dir, {});
    expect(launch).toMatchObject({
      kind: 'server',
      command: process.execPath,
      cwd: dir,
      description: 'src/main.ts (with tsx)',
      watchDirectories: [join(dir, 'src')],
      watchFiles: ['package.json', 'tsconfig.json'],
    });
    expect(launch.args).toEqual([
      '--import',
      expect.stringMatching(/^file:\/\/.*\/tsx\/dist\/loader\.mjs$/) as unknown,
      join(dir, 'src/main.ts'),
    ]);
  });

  it('runs a JavaScript --entry with plain Node.js and watches it in place', () => {
    const dir = project({ files: { 'server.mjs': '' }, packages: [] });
    expect(resolveServerLaunch(dir, { entry: 'server.mjs' })).toMatchObject({
      args: [join(dir, 'server.mjs')],
      description: 'server.mjs',
      watchDirectories: [],
      watchFiles: ['package.json', 'tsconfig.json', 'server.mjs'],
    });
  });

  it("runs a gateway project's agentcore-mcp-gateway bin with gateway.json", () => {
    const service = mkdtempSync(join(tmpdir(), 'agentcore-mcp-fake-service-'));
    cleanups.push(() => rmSync(service, { recursive: true, force: true }));
    write(
      service,
      'package.json',
      '{"name":"@agentcore-mcp/gateway-service","bin":{"agentcore-mcp-gateway":"./bin/gw.js"}}',
    );
    const dir = project({
      ...GATEWAY_PROJECT,
      links: { '@agentcore-mcp/gateway-service': service },
    });
    expect(resolveServerLaunch(dir, {})).toMatchObject({
      kind: 'gateway',
      args: [join(service, 'bin/gw.js'), '--config', 'gateway.json'],
      description: 'agentcore-mcp-gateway --config gateway.json',
      watchDirectories: [],
      watchFiles: ['gateway.json', 'package.json'],
    });
  });

  // "Not installed" is tested through the CLI (test/commands/dev.test.ts): vitest's NODE_PATH
  // reaches the workspace's hoisted packages, so every package resolves in-process.
  it.each([
    [
      'the --entry does not exist',
      { packages: [] },
      { entry: 'nope.js' },
      /^No such entry file .*nope\.js: pass --entry with the file that starts the server$/,
    ],
  ])('refuses when %s', (_what, options, launchOptions, message) => {
    expect(() => resolveServerLaunch(project(options), launchOptions)).toThrow(message);
  });
});
