// A bad configuration file stops the gateway before it starts, with one line that says where and
// what (the parser's many rules have their own unit tests in test/config/).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadGatewayConfig } from '../src/index.js';
import { catchConfigError } from './config/catchConfigError.js';

const TARGETS = { a: { url: 'http://127.0.0.1:1/mcp' } };

describe('loadGatewayConfig on a bad file', () => {
  let directory: string;
  let files = 0;
  const load = (content: string | undefined, env: Record<string, string> = {}) => {
    files += 1;
    const path = join(directory, `gateway-${files}.json`);
    if (content !== undefined) writeFileSync(path, content);
    return { path, error: catchConfigError(() => loadGatewayConfig(path, { env })) };
  };

  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'gateway-proxy-config-'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it.each([
    [
      'a missing file',
      undefined,
      ': cannot read the file (ENOENT); expected the path of a readable JSON file',
    ],
    [
      'invalid JSON',
      '{"mcpServers": {"a": {"url": "http://127.0.0.1:1/mcp"},}}',
      ':1:56: not valid JSON (expected double-quoted property name); comments and trailing commas are not allowed',
    ],
  ])('names the file for %s', (_label, content, problem) => {
    const { path, error } = load(content);
    expect(error.message).toBe(`Invalid gateway config: ${path}${problem}`);
  });

  it.each([
    [
      'a misspelt target key',
      { mcpServers: { a: { url: 'http://127.0.0.1:1/mcp', forwardClientTokens: true } } },
      /^Invalid gateway config: mcpServers\.a\.forwardClientTokens: unknown key \(did you mean "forwardClientToken"\?\); allowed keys: url, /,
    ],
    [
      'an unknown gateway key',
      { mcpServers: TARGETS, gateway: { toolNamePrefx: 'never' } },
      /^Invalid gateway config: gateway\.toolNamePrefx: unknown key \(did you mean "toolNamePrefix"\?\)/,
    ],
    [
      'a stdio key on an http target',
      { mcpServers: { a: { url: 'http://127.0.0.1:1/mcp', args: ['x'] } } },
      /^Invalid gateway config: mcpServers\.a\.args: applies to stdio targets/,
    ],
    [
      'an unknown prefix mode',
      { mcpServers: TARGETS, gateway: { toolNamePrefix: 'sometimes' } },
      /^Invalid gateway config: gateway\.toolNamePrefix: expected "always", "on-collision" or "never"$/,
    ],
  ])('names the key path for %s', (_label, config, message) => {
    const { error } = load(JSON.stringify(config));
    expect(error.message).toMatch(message);
  });

  it('keeps every message on one line and never shows an expanded secret', () => {
    const { error } = load(JSON.stringify({ mcpServers: { a: { url: '${SECRET_URL}' } } }), {
      SECRET_URL: 'not a url\nwith-s3cret',
    });
    expect(error.code).toBe('ERR_CONFIG_INVALID');
    expect(error.message).toMatch(/^Invalid gateway config: mcpServers\.a\.url: /);
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message).not.toContain('s3cret');
  });
});
