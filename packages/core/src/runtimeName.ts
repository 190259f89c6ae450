import { AGENTCORE_RULES } from './agentCoreRules.js';
import { AgentCoreMcpError } from './errors.js';
import { quoteInput } from './internal/quoteInput.js';

/**
 * The longest runtime name AgentCore accepts.
 *
 * @example
 * ```ts
 * const room = MAX_RUNTIME_NAME_LENGTH - '_staging'.length; // 40
 * ```
 */
export const MAX_RUNTIME_NAME_LENGTH = 48;

const RUNTIME_NAME_PATTERN = AGENTCORE_RULES.runtimeName.pattern;
const FALLBACK_NAME = 'mcp_server';
const NUMERIC_START_PREFIX = 'mcp_';
const LIST_FORMAT = new Intl.ListFormat('en', { type: 'conjunction' });

/**
 * Checks that a name can be used as an AgentCore runtime name: a letter, then up to 47 letters,
 * digits or underscores. Hyphens are the usual mistake; the error suggests a fixed name.
 *
 * @param name - The proposed runtime name.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_RUNTIME_NAME` when the name breaks a rule; the
 *   message says which rule and suggests a valid name (see {@link toRuntimeName}).
 * @example
 * ```ts
 * assertRuntimeName('weather_server'); // ok
 * assertRuntimeName('weather-server'); // throws: … try "weather_server"
 * ```
 */
export function assertRuntimeName(name: unknown): asserts name is string {
  if (isRuntimeName(name)) return;
  const problem = describeProblem(name);
  const suggestion = typeof name === 'string' ? `; try "${toRuntimeName(name)}"` : '';
  throw new AgentCoreMcpError(
    'ERR_INVALID_RUNTIME_NAME',
    `Invalid runtime name ${quoteInput(name)}: ${problem}${suggestion}`,
  );
}

/**
 * Tells whether a value is a valid runtime name; the non-throwing form of
 * {@link assertRuntimeName}.
 *
 * @param value - Anything.
 * @returns `true` when `value` is a valid runtime name.
 * @example
 * ```ts
 * isRuntimeName('weather_server'); // true
 * isRuntimeName('weather-server'); // false
 * ```
 */
export function isRuntimeName(value: unknown): value is string {
  return typeof value === 'string' && RUNTIME_NAME_PATTERN.test(value);
}

/**
 * Turns any string (a package name, a directory name) into a valid runtime name: runs of other
 * characters become one underscore, leading and trailing underscores are dropped, a name starting
 * with a digit gets an `mcp_` prefix, and the result is cut to 48 characters.
 *
 * @param input - Any string, e.g. `@acme/weather-server`.
 * @returns A valid runtime name, e.g. `acme_weather_server`; `mcp_server` when nothing is left.
 * @example
 * ```ts
 * toRuntimeName('@acme/weather-server'); // 'acme_weather_server'
 * ```
 */
export function toRuntimeName(input: string): string {
  // One `_` between words: ECR repository names and image URIs (derived from the runtime name)
  // refuse `__` and a trailing `_`, so a suggestion must be deployable as well as valid.
  const cleaned = input
    .replace(/[^a-zA-Z0-9_]+/g, '_')
    .replace(/_{2,}/g, '_')
    .replace(/^_+|_+$/g, '');
  if (cleaned === '') return FALLBACK_NAME;
  const name = /^[a-zA-Z]/.test(cleaned) ? cleaned : `${NUMERIC_START_PREFIX}${cleaned}`;
  return name.slice(0, MAX_RUNTIME_NAME_LENGTH).replace(/_+$/, '');
}

function describeProblem(name: unknown): string {
  if (typeof name !== 'string') return 'a runtime name must be a string';
  if (name === '') return 'a runtime name is required';
  const invalid = [...new Set(name.replace(/[a-zA-Z0-9_]/g, ''))];
  if (invalid.length > 0) {
    const listed = LIST_FORMAT.format(invalid.map((character) => JSON.stringify(character)));
    return `it contains ${listed}, but only letters, digits and underscores are allowed`;
  }
  if (!/^[a-zA-Z]/.test(name)) return 'it must start with a letter';
  return `it is ${name.length} characters long, but the limit is ${MAX_RUNTIME_NAME_LENGTH}`;
}
