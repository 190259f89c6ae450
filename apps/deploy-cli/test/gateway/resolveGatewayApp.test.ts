import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { resolveGatewayApp } from '../../src/gateway/resolveGatewayApp.js';
import { testContext } from '../testContext.js';
import { gatewayProject, userGatewayProject } from './gatewayProjectFixture.js';

describe('resolveGatewayApp', () => {
  it('builds apps/gateway-service inside the agentcore-mcp repository', () => {
    const cwd = gatewayProject({ mcpServers: {} });
    expect(resolveGatewayApp(cwd, {})).toMatchObject({
      entrypoint: 'apps/gateway-service',
      dockerfile: 'apps/gateway-service/Dockerfile',
    });
  });

  it('builds the project root of a gateway project (agentcore-mcp init --template gateway)', () => {
    const cwd = userGatewayProject({ mcpServers: {} });
    expect(resolveGatewayApp(cwd, {})).toMatchObject({ entrypoint: '.', dockerfile: 'Dockerfile' });
  });

  it('also accepts gateway-service as a devDependency', () => {
    const cwd = userGatewayProject(
      { mcpServers: {} },
      { packageJson: { devDependencies: { '@agentcore-mcp/gateway-service': '*' } } },
    );
    expect(resolveGatewayApp(cwd, {}).dockerfile).toBe('Dockerfile');
  });

  it('takes --app (a directory with package.json and Dockerfile) and --dockerfile', () => {
    const cwd = userGatewayProject({ mcpServers: {} }, { dockerfile: null, packageJson: null });
    mkdirSync(join(cwd, 'gateway'));
    writeFileSync(join(cwd, 'gateway/package.json'), '{}');
    writeFileSync(join(cwd, 'gateway/Dockerfile'), 'FROM node:24-slim\n');
    writeFileSync(join(cwd, 'gateway.Dockerfile'), 'FROM node:24-slim\n');

    expect(resolveGatewayApp(cwd, { app: 'gateway' })).toMatchObject({
      entrypoint: 'gateway',
      dockerfile: 'gateway/Dockerfile',
    });
    expect(resolveGatewayApp(cwd, { dockerfile: 'gateway.Dockerfile' })).toMatchObject({
      entrypoint: '.',
      dockerfile: 'gateway.Dockerfile',
    });
  });

  it.each([
    [
      'an empty directory',
      () => testContext().cwd,
      {},
      /^No Dockerfile for the gateway image in .*: run agentcore-mcp init --template gateway to create a gateway project, or pass --dockerfile <path> for your gateway image$/,
    ],
    [
      'a missing --dockerfile',
      () => userGatewayProject({ mcpServers: {} }),
      { dockerfile: 'nope/Dockerfile' },
      /^--dockerfile nope\/Dockerfile: no such file in .*; pass the path of the gateway image's Dockerfile$/,
    ],
    [
      'an --app without a Dockerfile',
      () => {
        const cwd = userGatewayProject({ mcpServers: {} });
        mkdirSync(join(cwd, 'gateway'));
        writeFileSync(join(cwd, 'gateway/package.json'), '{}');
        return cwd;
      },
      { app: 'gateway' },
      /^No Dockerfile in gateway: run agentcore-mcp init --template gateway to create a gateway project, or pass --dockerfile <path> for your gateway image$/,
    ],
  ])('refuses %s in one line', (_case, setUp, options, message) => {
    const cwd = setUp();
    expect(() => resolveGatewayApp(cwd, options)).toThrow(message);
  });
});
