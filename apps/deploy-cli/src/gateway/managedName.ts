import { findAwsStringProblem } from '@agentcore-mcp/core';

import { AWS_NAME_RULES } from '../aws/awsNameRules.js';
import { CliError } from '../errors.js';

/**
 * Turns a name into one AgentCore Gateway accepts for a gateway (`AWS_NAME_RULES.gatewayName`)
 * or a target (`AWS_NAME_RULES.gatewayTargetName`): `([0-9a-zA-Z][-]?){1,100}`, letters, digits
 * and single hyphens, starting with a letter or digit, at most 100 letters and digits.
 * Underscores become hyphens; anything else must already fit.
 *
 * @param name - A target name from the gateway config (`my_server`) or `--name`.
 * @param what - What the name is for, used to pick the rule and in the error: `gateway`, or
 *   `target "my_server"`.
 * @returns The managed name, e.g. `my-server`.
 * @throws {@link CliError} `ERR_INVALID_INPUT` naming the rule and, when possible, a fix.
 * @example
 * ```ts
 * toManagedName('weather_server', 'target "weather_server"'); // 'weather-server'
 * ```
 */
export function toManagedName(name: string, what: 'gateway' | `target ${string}`): string {
  const rule = what === 'gateway' ? AWS_NAME_RULES.gatewayName : AWS_NAME_RULES.gatewayTargetName;
  const converted = name.replaceAll('_', '-');
  if (findAwsStringProblem(rule, converted) === undefined) return converted;
  throw new CliError(
    'ERR_INVALID_INPUT',
    `Invalid ${what} name "${name}" for AgentCore Gateway: after turning _ into -, "${converted}" must be up to 100 letters and digits with single hyphens between them, starting with a letter or digit (${describeProblem(converted)}; ${rule.modelPattern}, ${rule.shape}); rename it`,
  );
}

function describeProblem(name: string): string {
  if (name === '') return 'it is empty';
  if (name.startsWith('-')) return 'it starts with a hyphen';
  if (name.includes('--')) return 'it has two hyphens in a row';
  if (/[^0-9a-zA-Z-]/.test(name))
    return `"${/[^0-9a-zA-Z-]/.exec(name)?.[0] ?? ''}" is not allowed`;
  return 'it has more than 100 letters and digits';
}
