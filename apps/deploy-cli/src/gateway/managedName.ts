import { CliError } from '../errors.js';

/** What AgentCore accepts as a gateway or gateway-target name. */
const MANAGED_NAME = /^([0-9a-zA-Z][-]?){1,100}$/;

/**
 * Turns a name into one AgentCore Gateway accepts for a gateway or a target
 * (`^([0-9a-zA-Z][-]?){1,100}$`: letters, digits and single hyphens, starting with a letter or
 * digit, at most 100 characters). Underscores become hyphens; anything else must already fit.
 *
 * @param name - A target name from the gateway config (`my_server`) or `--name`.
 * @param what - What the name is for, used in the error (`gateway`, `target "my_server"`).
 * @returns The managed name, e.g. `my-server`.
 * @throws {@link CliError} `ERR_INVALID_INPUT` naming the rule and, when possible, a fix.
 * @example
 * ```ts
 * toManagedName('weather_server', 'target "weather_server"'); // 'weather-server'
 * ```
 */
export function toManagedName(name: string, what: string): string {
  const converted = name.replaceAll('_', '-');
  if (MANAGED_NAME.test(converted)) return converted;
  throw new CliError(
    'ERR_INVALID_INPUT',
    `Invalid ${what} name "${name}" for AgentCore Gateway: after turning _ into -, "${converted}" must be up to 100 letters and digits with single hyphens between them, starting with a letter or digit (${describeProblem(converted)}); rename it`,
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
