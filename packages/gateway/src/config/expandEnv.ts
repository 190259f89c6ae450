import { type ConfigPath, failConfig } from './configError.js';

/** The environment `${VAR}` references are read from. */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Expands `${VAR}` and `${VAR:-default}` in one configuration string; `$${` stands for a literal
 * `${`, and a `$` not followed by `{` is kept as is. `${VAR:-default}` uses the default when `VAR`
 * is unset or empty (as in a POSIX shell); the default is taken literally up to the first `}`.
 *
 * @internal Not part of the public API.
 * @param value - The string as written in the configuration.
 * @param path - Its key path, for the error message.
 * @param env - Where variables are looked up.
 * @returns The expanded string.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for an unset variable without a default,
 *   a bad variable name or an unclosed `${`. The message names the variable, never its value.
 */
export function expandEnv(value: string, path: ConfigPath, env: ConfigEnv): string {
  let result = '';
  let index = 0;
  while (index < value.length) {
    const dollar = value.indexOf('$', index);
    if (dollar === -1) break;
    result += value.slice(index, dollar);
    if (value.startsWith('$${', dollar)) {
      result += '${';
      index = dollar + 3;
      continue;
    }
    if (!value.startsWith('${', dollar)) {
      result += '$';
      index = dollar + 1;
      continue;
    }
    const close = value.indexOf('}', dollar + 2);
    if (close === -1) {
      failConfig(path, 'unclosed "${"; write ${VAR} or ${VAR:-default}, or $${ for a literal "${"');
    }
    result += resolveReference(value.slice(dollar + 2, close), path, env);
    index = close + 1;
  }
  return result + value.slice(index);
}

function resolveReference(reference: string, path: ConfigPath, env: ConfigEnv): string {
  const separator = reference.indexOf(':-');
  const name = separator === -1 ? reference : reference.slice(0, separator);
  if (!VARIABLE_NAME.test(name)) {
    failConfig(
      path,
      `${JSON.stringify(`\${${name}}`)} is not a valid variable reference; expected \${NAME} or \${NAME:-default} with NAME of letters, digits and "_" (not starting with a digit), or $\${ for a literal "\${"`,
    );
  }
  const found = env[name];
  if (separator !== -1)
    return found === undefined || found === '' ? reference.slice(separator + 2) : found;
  if (found === undefined) {
    failConfig(
      path,
      `environment variable ${name} is not set; set it, or write \${${name}:-default} for a fallback`,
    );
  }
  return found;
}
