import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildInvocationUrl } from '@agentcore-mcp/core';

import { gatewayRoleName } from '../../src/gateway/gatewayRole.js';
import {
  type ManagedTargetState,
  writeManagedGatewayState,
} from '../../src/gateway/managedGatewayState.js';

/** The authorizer every fixture config carries. */
export const AUTHORIZER = {
  discoveryUrl:
    'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC/.well-known/openid-configuration',
  allowedClients: ['client-1'],
};

export const GATEWAY_NAME = 'agentcore-mcp-gateway';
export const GATEWAY_ID = 'agentcore-mcp-gateway-abcdef1234';
export const GATEWAY_ARN = `arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/${GATEWAY_ID}`;
export const GATEWAY_URL = `https://${GATEWAY_ID}.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp`;
export const ROLE_NAME = 'AgentCoreMcpGateway-agentcore-mcp-gateway-';
export const TARGET_ID = 'WEATHER001';
export const WEATHER_URL = 'https://weather.example.com/mcp';

/** The fixture's gateway as ListGateways lists it (READY, CUSTOM_JWT). */
export const LISTED_GATEWAY = {
  gatewayId: GATEWAY_ID,
  name: GATEWAY_NAME,
  status: 'READY' as const,
  createdAt: new Date('2026-11-25T12:00:00.000Z'),
  updatedAt: new Date('2026-11-25T12:00:00.000Z'),
  authorizerType: 'CUSTOM_JWT' as const,
};

/**
 * A temporary project with a gateway.json: one registrable HTTPS target (`weather_api`), a stdio
 * target, a target with a credential header, and the authorizer.
 */
export function projectWithGatewayConfig(config: Record<string, unknown> = {}): string {
  const cwd = mkdtempSync(join(tmpdir(), 'agentcore-mcp-gateway-'));
  writeFileSync(
    join(cwd, 'gateway.json'),
    JSON.stringify({
      mcpServers: {
        weather_api: { url: WEATHER_URL },
        files: { command: 'node', args: ['server.js'] },
        private: {
          url: 'https://private.example.com/mcp',
          headers: { Authorization: 'Bearer ${PRIVATE_TOKEN}' },
        },
      },
      gateway: { auth: { customJWTAuthorizer: AUTHORIZER } },
      ...config,
    }),
  );
  return cwd;
}

/** `service:Operation` of each recorded request. */
export function operations(requests: readonly { service: string; operation: string }[]): string[] {
  return requests.map((request) => `${request.service}:${request.operation}`);
}

/** The id AgentCore gave the recorded `files` target. */
export const FILES_ID = 'FILES00001';

/** The two targets a register-managed run recorded: `weather_api` and `files`. */
export const RECORDED_TARGETS: readonly ManagedTargetState[] = [
  {
    configName: 'weather_api',
    name: 'weather-api',
    targetId: TARGET_ID,
    endpoint: 'https://weather.example.com/mcp',
  },
  {
    configName: 'files',
    name: 'files',
    targetId: FILES_ID,
    endpoint: 'https://files.example.com/mcp',
  },
];

/**
 * Writes, in `cwd`, the state file an earlier `register-managed` would have left for the
 * fixture's gateway.
 *
 * @param cwd - The project directory.
 * @param options - The recorded region, targets and role; default us-east-1, {@link RECORDED_TARGETS}.
 */
export function writeRecordedState(
  cwd: string,
  options: { region?: string; targets?: readonly ManagedTargetState[]; roleArn?: string } = {},
): void {
  writeManagedGatewayState(cwd, {
    version: 1,
    region: options.region ?? 'us-east-1',
    gatewayName: GATEWAY_NAME,
    gatewayId: GATEWAY_ID,
    gatewayArn: GATEWAY_ARN,
    gatewayUrl: GATEWAY_URL,
    roleArn: options.roleArn ?? 'arn:aws:iam::123456789012:role/gateway',
    config: 'gateway.json',
    targets: [...(options.targets ?? RECORDED_TARGETS)],
    updatedAt: '2026-11-25T12:00:00.000Z',
  });
}

