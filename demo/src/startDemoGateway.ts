import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { spawnApp, type SpawnedApp } from '@agentcore-mcp/test-support';

import { appEntry, everythingEntry } from './resolveEntry.js';

/** The gateway's targets by name, and what each one is, for the transcript. */
export const DEMO_GATEWAY_TARGETS: Readonly<Record<string, string>> = {
  external: 'external-server over streamable HTTP',
  everything: '@modelcontextprotocol/server-everything over stdio (its get-env tool hidden)',
};

/** Options of {@link startDemoGateway}. */
export interface StartDemoGatewayOptions {
  /** The authorizer_config.json `setup-cognito` wrote; the gateway gets the same authorizer. */
  authorizerConfigFile: string;
  /** The running external-server's MCP endpoint. */
  externalServerUrl: string;
}

/**
 * Writes a gateway.json beside the authorizer config (so it is removed with it) and starts the
 * built gateway-service with `--config`, as a user would: external-server over HTTP and
 * server-everything over stdio behind the Cognito JWT authorizer.
 *
 * @param options - The authorizer config file and external-server's URL.
 * @returns The running gateway-service, once it prints its listening line.
 */
export function startDemoGateway(options: StartDemoGatewayOptions): Promise<SpawnedApp> {
  const { customJWTAuthorizer } = JSON.parse(
    readFileSync(options.authorizerConfigFile, 'utf8'),
  ) as { customJWTAuthorizer: unknown };
  const config = {
    mcpServers: {
      external: { url: options.externalServerUrl },
      everything: {
        command: process.execPath,
        args: [everythingEntry(), 'stdio'],
        tools: { deny: ['get-env'] },
      },
    },
    gateway: { auth: { customJWTAuthorizer } },
  };
  const configFile = join(dirname(options.authorizerConfigFile), 'gateway.json');
  writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
  return spawnApp(appEntry('gateway-service'), {
    args: ['--config', configFile],
    env: { GATEWAY_CONFIG: undefined },
  });
}
