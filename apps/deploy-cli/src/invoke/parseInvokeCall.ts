import { CliError } from '../errors.js';

/** The MCP methods `agentcore-mcp invoke` sends. */
export const INVOKE_METHODS = [
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/read',
  'prompts/list',
  'prompts/get',
] as const;

/** One of {@link INVOKE_METHODS}. */
export type InvokeMethod = (typeof INVOKE_METHODS)[number];

/** What one `invoke` run sends, checked. */
export type InvokeCall =
  | { readonly method: 'tools/list' | 'resources/list' | 'prompts/list' }
  | {
      readonly method: 'tools/call';
      readonly name: string;
      readonly args: Record<string, unknown>;
    }
  | { readonly method: 'resources/read'; readonly uri: string }
  | {
      readonly method: 'prompts/get';
      readonly name: string;
      readonly args: Record<string, string>;
    };

const USAGE =
  "use tools/list, tools/call NAME --args '{…}', resources/list, resources/read URI, prompts/list or prompts/get NAME --args '{…}'";

/**
 * Checks `invoke`'s arguments: the method, the tool, resource URI or prompt it names, and `--args`
 * (a JSON object; for a prompt, of strings, since prompt arguments are strings on the wire).
 *
 * @param method - The first argument, e.g. `resources/read`.
 * @param target - The second argument: a tool name, resource URI or prompt name.
 * @param args - `--args`, JSON. Default `{}`.
 * @returns The call to make.
 * @throws {@link CliError} `ERR_CONFIG_INVALID`, one line with the fix, for an unknown method, a
 *   missing name or URI, or `--args` that is not a JSON object (of strings, for a prompt).
 * @example
 * ```ts
 * parseInvokeCall('prompts/get', 'review_code', '{"code":"x"}');
 * // { method: 'prompts/get', name: 'review_code', args: { code: 'x' } }
 * ```
 */
export function parseInvokeCall(
  method: string,
  target: string | undefined,
  args: string | undefined,
): InvokeCall {
  switch (method) {
    case 'tools/list':
    case 'resources/list':
    case 'prompts/list':
      return { method };
    case 'tools/call':
      return {
        method,
        name: required(target, "tools/call needs the tool's name", "tools/call NAME --args '{…}'"),
        args: parseArgs(args),
      };
    case 'resources/read':
      return {
        method,
        uri: required(target, 'resources/read needs the resource URI', 'resources/read URI'),
      };
    case 'prompts/get': {
      const name = required(
        target,
        "prompts/get needs the prompt's name",
        "prompts/get NAME --args '{…}'",
      );
      return { method, name, args: parsePromptArgs(parseArgs(args)) };
    }
    default:
      throw new CliError('ERR_CONFIG_INVALID', `Unknown method "${method}": ${USAGE}`);
  }
}

function required(value: string | undefined, problem: string, usage: string): string {
  if (value !== undefined && value !== '') return value;
  throw new CliError('ERR_CONFIG_INVALID', `${problem}: agentcore-mcp invoke … ${usage}`);
}

function parseArgs(args: string | undefined): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(args ?? '{}');
  } catch (error) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `Invalid --args: not JSON (${(error as Error).message}); pass an object such as '{"a":1}'`,
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `Invalid --args: expected a JSON object such as '{"a":1}'`,
    );
  }
  return parsed as Record<string, unknown>;
}

function parsePromptArgs(args: Record<string, unknown>): Record<string, string> {
  const strings: Record<string, string> = {};
  for (const [key, value] of Object.entries(args)) {
    if (typeof value !== 'string') {
      throw new CliError(
        'ERR_CONFIG_INVALID',
        `Invalid --args for prompts/get: "${key}" is ${JSON.stringify(value)}, but prompt arguments are strings; pass e.g. '{"${key}":"${String(value)}"}'`,
      );
    }
    strings[key] = value;
  }
  return strings;
}
