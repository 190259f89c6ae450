import { parseHeaderAllowlist } from '@agentcore-mcp/core';

import type { Output } from '../output.js';

/**
 * `agentcore-mcp validate-headers LIST…`: checks a request header allowlist and prints it back
 * normalized (trimmed, comma-separated). Each argument may itself be a comma-separated list.
 *
 * @param lists - The header names from the command line, e.g. `['Authorization,X-Api-Key']`.
 * @param output - Where to print the normalized list.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_HEADER_ALLOWLIST` naming the header and the rule.
 * @example
 * ```ts
 * runValidateHeadersCommand(['Authorization, X-Api-Key'], output); // prints Authorization,X-Api-Key
 * ```
 */
export function runValidateHeadersCommand(lists: readonly string[], output: Output): void {
  output.result(parseHeaderAllowlist(lists.join(',')).join(','));
}
