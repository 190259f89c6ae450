import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadServiceConfig } from '../src/loadServiceConfig.js';

const USAGE =
  'usage: agentcore-mcp-gateway --config <gateway.json>, or set GATEWAY_CONFIG to a file path or inline JSON (--help lists every option)';

const document = (url: string) => JSON.stringify({ mcpServers: { external: { url } } });
const urlOf = (argv: string[], env: Record<string, string | undefined> = {}) => {
  const [target] = loadServiceConfig(argv, env).targets;
  return target?.kind === 'http' ? target.url : undefined;
};

describe('loadServiceConfig', () => {
  let dir: string;
  let fileA: string;
  let fileB: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gateway-service-config-'));
    fileA = join(dir, 'a.json');
    fileB = join(dir, 'b.json');
    writeFileSync(fileA, document('http://a.example/mcp'));
    writeFileSync(fileB, document('http://b.example/mcp'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['--config <file>', () => ['--config', fileA]],
    ['--config=<file>', () => [`--config=${fileA}`]],
    ['-c <file>', () => ['-c', fileA]],
  ])('reads the file given as %s', (_form, argv) => {
    expect(urlOf(argv())).toBe('http://a.example/mcp');
  });

  it('reads env GATEWAY_CONFIG as a file path', () => {
    expect(urlOf([], { GATEWAY_CONFIG: fileA })).toBe('http://a.example/mcp');
  });

  it('reads env GATEWAY_CONFIG as inline JSON when it starts with "{"', () => {
    expect(urlOf([], { GATEWAY_CONFIG: `  ${document('http://inline.example/mcp')}\n` })).toBe(
      'http://inline.example/mcp',
    );
  });

  it('prefers --config over GATEWAY_CONFIG', () => {
    expect(urlOf(['--config', fileA], { GATEWAY_CONFIG: fileB })).toBe('http://a.example/mcp');
  });

  it('expands ${VAR} from the environment it is given', () => {
    const inline = document('${UPSTREAM_URL}');
    expect(urlOf([], { GATEWAY_CONFIG: inline, UPSTREAM_URL: 'http://env.example/mcp' })).toBe(
      'http://env.example/mcp',
    );
  });

  it.each([
    ['nothing', [], {}, `No gateway config: ${USAGE}`],
    ['an empty GATEWAY_CONFIG', [], { GATEWAY_CONFIG: '  ' }, `No gateway config: ${USAGE}`],
    [
      'an unknown option',
      ['--conifg', 'x.json'],
      {},
      `Invalid arguments: unknown option "--conifg"; ${USAGE}`,
    ],
    [
      'a positional argument',
      ['gateway.json'],
      {},
      `Invalid arguments: unexpected argument "gateway.json"; ${USAGE}`,
    ],
    [
      '--config without a value',
      ['--config'],
      {},
      `Invalid arguments: --config needs a value, the path of a JSON file; ${USAGE}`,
    ],
    [
      'an empty --config',
      ['--config='],
      {},
      `Invalid arguments: --config is empty; pass the path of a JSON file; ${USAGE}`,
    ],
    [
      'a missing file',
      ['--config', '/nonexistent/gateway.json'],
      {},
      'Invalid gateway config: /nonexistent/gateway.json: cannot read the file (ENOENT); expected the path of a readable JSON file',
    ],
    [
      'inline JSON that is not valid',
      [],
      { GATEWAY_CONFIG: '{"mcpServers": }' },
      /^Invalid gateway config: line 1, column 16: not valid JSON \([^)]+\); comments and trailing commas are not allowed$/,
    ],
    [
      'an unset ${VAR}',
      [],
      { GATEWAY_CONFIG: document('${UPSTREAM_URL}') },
      /^Invalid gateway config: mcpServers\.external\.url: environment variable UPSTREAM_URL is not set/,
    ],
  ])(
    'throws ERR_CONFIG_INVALID with one line for %s',
    (_case, argv: string[], env: Record<string, string>, message: string | RegExp) => {
      const error = catchError(() => loadServiceConfig(argv, env));
      expect(error).toBeInstanceOf(AgentCoreMcpError);
      expect(error).toMatchObject({ code: 'ERR_CONFIG_INVALID' });
      expect(error.message).not.toContain('\n');
      if (typeof message === 'string') expect(error.message).toBe(message);
      else expect(error.message).toMatch(message);
    },
  );
});

describe('the example configurations', () => {
  it.each(['gateway.json', 'gateway.auth.json'])('examples/%s is valid', (name) => {
    const file = fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
    const config = loadServiceConfig(['--config', file], { WEATHER_TOKEN: 'example-token' });
    expect(config.targets.length).toBeGreaterThan(0);
  });
});

function catchError(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
