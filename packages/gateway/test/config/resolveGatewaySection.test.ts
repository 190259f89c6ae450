import { describe, expect, it } from 'vitest';

import { GATEWAY_CONFIG_DEFAULTS, parseGatewayConfig } from '../../src/index.js';

const DISCOVERY_URL =
  'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC/.well-known/openid-configuration';
const AUTH = { customJWTAuthorizer: { discoveryUrl: DISCOVERY_URL, allowedClients: ['c1'] } };

const hostOf = (gateway?: Record<string, unknown>) =>
  parseGatewayConfig(
    { mcpServers: { files: { command: 'node' } }, ...(gateway ? { gateway } : {}) },
    { env: {} },
  ).gateway.host;

describe('the default listen address (gateway.host)', () => {
  it.each<[string, Record<string, unknown> | undefined, string]>([
    ['no gateway section', undefined, '127.0.0.1'],
    ['a gateway section without host or auth', { port: 9000 }, '127.0.0.1'],
    ['auth and no host', { auth: AUTH }, '0.0.0.0'],
    ['an explicit host and no auth', { host: '0.0.0.0' }, '0.0.0.0'],
    ['an explicit host and auth', { host: '10.0.0.5', auth: AUTH }, '10.0.0.5'],
    ['an explicit loopback host and auth', { host: '127.0.0.1', auth: AUTH }, '127.0.0.1'],
  ])('with %s is %s', (_case, gateway, host) => {
    expect(hostOf(gateway)).toBe(host);
  });

  it('comes from GATEWAY_CONFIG_DEFAULTS: loopback without auth, every interface with it', () => {
    expect(GATEWAY_CONFIG_DEFAULTS.gateway.host).toBe('127.0.0.1');
    expect(GATEWAY_CONFIG_DEFAULTS.gateway.authenticatedHost).toBe('0.0.0.0');
  });
});
