import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
