import { GATEWAY_SERVICE_ENTRY } from './appEntries.js';
import { type StartedProcess, startProcess } from './startProcess.js';

/**
 * Runs gateway-service (`apps/gateway-service/dist/main.js`) on 127.0.0.1 with a free port and
 * this configuration in env `GATEWAY_CONFIG`.
 *
 * @param config - The gateway configuration, as its JSON file would hold it.
 * @param options - Node flags before the entry, extra environment, the log capture.
 * @returns The running gateway; its `url` is the MCP endpoint.
 */
export function startGatewayService(
  config: object,
  options: { nodeFlags?: readonly string[]; env?: Record<string, string>; lines?: string[] } = {},
): Promise<StartedProcess> {
  return startProcess({
    args: [...(options.nodeFlags ?? []), GATEWAY_SERVICE_ENTRY],
    env: { GATEWAY_CONFIG: JSON.stringify(config), ...options.env },
    ...(options.lines ? { lines: options.lines } : {}),
  });
}
