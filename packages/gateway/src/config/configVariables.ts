import { type ConfigPath, failConfig } from './configError.js';

/** The environment `${VAR}` references are read from. */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

/** One `${NAME}` or `${NAME:-fallback}` reference in a configuration string. */
export interface ConfigVariableReference {
  /** The variable's name. */
  readonly name: string;
  /** The text after `:-`, used when the variable is unset or empty; `undefined` without one. */
  readonly fallback: string | undefined;
}

/** The result of {@link expandConfigVariables}. */
export type ExpandConfigVariablesResult =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly missing: string };

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Expands `${VAR}` and `${VAR:-default}` in one configuration string exactly as the gateway does:
 * `$${` stands for a literal `${`, a `$` not followed by `{` is kept, and `${VAR:-default}` uses the
 * default (taken literally up to the first `}`) when `VAR` is unset or empty, as in a POSIX shell.
 *
 * @param text - A value as written, e.g. `Bearer ${WEATHER_TOKEN}`.
 * @param env - Where variables are looked up.
 * @returns The expanded value, or the first variable that is not set (and has no default).
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a malformed reference (an unclosed
 *   `${`, a bad variable name).
 * @example
 * ```ts
 * expandConfigVariables('Bearer ${TOKEN}', { TOKEN: 'abc' }); // { ok: true, value: 'Bearer abc' }
 * expandConfigVariables('${URL}', {}); // { ok: false, missing: 'URL' }
 * ```
 */
export function expandConfigVariables(text: string, env: ConfigEnv): ExpandConfigVariablesResult {
  let missing: string | undefined;
  const value = substitute(text, [], (reference) => {
    const found = lookUp(reference, env);
    if (found === undefined) missing ??= reference.name;
    return found ?? '';
  });
  return missing === undefined ? { ok: true, value } : { ok: false, missing };
}

/**
 * The variables a configuration string refers to, in order (`$${` is no reference).
 *
 * @param text - A value as written.
 * @returns Each reference with its name and default; `[]` when there is none.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a malformed reference.
 * @example
 * ```ts
 * listConfigVariables('${HOST:-localhost}:${PORT}');
 * // [{ name: 'HOST', fallback: 'localhost' }, { name: 'PORT', fallback: undefined }]
 * ```
 */
export function listConfigVariables(text: string): ConfigVariableReference[] {
  const references: ConfigVariableReference[] = [];
  substitute(text, [], (reference) => {
    references.push(reference);
    return '';
  });
  return references;
}

/**
 * {@link expandConfigVariables} for the gateway's own resolution: an unset variable is an error.
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
  return substitute(value, path, (reference) => {
    const found = lookUp(reference, env);
    if (found !== undefined) return found;
    const { name } = reference;
    return failConfig(
      path,
      `environment variable ${name} is not set; set it, or write \${${name}:-default} for a fallback`,
    );
  });
}

/** A reference's value: the variable, else its default (when unset or empty); else `undefined`. */
function lookUp(reference: ConfigVariableReference, env: ConfigEnv): string | undefined {
  const found = env[reference.name];
  if (reference.fallback === undefined) return found;
  return found === undefined || found === '' ? reference.fallback : found;
}

/** The one scanner of `${…}` syntax: replaces each reference, left to right, with `resolve`'s. */
function substitute(
  value: string,
  path: ConfigPath,
  resolve: (reference: ConfigVariableReference) => string,
): string {
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
    result += resolve(parseReference(value.slice(dollar + 2, close), path));
    index = close + 1;
  }
  return result + value.slice(index);
}

function parseReference(reference: string, path: ConfigPath): ConfigVariableReference {
  const separator = reference.indexOf(':-');
  const name = separator === -1 ? reference : reference.slice(0, separator);
  if (!VARIABLE_NAME.test(name)) {
    failConfig(
      path,
      `${JSON.stringify(`\${${name}}`)} is not a valid variable reference; expected \${NAME} or \${NAME:-default} with NAME of letters, digits and "_" (not starting with a digit), or $\${ for a literal "\${"`,
    );
  }
  return { name, fallback: separator === -1 ? undefined : reference.slice(separator + 2) };
}
