import { listConfigVariables } from '@agentcore-mcp/gateway';

import { CliError } from '../errors.js';
import { splitCommandLine } from './splitCommandLine.js';

/** A target `gateway setup` writes into `mcpServers`. */
export type SetupTarget =
  | {
      readonly kind: 'http';
      readonly name: string;
      readonly url: string;
      /** Header name → value with `${VAR}` references (never a literal secret). */
      readonly headers: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'stdio';
      readonly name: string;
      readonly command: string;
      readonly args: readonly string[];
    };

/** The repeatable target flags of `gateway setup`. */
export interface SetupTargetFlags {
  /** `--target name=url`. */
  readonly target?: readonly string[] | undefined;
  /** `--stdio name='command args'`. */
  readonly stdio?: readonly string[] | undefined;
  /** `--header name:Header=value`, where the value refers to `${VAR}`s. */
  readonly header?: readonly string[] | undefined;
}

const TARGET_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Turns `--target`, `--stdio` and `--header` flags into targets, checking every name and value.
 *
 * @param flags - The flags as commander collected them.
 * @returns The targets in flag order (HTTP first, then stdio).
 * @throws {@link CliError} `ERR_CONFIG_INVALID` naming the flag and what is expected.
 * @example
 * ```ts
 * parseSetupTargets({ target: ['weather=https://weather.example.com/mcp'] });
 * ```
 */
export function parseSetupTargets(flags: SetupTargetFlags): SetupTarget[] {
  const targets: SetupTarget[] = [];
  for (const flag of flags.target ?? []) {
    const [name, url] = splitPair(flag, '=', `--target "${flag}": expected name=url`);
    targets.push({ kind: 'http', name, url: checkUrl(url, `--target ${name}`), headers: {} });
  }
  for (const flag of flags.stdio ?? []) {
    const [name, line] = splitPair(flag, '=', `--stdio "${flag}": expected name='command args'`);
    const [command, ...args] = splitCommandLine(line);
    if (command === undefined) throw invalid(`--stdio ${name}: the command is empty`);
    targets.push({ kind: 'stdio', name, command, args });
  }
  for (const name of targets.map((target) => target.name)) assertSetupTargetName(name);
  assertUnique(targets.map((target) => target.name));
  return addHeaders(targets, flags.header ?? []);
}

/**
 * Checks a target name against our gateway's rules: 1-63 letters, digits, `_` and `-`, starting
 * with a letter or digit, no `___` (the tool-name separator) and no trailing `_`.
 *
 * @param name - The proposed `mcpServers` key.
 * @throws {@link CliError} `ERR_CONFIG_INVALID`.
 */
export function assertSetupTargetName(name: string): void {
  if (TARGET_NAME.test(name) && !name.includes('___') && !name.endsWith('_')) return;
  throw invalid(
    `Invalid target name "${name}": use 1-63 letters, digits, _ and -, starting with a letter or digit, without ___ and not ending in _`,
  );
}

/**
 * Checks an MCP URL: absolute `http://` or `https://`.
 *
 * @param url - The URL.
 * @param where - Where it came from, for the message.
 * @returns The URL unchanged.
 */
export function checkUrl(url: string, where: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed === undefined || !/^https?:$/.test(parsed.protocol)) {
    throw invalid(
      `${where}: "${url}" is not an http:// or https:// URL, e.g. http://127.0.0.1:8000/mcp`,
    );
  }
  return url;
}

function addHeaders(targets: SetupTarget[], flags: readonly string[]): SetupTarget[] {
  const headers = new Map<string, Record<string, string>>();
  for (const flag of flags) {
    const expected = `--header "${flag}": expected name:Header=value, e.g. weather:Authorization='Bearer \${WEATHER_TOKEN}'`;
    const [name, header] = splitPair(flag, ':', expected);
    const [headerName, value] = splitPair(header, '=', expected);
    const target = targets.find((candidate) => candidate.name === name);
    if (target?.kind !== 'http') {
      throw invalid(
        `--header ${name}:${headerName}: no HTTP target "${name}"; add --target ${name}=URL`,
      );
    }
    if (!HEADER_NAME.test(headerName))
      throw invalid(`--header ${name}:${headerName}: not a valid header name`);
    if (!refersToVariable(value)) {
      throw invalid(
        `--header ${name}:${headerName}: the value is written to the config file, so give secrets as \${VAR} (e.g. 'Bearer \${TOKEN}') and set VAR where the gateway runs`,
      );
    }
    headers.set(name, { ...headers.get(name), [headerName]: value });
  }
  return targets.map((target) =>
    target.kind === 'http' && headers.has(target.name)
      ? { ...target, headers: headers.get(target.name) ?? {} }
      : target,
  );
}

function splitPair(text: string, separator: string, expected: string): [string, string] {
  const at = text.indexOf(separator);
  if (at <= 0 || at === text.length - 1) throw invalid(expected);
  return [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

function assertUnique(names: readonly string[]): void {
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) {
    throw invalid(`Target "${duplicate}" is given twice; give each target a different name`);
  }
}

function invalid(message: string): CliError {
  return new CliError('ERR_CONFIG_INVALID', message);
}

/** Whether a header value refers to an environment variable; a malformed `${` counts as none. */
function refersToVariable(value: string): boolean {
  try {
    return listConfigVariables(value).length > 0;
  } catch {
    return false;
  }
}
