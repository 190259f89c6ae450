import pino from 'pino';
import { describe, expect, it } from 'vitest';

import { createGateway, parseGatewayConfig } from '../../src/index.js';
import {
  AUTH_HINT,
  describeOpenBind,
  type GatewayExposure,
  isLoopbackHost,
} from '../../src/server/openBindWarning.js';

const HTTP = { name: 'weather', kind: 'http' } as const;
const STDIO = { name: 'files', kind: 'stdio' } as const;
const FIX = `${AUTH_HINT}, or unset HOST and gateway.host to listen on 127.0.0.1 only`;

const exposure = (overrides: Partial<GatewayExposure>): GatewayExposure => ({
  host: '0.0.0.0',
  port: 8000,
  auth: false,
  targets: [HTTP, STDIO],
  ...overrides,
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['LocalHost', true],
    ['app.localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['[::]', false],
    ['10.0.0.5', false],
    ['192.168.1.10', false],
    ['::ffff:10.0.0.1', false],
    ['fe80::1', false],
    ['gateway.internal', false],
    ['128.0.0.1', false],
  ])('%s → %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe('describeOpenBind: the warning for a bind without inbound auth', () => {
  it.each<[string, Partial<GatewayExposure>]>([
    ['auth is configured, on every interface', { auth: true }],
    ['auth is configured, on an external address', { auth: true, host: '10.0.0.5' }],
    ['the bind is loopback (IPv4)', { host: '127.0.0.1' }],
    ['the bind is loopback (IPv6)', { host: '::1' }],
    ['the bind is localhost', { host: 'localhost' }],
  ])('says nothing more than the plain hint when %s', (_case, overrides) => {
    expect(describeOpenBind(exposure(overrides))).toBeUndefined();
  });

  it.each<[string, Partial<GatewayExposure>, string]>([
    [
      'every interface, an http and a stdio target',
      {},
      `0.0.0.0:8000 is reachable from the network, so anyone there can call every tool of 2 targets (weather, files; 1 runs a local command over stdio): ${FIX}`,
    ],
    [
      'an external address and one http target',
      { host: '10.0.0.5', port: 9000, targets: [HTTP] },
      `10.0.0.5:9000 is reachable from the network, so anyone there can call every tool of 1 target (weather): ${FIX}`,
    ],
    [
      'IPv6 any-address and a free port',
      { host: '::', port: 0, targets: [STDIO, { name: 'git', kind: 'stdio' }] },
      `[::] (a free port) is reachable from the network, so anyone there can call every tool of 2 targets (files, git; 2 run a local command over stdio): ${FIX}`,
    ],
    [
      'no enabled targets',
      { targets: [] },
      `0.0.0.0:8000 is reachable from the network, so anyone there can call the gateway_status tool (no targets are enabled): ${FIX}`,
    ],
    [
      'seven targets (five are named)',
      { targets: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((name) => ({ name, kind: 'http' })) },
      `0.0.0.0:8000 is reachable from the network, so anyone there can call every tool of 7 targets (a, b, c, d, e, and 2 more): ${FIX}`,
    ],
  ])('names the address, the targets and the fix: %s', (_case, overrides, text) => {
    expect(describeOpenBind(exposure(overrides))).toBe(text);
  });

  it('tells how to add auth: gateway.auth.customJWTAuthorizer, or the CLI that writes one', () => {
    expect(AUTH_HINT).toContain('gateway.auth.customJWTAuthorizer');
    expect(AUTH_HINT).toContain(
      '`agentcore-mcp setup-cognito`, then `agentcore-mcp gateway setup`',
    );
  });
});

describe('createGateway without auth, host or HOST', () => {
  it('listens on 127.0.0.1 and logs one "authentication is off" warning', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'debug', base: undefined },
      { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    // A target on a closed loopback port: discovery fails fast, start-up goes on.
    const config = parseGatewayConfig(
      {
        mcpServers: { down: { url: 'http://127.0.0.1:9/mcp' } },
        gateway: { port: 0, discovery: { startupWaitMs: 2_000 } },
      },
      { env: {} },
    );
    // Checked before binding, so that a broken rule fails here instead of binding 0.0.0.0.
    expect(config.gateway.host).toBe('127.0.0.1');
    const gateway = createGateway(config, { logger });
    try {
      const address = await gateway.listen();
      expect(address.host).toBe('127.0.0.1');
      expect(address.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const warnings = lines.filter(
        (line) => line.level === 40 && String(line.msg).startsWith('authentication is off'),
      );
      expect(warnings).toEqual([
        expect.objectContaining({
          msg: `authentication is off: anyone who can reach this port can call every tool; ${AUTH_HINT}`,
        }),
      ]);
    } finally {
      await gateway.close();
    }
  });
});
