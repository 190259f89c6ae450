import { readFileSync } from 'node:fs';

import { failConfig } from './configError.js';
import { parseJsonText } from './parseJsonText.js';

/**
 * Reads a gateway configuration file and parses its JSON, for `loadGatewayConfig` and
 * `loadGatewayConfigDocument`.
 *
 * @internal Not part of the public API.
 * @param path - The file.
 * @returns The parsed JSON, not yet checked.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` naming the file when it cannot be read
 *   or is not JSON (with the line and column).
 */
export function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read failed';
    failConfig(
      path,
      `cannot read the file (${code}); expected the path of a readable JSON file`,
      error,
    );
  }
  return parseJsonText(text, path);
}
