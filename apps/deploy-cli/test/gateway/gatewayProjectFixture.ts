import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { testContext } from '../testContext.js';

/** The authorizer of the fixture gateway configs. */
export const AUTH = {
  customJWTAuthorizer: {
    discoveryUrl:
      'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_P/.well-known/openid-configuration',
    allowedClients: ['abc'],
  },
};

/** A Dockerfile with the stages `launch` may build (the default, and `observability`). */
export const GATEWAY_DOCKERFILE =
  'FROM node:24-slim AS runner\nCMD ["node_modules/.bin/agentcore-mcp-gateway"]\nFROM runner AS observability\nFROM runner\n';

/**
 * A temporary copy of the agentcore-mcp repository's layout: apps/gateway-service (its
 * package.json and Dockerfile) and `config` as gateway.json.
 */
export function gatewayProject(config: unknown): string {
  const { cwd } = testContext();
  mkdirSync(join(cwd, 'apps/gateway-service'), { recursive: true });
  writeFileSync(
    join(cwd, 'apps/gateway-service/package.json'),
    JSON.stringify({ name: '@agentcore-mcp/gateway-service' }),
  );
  writeFileSync(join(cwd, 'apps/gateway-service/Dockerfile'), GATEWAY_DOCKERFILE);
  writeFileSync(join(cwd, 'gateway.json'), JSON.stringify(config, null, 2));
  return cwd;
}

/**
 * A user's gateway project, as `agentcore-mcp init --template gateway` creates it: a root
 * Dockerfile, gateway.json, and a package.json depending on @agentcore-mcp/gateway-service.
 *
 * @param config - gateway.json.
 * @param files - Files to leave out (`Dockerfile`, `package.json`) or replace.
 */
export function userGatewayProject(
  config: unknown,
  files: { dockerfile?: string | null; packageJson?: unknown } = {},
): string {
  const { cwd } = testContext();
  const packageJson = files.packageJson ?? {
    name: 'my-gateway',
    private: true,
    dependencies: { '@agentcore-mcp/gateway-service': '^0.1.0' },
  };
  if (packageJson !== null) {
    writeFileSync(join(cwd, 'package.json'), JSON.stringify(packageJson, null, 2));
  }
  if (files.dockerfile !== null) {
    writeFileSync(join(cwd, 'Dockerfile'), files.dockerfile ?? GATEWAY_DOCKERFILE);
  }
  writeFileSync(join(cwd, 'package-lock.json'), '{}\n');
  writeFileSync(join(cwd, 'gateway.json'), JSON.stringify(config, null, 2));
  return cwd;
}
