import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import {
  PROJECT_CONFIG_FILE,
  type ProjectConfig,
  type RuntimeProject,
} from '../../src/project/projectConfig.js';
import {
  readProjectConfig,
  requireRuntime,
  withRuntime,
  writeProjectConfig,
} from '../../src/project/projectConfigFile.js';

const RUNTIME: RuntimeProject = {
  name: 'example_server',
  entrypoint: 'apps/example-server',
  dockerfile: 'apps/example-server/Dockerfile',
  protocol: 'MCP',
  region: 'us-east-1',
};

const VALID_YAML = `version: 1
default: example_server
runtimes:
  example_server:
    name: example_server
    entrypoint: apps/example-server
    dockerfile: apps/example-server/Dockerfile
    protocol: MCP
    region: us-east-1
`;

describe('the project file (.agentcore-mcp.yaml)', () => {
  const dirs: string[] = [];
  let dir: string;
  const write = (text: string) => writeFileSync(join(dir, PROJECT_CONFIG_FILE), text);
  const readError = (): Error & { code?: string } => {
    try {
      readProjectConfig(dir);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
      return error as Error & { code?: string };
    }
    throw new Error('expected readProjectConfig to fail');
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-project-'));
    dirs.push(dir);
  });
  afterAll(() => {
    for (const path of dirs) rmSync(path, { recursive: true, force: true });
  });

  it('reads as undefined when there is no file', () => {
    expect(readProjectConfig(dir)).toBeUndefined();
  });

  it('reads a valid file', () => {
    write(VALID_YAML);

    expect(readProjectConfig(dir)).toEqual({
      version: 1,
      default: 'example_server',
      runtimes: { example_server: RUNTIME },
    });
  });

  it.each([
    ['invalid YAML', 'version: 1\ndefault: [unclosed\n', /: not valid YAML \(/],
    ['an unknown key', `${VALID_YAML}    colour: blue\n`, /runtimes\.example_server: .*colour/],
    ['an unknown top-level key', `${VALID_YAML}extra: 1\n`, /extra/],
    ['a wrong version', VALID_YAML.replace('version: 1', 'version: 2'), /version: expected 1/],
    [
      'a default that is not a runtime',
      VALID_YAML.replace('default: example_server', 'default: other'),
      /default: "other" is not one of runtimes \(example_server\)/,
    ],
    [
      'a runtime whose name differs from its key',
      VALID_YAML.replace('    name: example_server', '    name: other'),
      /runtimes\.example_server\.name: "other" must equal its key "example_server"/,
    ],
    [
      'an invalid runtime name',
      VALID_YAML.replaceAll('example_server', 'example-server'),
      /runtimes\.example-server\.name: expected a runtime name/,
    ],
    [
      'a protocol other than MCP',
      VALID_YAML.replace('protocol: MCP', 'protocol: HTTP'),
      /runtimes\.example_server\.protocol: expected MCP/,
    ],
    [
      'a lifecycle out of range',
      `${VALID_YAML}    lifecycle:\n      idleRuntimeSessionTimeout: 30\n`,
      /runtimes\.example_server\.lifecycle\.idleRuntimeSessionTimeout:/,
    ],
    [
      'a bad authorizer',
      `${VALID_YAML}    authorizer:\n      customJWTAuthorizer:\n        discoveryUrl: not-a-url\n`,
      /runtimes\.example_server: Invalid authorizer config: .*discoveryUrl/,
    ],
    [
      'an authorizer without its customJWTAuthorizer wrapper',
      `${VALID_YAML}    authorizer:\n      discoveryUrl: https://issuer.example/.well-known/openid-configuration\n`,
      /runtimes\.example_server\.authorizer(\.customJWTAuthorizer)?: expected \{customJWTAuthorizer: /,
    ],
    [
      'a bad header allowlist',
      `${VALID_YAML}    requestHeaderAllowlist: [Cookie]\n`,
      /runtimes\.example_server: .*"Cookie" is restricted/,
    ],
  ])('refuses %s with ERR_CONFIG_INVALID naming the file', (_case, text, message) => {
    write(text);

    const error = readError();

    expect(error.code).toBe('ERR_CONFIG_INVALID');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(join(dir, PROJECT_CONFIG_FILE));
    expect(error.message).toMatch(/; fix it or run agentcore-mcp configure again$/);
  });

  it('round-trips what writeProjectConfig writes, behind a comment header', () => {
    const project: ProjectConfig = withRuntime(undefined, RUNTIME, false);

    const path = writeProjectConfig(dir, project);

    expect(path).toBe(join(dir, PROJECT_CONFIG_FILE));
    expect(readFileSync(path, 'utf8')).toMatch(/^# agentcore-mcp project configuration/);
    expect(readProjectConfig(dir)).toEqual(project);
  });

  it('withRuntime makes the first runtime the default, and later ones only when asked', () => {
    const first = withRuntime(undefined, RUNTIME, false);
    const second = withRuntime(first, { ...RUNTIME, name: 'second' }, false);
    const third = withRuntime(second, { ...RUNTIME, name: 'third' }, true);

    expect(first.default).toBe('example_server');
    expect(second.default).toBe('example_server');
    expect(third.default).toBe('third');
    expect(Object.keys(third.runtimes)).toEqual(['example_server', 'second', 'third']);
  });

  it('requireRuntime points at configure when there is no file or no such runtime', () => {
    expect(() => requireRuntime(dir)).toThrow(
      /^No \.agentcore-mcp\.yaml in .*: run agentcore-mcp configure -e <app directory> first$/,
    );
    write(VALID_YAML);
    expect(requireRuntime(dir).runtime).toEqual(RUNTIME);
    expect(() => requireRuntime(dir, 'other')).toThrow(
      /^No runtime "other" in \.agentcore-mcp\.yaml \(configured: example_server\)/,
    );
  });
});
