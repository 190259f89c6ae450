import type { GatewayConfigDocument } from './documentTypes.js';
import { parseGatewayConfigDocument } from './parseGatewayConfigDocument.js';
import { readConfigFile } from './readConfigFile.js';

/**
 * Reads a gateway configuration file WITHOUT expanding `${VAR}`s: {@link parseGatewayConfigDocument}
 * for a file, as {@link loadGatewayConfig} is `parseGatewayConfig` for one. For tools that inspect
 * or rewrite a configuration where its secrets are not set.
 *
 * @param path - The JSON file, e.g. `gateway.json`.
 * @returns The document as written (`${VAR}`s kept, no defaults applied).
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when the file cannot be read, is not JSON
 *   (the message names the file) or is not a valid document (the message names the key).
 * @example
 * ```ts
 * const { mcpServers } = loadGatewayConfigDocument('gateway.json');
 * console.log(Object.keys(mcpServers));
 * ```
 */
export function loadGatewayConfigDocument(path: string): GatewayConfigDocument {
  return parseGatewayConfigDocument(readConfigFile(path));
}
