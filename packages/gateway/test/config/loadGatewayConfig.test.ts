import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadGatewayConfig } from '../../src/index.js';
import { catchConfigError } from './catchConfigError.js';

const EXAMPLE = fileURLToPath(new URL('../../examples/gateway.json', import.meta.url));

describe('loadGatewayConfig', () => {
  let directory: string;
  const write = (name: string, content: string): string => {
    const path = join(directory, name);
    writeFileSync(path, content);
    return path;
  };

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'gateway-config-'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads and resolves a good file, with a byte-order mark', () => {
    const path = write(
      'good.json',
      '\uFEFF{"mcpServers": {"weather": {"url": "https://${HOST}/mcp"}}, "gateway": {"port": 9000}}',
    );
    const config = loadGatewayConfig(path, { env: { HOST: 'w.example.com' } });
    expect(config.targets).toMatchObject([{ kind: 'http', url: 'https://w.example.com/mcp' }]);
    expect(config.gateway.port).toBe(9000);
  });

  it('rejects a missing file, with the errno code and the cause', () => {
    const path = join(directory, 'missing.json');
    const error = catchConfigError(() => loadGatewayConfig(path, { env: {} }));
    expect(error.message).toBe(
      `Invalid gateway config: ${path}: cannot read the file (ENOENT); expected the path of a readable JSON file`,
    );
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('rejects a directory', () => {
    const error = catchConfigError(() => loadGatewayConfig(directory, { env: {} }));
    expect(error.message).toBe(
      `Invalid gateway config: ${directory}: cannot read the file (EISDIR); expected the path of a readable JSON file`,
    );
  });

  it.each([
    [
      'a trailing comma',
      '{\n  "mcpServers": {\n    "a": {"url": "https://x/mcp"},\n  }\n}\n',
      ':4:3: not valid JSON (expected double-quoted property name); comments and trailing commas are not allowed',
    ],
    [
      'an unquoted value',
      '{\n  "mcpServers": {\n    "a": {"url": https://x/mcp}\n  }\n}\n',
      ":3:18: not valid JSON (unexpected token 'h'); comments and trailing commas are not allowed",
    ],
    [
      'a truncated file',
      '{\n  "mcpServers": {\n',
      ":3:1: not valid JSON (expected property name or '}'); comments and trailing commas are not allowed",
    ],
    ['an empty file', '\n', ': empty; expected a JSON object with "mcpServers"'],
  ])('rejects invalid JSON: %s, with file:line:column', (label, content, problem) => {
    const path = write(`${label.replaceAll(' ', '-')}.json`, content);
    const error = catchConfigError(() => loadGatewayConfig(path, { env: {} }));
    expect(error.message).toBe(`Invalid gateway config: ${path}${problem}`);
  });

  it('reports validation errors by key path', () => {
    const path = write(
      'typo.json',
      '{"mcpServers": {"a": {"url": "https://x/mcp", "timeout": 5}}}',
    );
    const error = catchConfigError(() => loadGatewayConfig(path, { env: {} }));
    expect(error.message).toMatch(
      /^Invalid gateway config: mcpServers\.a\.timeout: unknown key \(did you mean "timeoutMs"\?\); allowed keys: /,
    );
  });
});

describe('examples/gateway.json', () => {
  it('loads, with every documented feature resolved', () => {
    const config = loadGatewayConfig(EXAMPLE, {
      env: { WEATHER_TOKEN: 'token-1', HOME: '/home/me' },
    });
    expect(config.targets).toEqual([
      {
        kind: 'http',
        name: 'weather',
        prefix: 'weather',
        url: 'https://weather.example.com/mcp',
        transport: 'streamable-http',
        headers: { Authorization: 'Bearer token-1' },
        forwardClientToken: false,
        tools: { allow: ['get_*'], deny: ['get_internal_*'] },
        timeoutMs: 10_000,
        protocol: 'auto',
      },
      {
        kind: 'http',
        name: 'docs',
        prefix: 'kb',
        url: 'http://127.0.0.1:3001/sse',
        transport: 'sse',
        headers: {},
        forwardClientToken: false,
        tools: { allow: ['*'], deny: [] },
        timeoutMs: 30_000,
        protocol: 'legacy',
      },
      {
        kind: 'http',
        name: 'github',
        prefix: 'github',
        url: 'https://github-mcp.example.com/mcp',
        transport: 'streamable-http',
        headers: {},
        forwardClientToken: true,
        tools: { allow: ['*'], deny: [] },
        timeoutMs: 30_000,
        protocol: '2026-07-28',
      },
      {
        kind: 'stdio',
        name: 'files',
        prefix: 'files',
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-filesystem', '/home/me/data'],
        env: { LOG_LEVEL: 'info', BANNER: 'costs ${PRICE}' },
        cwd: '/home/me',
        tools: { allow: ['*'], deny: [] },
        timeoutMs: 30_000,
        protocol: 'legacy',
      },
    ]);
    expect(config.gateway.auth?.jwt.allowedClients).toEqual(['example-client-id']);
  });

  it('names the missing secret when WEATHER_TOKEN is not set', () => {
    const error = catchConfigError(() => loadGatewayConfig(EXAMPLE, { env: { HOME: '/home/me' } }));
    expect(error.message).toBe(
      'Invalid gateway config: mcpServers.weather.headers.Authorization: environment variable WEATHER_TOKEN is not set; set it, or write ${WEATHER_TOKEN:-default} for a fallback',
    );
  });
});
