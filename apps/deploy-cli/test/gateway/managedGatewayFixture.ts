import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
 * A temporary project where register-managed recorded the gateway (in `region`, default
 * `us-east-1`) and `targets` (default {@link RECORDED_TARGETS}).
 */
export function registeredProject(
  options: { region?: string; targets?: readonly ManagedTargetState[] } = {},
): string {
  const cwd = mkdtempSync(join(tmpdir(), 'agentcore-mcp-sync-'));
  writeManagedGatewayState(cwd, {
    version: 1,
    region: options.region ?? 'us-east-1',
    gatewayName: GATEWAY_NAME,
    gatewayId: GATEWAY_ID,
    gatewayArn: GATEWAY_ARN,
    gatewayUrl: GATEWAY_URL,
    roleArn: 'arn:aws:iam::123456789012:role/gateway',
    config: 'gateway.json',
    targets: [...(options.targets ?? RECORDED_TARGETS)],
    updatedAt: '2026-11-25T12:00:00.000Z',
  });
  return cwd;
}