/**
 * A project directory with only the state file of {@link writeRecordedState}.
 *
 * @param options - As {@link writeRecordedState}'s.
 * @returns The directory.
 */
export function registeredProject(
  options: { region?: string; targets?: readonly ManagedTargetState[]; roleArn?: string } = {},
): string {
  const cwd = mkdtempSync(join(tmpdir(), 'agentcore-mcp-sync-'));
  writeRecordedState(cwd, options);
  return cwd;
}

/** A JWT-authorized runtime (customJWTAuthorizer) a gateway target calls. */
export const JWT_RUNTIME_ARN =
  'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/weather-AbCdEf1234';
/** An IAM-authorized runtime (SigV4) a gateway target calls. */
export const IAM_RUNTIME_ARN =
  'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/billing-ZyXwVu9876';
/** The invocation URL of a runtime, as `gateway setup` writes it into gateway.json. */
export const invocationUrlOf = (arn: string): string => buildInvocationUrl({ arn });

/** The M2M client `setup-cognito --m2m` stored. */
export const M2M = {
  clientId: 'm2m-client-1',
  clientSecret: 'm2m-SECRET-value-never-printed',
  tokenUrl: 'https://agentcore-mcp.auth.us-east-1.amazoncognito.com/oauth2/token',
  scopes: ['agentcore-mcp/invoke'],
};

/** The OAuth2 credential provider register-managed creates for {@link GATEWAY_NAME}. */
export const PROVIDER_NAME = `${GATEWAY_NAME}-m2m`;
export const PROVIDER_ARN = `arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/${PROVIDER_NAME}`;
export const SECRET_ARN = `arn:aws:secretsmanager:us-east-1:123456789012:secret:bedrock-agentcore-identity!default/oauth2/${PROVIDER_NAME}-AbCdEf`;

/**
 * A temporary project whose gateway.json has the given targets (name → URL) and the authorizer,
 * and, unless `m2m` is `false`, a credentials file with {@link M2M} (`m2m: 'none'` writes one
 * without the M2M part).
 */
export function projectWithTargets(
  targets: Record<string, string>,
  options: { m2m?: boolean | 'none' } = {},
): string {
  const cwd = mkdtempSync(join(tmpdir(), 'agentcore-mcp-runtime-targets-'));
  writeFileSync(
    join(cwd, 'gateway.json'),
    JSON.stringify({
      mcpServers: Object.fromEntries(Object.entries(targets).map(([name, url]) => [name, { url }])),
      gateway: { auth: { customJWTAuthorizer: AUTHORIZER } },
    }),
  );
  if (options.m2m !== false) {
    mkdirSync(join(cwd, '.agentcore-mcp'), { recursive: true });
    writeFileSync(
      join(cwd, '.agentcore-mcp', 'cognito-credentials.json'),
      JSON.stringify({
        region: 'us-east-1',
        userPoolId: 'us-east-1_AbC',
        clientId: 'client-1',
        username: 'testuser',
        password: 'user-password',
        accessToken: 'token',
        expiresAt: '2026-11-25T13:00:00.000Z',
        ...(options.m2m === 'none' ? {} : { m2m: M2M }),
      }),
    );
  }
  return cwd;
}

/**
 * A project `register-managed` left behind with the role it made and one OAuth target whose
 * credential provider ({@link PROVIDER_NAME}) it created: what `destroy-managed --delete-role`
 * deletes everything of.
 *
 * @returns The project directory.
 */
export function projectWithCreatedProvider(): string {
  return registeredProject({
    roleArn: `arn:aws:iam::123456789012:role/${gatewayRoleName(GATEWAY_NAME, 'us-east-1')}`,
    targets: [
      {
        ...RECORDED_TARGETS[0]!,
        auth: 'oauth',
        credentialProvider: { name: PROVIDER_NAME, arn: PROVIDER_ARN },
      },
    ],
  });
}
