import { describe, expect, it } from 'vitest';

import {
  type GatewayConfigDocument,
  parseGatewayConfig,
  parseGatewayConfigDocument,
} from '../../src/index.js';
import { catchConfigError } from './catchConfigError.js';

const DISCOVERY_URL =
  'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC/.well-known/openid-configuration';

const DOCUMENT: GatewayConfigDocument = {
  mcpServers: {
    weather: {
      url: '${WEATHER_URL}',
      headers: { Authorization: 'Bearer ${WEATHER_TOKEN}' },
      tools: { deny: ['admin_*'] },
    },
    legacy: { url: 'https://legacy.example.com/sse', disabled: true },
    files: { command: '${NODE:-node}', args: ['server.js', '${ROOT}'], env: { KEY: '${KEY}' } },
  },
  gateway: {
    port: 9000,
    auth: { customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL, allowedClients: ['abc'] } },
    healthCheck: { intervalMs: 5000 },
  },
};

describe('parseGatewayConfigDocument (without ${VAR} expansion)', () => {
  it('reads a document as written, from an object or JSON text, with no variable set', () => {
    expect(parseGatewayConfigDocument(DOCUMENT)).toEqual(DOCUMENT);
    expect(parseGatewayConfigDocument(JSON.stringify(DOCUMENT, null, 2))).toEqual(DOCUMENT);
  });

  it('returns a fresh object that writes back to the same JSON', () => {
    const read = parseGatewayConfigDocument(DOCUMENT);
    expect(read).not.toBe(DOCUMENT);
    expect(read.mcpServers.weather).not.toBe(DOCUMENT.mcpServers.weather);
    expect(JSON.stringify(read)).toBe(JSON.stringify(DOCUMENT));
  });

  it('applies no defaults and leaves gateway out when the document has none', () => {
    expect(
      parseGatewayConfigDocument({ mcpServers: { a: { url: 'https://a.example/mcp' } } }),
    ).toEqual({
      mcpServers: { a: { url: 'https://a.example/mcp' } },
    });
  });

  it('expands the same document when parsed with the variables set', () => {
    const config = parseGatewayConfig(DOCUMENT, {
      env: {
        WEATHER_URL: 'https://weather.example.com/mcp',
        WEATHER_TOKEN: 't',
        ROOT: '/srv',
        KEY: 'k',
      },
    });
    expect(config.targets.map((target) => target.name)).toEqual(['weather', 'files']);
    expect(config.targets[0]).toMatchObject({
      url: 'https://weather.example.com/mcp',
      headers: { Authorization: 'Bearer t' },
    });
    expect(config.targets[1]).toMatchObject({ command: 'node', args: ['server.js', '/srv'] });
  });

  it.each([
    [
      'an unknown key, with the same message as parseGatewayConfig',
      { mcpServers: { a: { url: '${U}', header: {} } } },
      /^Invalid gateway config: mcpServers\.a\.header: unknown key \(did you mean "headers"\?\)/,
    ],
    [
      'a disabled target of the wrong shape',
      { mcpServers: { a: { url: 'https://a.example/mcp', disabled: 'yes' } } },
      /^Invalid gateway config: mcpServers\.a\.disabled: expected true or false$/,
    ],
    [
      'a bad target name',
      { mcpServers: { a___b: { url: 'https://a.example/mcp' } } },
      /^Invalid gateway config: mcpServers\.a___b: invalid target name/,
    ],
    [
      'an invalid authorizer, re-rooted under gateway.auth',
      {
        mcpServers: { a: { url: 'https://a.example/mcp' } },
        gateway: { auth: { customJWTAuthorizer: { discoveryUrl: 'x' } } },
      },
      /^Invalid gateway config: gateway\.auth\.customJWTAuthorizer\.discoveryUrl: expected an http\(s\) URL/,
    ],
    [
      'no target',
      { mcpServers: {} },
      /^Invalid gateway config: mcpServers: expected at least one target/,
    ],
    [
      'text that is not JSON',
      '{"mcpServers": ',
      /^Invalid gateway config: line 1, column 16: not valid JSON/,
    ],
  ])('rejects %s', (_case, input, message) => {
    expect(catchConfigError(() => parseGatewayConfigDocument(input)).message).toMatch(message);
  });

  it('never expands: an unset variable or a malformed reference is no error here', () => {
    const document = { mcpServers: { a: { url: '${UNSET}', headers: { X: '${bad name}' } } } };
    expect(parseGatewayConfigDocument(document)).toEqual(document);
  });
});
