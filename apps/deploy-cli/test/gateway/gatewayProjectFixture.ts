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

/** A temporary project with apps/gateway-service/Dockerfile and `config` as gateway.json. */
export function gatewayProject(config: unknown): string {
  const { cwd } = testContext();
  mkdirSync(join(cwd, 'apps/gateway-service'), { recursive: true });
  writeFileSync(join(cwd, 'apps/gateway-service/Dockerfile'), 'FROM node:20-slim\n');
  writeFileSync(join(cwd, 'gateway.json'), JSON.stringify(config, null, 2));
  return cwd;
}
