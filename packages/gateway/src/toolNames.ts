import { AgentCoreMcpError } from '@agentcore-mcp/core';

/**
 * The separator between a target prefix and an upstream tool name: three underscores, the same
 * convention as the Amazon Bedrock AgentCore Gateway (`${target}___${tool}`).
 *
 * @example
 * ```ts
 * const [target, tool] = 'github___search_issues'.split(GATEWAY_TOOL_NAME_SEPARATOR, 2);
 * ```
 */
export const GATEWAY_TOOL_NAME_SEPARATOR = '___';

/**
 * The longest tool name the gateway will expose, prefix included. Model APIs cap tool names at 64
 * characters (the Bedrock Converse `toolSpec.name`, for one), so a longer name would be unusable.
 *
 * @example
 * ```ts
 * const room = MAX_TOOL_NAME_LENGTH - GATEWAY_TOOL_NAME_SEPARATOR.length - 'github'.length; // 55
 * ```
 */
export const MAX_TOOL_NAME_LENGTH = 64;

/** The result of {@link parseGatewayToolName}: the two halves of a prefixed tool name. */
export interface ParseGatewayToolNameResult {
  /** The target name, i.e. the prefix before the first separator. */
  target: string;
  /** The upstream tool name, i.e. everything after the first separator (may contain `___`). */
  tool: string;
}

const TARGET_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]{0,62}$/;

/**
 * Checks that `name` can be used as a gateway target prefix: 1–63 characters of letters, digits,
 * `_` and `-`, starting with a letter or digit, not ending with `_` and never containing `___`.
 * (A trailing `_` would merge with the separator, so the name would not parse back.)
 *
 * @param name - The target name from the gateway configuration.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when the name breaks a rule; the message
 *   says which rule.
 * @example
 * ```ts
 * assertTargetName('github'); // ok
 * assertTargetName('my___target'); // throws ERR_CONFIG_INVALID
 * ```
 */
export function assertTargetName(name: string): void {
  const problem = describeTargetNameProblem(name);
  if (problem === undefined) return;
  throw new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    `Invalid gateway target name ${JSON.stringify(name)}: ${problem}`,
  );
}

/**
 * Builds the name under which the gateway exposes an upstream tool: `${target}___${tool}`.
 *
 * @param target - The target prefix; must pass {@link assertTargetName}.
 * @param tool - The tool's name on the upstream MCP server; must not be empty.
 * @returns The prefixed name, at most {@link MAX_TOOL_NAME_LENGTH} characters.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when the target name is invalid, the tool
 *   name is empty, or the combined name is longer than {@link MAX_TOOL_NAME_LENGTH} characters.
 * @example
 * ```ts
 * formatGatewayToolName('github', 'search_issues'); // 'github___search_issues'
 * ```
 */
export function formatGatewayToolName(target: string, tool: string): string {
  assertTargetName(target);
  if (tool.length === 0) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Empty tool name for gateway target "${target}": the upstream server must name every tool`,
    );
  }
  const name = `${target}${GATEWAY_TOOL_NAME_SEPARATOR}${tool}`;
  if (name.length <= MAX_TOOL_NAME_LENGTH) return name;

  const room = MAX_TOOL_NAME_LENGTH - GATEWAY_TOOL_NAME_SEPARATOR.length - tool.length;
  const fix =
    room >= 1
      ? `use a target prefix of at most ${room} characters instead of "${target}"`
      : `tool "${tool}" alone leaves no room for a prefix; it must be renamed upstream`;
  throw new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    `Gateway tool name "${name}" is ${name.length} characters, longer than the ${MAX_TOOL_NAME_LENGTH}-character limit: ${fix}`,
  );
}

/**
 * Splits a gateway tool name at the first `___` into its target and upstream tool name. The length
 * limit is not checked, so names built elsewhere still parse.
 *
 * @param name - A tool name as a gateway client sent it, e.g. in `tools/call`.
 * @returns `{ target, tool }`, or `undefined` when there is no separator, the tool part is empty,
 *   or the target part is not a valid target name (see {@link assertTargetName}).
 * @example
 * ```ts
 * parseGatewayToolName('github___search_issues'); // { target: 'github', tool: 'search_issues' }
 * parseGatewayToolName('search_issues'); // undefined
 * ```
 */
export function parseGatewayToolName(name: string): ParseGatewayToolNameResult | undefined {
  const index = name.indexOf(GATEWAY_TOOL_NAME_SEPARATOR);
  if (index === -1) return undefined;
  const target = name.slice(0, index);
  const tool = name.slice(index + GATEWAY_TOOL_NAME_SEPARATOR.length);
  if (tool.length === 0 || describeTargetNameProblem(target) !== undefined) return undefined;
  return { target, tool };
}

/**
 * Says which target-name rule `name` breaks (see {@link assertTargetName}), or `undefined`.
 *
 * @internal Not part of the public API; the configuration parser words its own errors with it.
 */
export function describeTargetNameProblem(name: string): string | undefined {
  if (name.includes(GATEWAY_TOOL_NAME_SEPARATOR)) {
    return `it must not contain "${GATEWAY_TOOL_NAME_SEPARATOR}", the tool name separator; use "_" or "-"`;
  }
  if (!TARGET_NAME_PATTERN.test(name)) {
    return 'expected 1-63 letters, digits, "_" or "-", starting with a letter or digit';
  }
  if (name.endsWith('_')) {
    return 'it must not end with "_", which would merge with the "___" separator';
  }
  return undefined;
}
