import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { appEntry } from '../paths.js';
import { startApp, type StartedApp } from './startApp.js';

/** The gateway's name for the upstream target; tools are listed as `example___<tool>`. */
export const GATEWAY_TARGET = 'example';

/**
 * Writes a gateway configuration with one target and starts gateway-service on it (stateless,
 * the default, on 127.0.0.1 and a free port).
 *
 * @param scratchDir - Where the configuration file goes.
 * @param target - The `mcpServers` entry: `{url}` or `{command, args}`.
 * @param file - The configuration file name. Default `gateway.json`.
 * @returns The running service.
 */
export function startGatewayService(
  scratchDir: string,
  target: Readonly<Record<string, unknown>>,
  file = 'gateway.json',
): Promise<StartedApp> {
  const configPath = writeGatewayConfig(scratchDir, target, file);
  return startApp(appEntry('gateway-service'), { args: ['--config', configPath] });
}

/**
 * Writes the gateway configuration {@link startGatewayService} starts with: one target, named
 * {@link GATEWAY_TARGET}, on 127.0.0.1.
 *
 * @param scratchDir - Where the configuration file goes.
 * @param target - The `mcpServers` entry: `{url}` or `{command, args}`.
 * @param file - The configuration file name.
 * @returns The file's path, for `--config`.
 */
export function writeGatewayConfig(
  scratchDir: string,
  target: Readonly<Record<string, unknown>>,
  file: string,
): string {
  const configPath = join(scratchDir, file);
  const config = { mcpServers: { [GATEWAY_TARGET]: target }, gateway: { host: '127.0.0.1' } };
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  return configPath;
}
