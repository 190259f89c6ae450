import { CliError } from '../errors.js';

/** AgentCore's limits on `environmentVariables` (CreateAgentRuntime). */
const MAX_VARIABLES = 50;
const MAX_NAME_LENGTH = 100;
const MAX_VALUE_LENGTH = 5000;
const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Name fragments that suggest a secret; such variables need `--allow-plaintext-env`. */
const SECRET_HINTS = ['SECRET', 'PASSWORD', 'TOKEN', 'KEY'] as const;

/**
 * Parses repeated `--env KEY=VALUE` flags into the runtime's environment. Names that look like
 * secrets (containing SECRET, PASSWORD, TOKEN or KEY) are refused unless `allowPlaintext`: the
 * values are stored in plain text in `.agentcore-mcp.yaml` and in the runtime configuration.
 * Error messages name the variable, never its value.
 *
 * @param entries - The `--env` values, in order.
 * @param allowPlaintext - `--allow-plaintext-env`.
 * @returns The variables, or `undefined` when none were given.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for a malformed, repeated, oversized or
 *   secret-looking entry.
 * @example
 * ```ts
 * parseEnvironmentOptions(['LOG_LEVEL=debug'], false); // { LOG_LEVEL: 'debug' }
 * ```
 */
export function parseEnvironmentOptions(
  entries: readonly string[],
  allowPlaintext: boolean,
): Record<string, string> | undefined {
  if (entries.length === 0) return undefined;
  if (entries.length > MAX_VARIABLES) {
    throw invalid(`${entries.length} --env variables, but AgentCore allows ${MAX_VARIABLES}`);
  }
  const environment: Record<string, string> = {};
  for (const entry of entries) {
    const separator = entry.indexOf('=');
    const name = separator === -1 ? entry : entry.slice(0, separator);
    if (separator === -1 || !NAME_PATTERN.test(name) || name.length > MAX_NAME_LENGTH) {
      throw invalid(
        `--env "${name}": expected KEY=VALUE with a KEY of letters, digits and _ (at most ${MAX_NAME_LENGTH}), e.g. --env LOG_LEVEL=info`,
      );
    }
    const value = entry.slice(separator + 1);
    if (Object.hasOwn(environment, name)) throw invalid(`--env ${name} is given twice; keep one`);
    if (value.length > MAX_VALUE_LENGTH) {
      throw invalid(`--env ${name}: the value is longer than ${MAX_VALUE_LENGTH} characters`);
    }
    if (!allowPlaintext && looksSecret(name)) {
      throw invalid(
        `--env ${name} looks like a secret, and --env values are stored in plain text (.agentcore-mcp.yaml and the runtime configuration): keep secrets in AgentCore Identity (credential providers) or AWS Secrets Manager and read them at run time, or pass --allow-plaintext-env if it is not secret`,
      );
    }
    environment[name] = value;
  }
  return environment;
}

function looksSecret(name: string): boolean {
  const upper = name.toUpperCase();
  return SECRET_HINTS.some((hint) => upper.includes(hint));
}

function invalid(message: string): CliError {
  return new CliError('ERR_INVALID_INPUT', message);
}
