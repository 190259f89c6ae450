import { assertRuntimeName } from '@agentcore-mcp/core';

import type { Output } from '../output.js';

/**
 * `agentcore-mcp validate-name NAME`: checks a runtime name and prints it back, so scripts can
 * use `name=$(agentcore-mcp validate-name "$name")`.
 *
 * @param name - The proposed runtime name.
 * @param output - Where to print the name.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_RUNTIME_NAME` with a suggested valid name.
 * @example
 * ```ts
 * runValidateNameCommand('weather_server', output); // prints weather_server
 * ```
 */
export function runValidateNameCommand(name: string, output: Output): void {
  assertRuntimeName(name);
  output.result(name);
}
