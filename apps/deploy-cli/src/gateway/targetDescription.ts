import { findAwsStringProblem } from '@agentcore-mcp/core';

import { AWS_NAME_RULES } from '../aws/awsNameRules.js';
import { CliError } from '../errors.js';

const PREFIX = 'MCP server ';
const SUFFIX = ', registered by agentcore-mcp';
const ELLIPSIS = '…';

/**
 * The `description` of a managed target: `MCP server <config name>, registered by agentcore-mcp`,
 * with a long name cut and ended with `…` so the whole fits `TargetDescription` (at most 200
 * characters, `AWS_NAME_RULES.gatewayTargetDescription`).
 *
 * @param configName - The target's name in the gateway config.
 * @returns The description.
 * @throws {@link CliError} `ERR_INVALID_INPUT` if it cannot fit (it always can).
 * @example
 * ```ts
 * formatTargetDescription('weather'); // 'MCP server weather, registered by agentcore-mcp'
 * ```
 */
export function formatTargetDescription(configName: string): string {
  const rule = AWS_NAME_RULES.gatewayTargetDescription;
  let description = `${PREFIX}${configName}${SUFFIX}`;
  if (description.length > rule.max) {
    const room = rule.max - PREFIX.length - SUFFIX.length - ELLIPSIS.length;
    description = `${PREFIX}${configName.slice(0, room)}${ELLIPSIS}${SUFFIX}`;
  }
  const problem = findAwsStringProblem(rule, description);
  if (problem !== undefined) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `The description of target ${configName} is invalid: ${problem}; rename the target`,
    );
  }
  return description;
}
