import { describeTargetNameProblem } from '../toolNames.js';
import { failConfig } from './configError.js';
import type { HttpTargetEntry, StdioTargetEntry, TargetEntry } from './documentTypes.js';
import { httpTargetSchema, stdioTargetSchema } from './schema.js';
import { suggestKey } from './suggestKey.js';
import { validate } from './validate.js';

/**
 * Checks the shape of one `mcpServers` entry (its name, `url` or `command`, every key and value
 * type) without expanding anything: what a disabled target is checked for, and what
 * `parseGatewayConfigDocument` checks for every target.
 *
 * @internal Not part of the public API.
 * @returns The entry as written (a fresh copy, keys in document order).
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` naming the key path and what is expected.
 */
export function readTargetEntry(name: string, value: unknown): TargetEntry {
  const path = ['mcpServers', name] as const;
  const nameProblem = describeTargetNameProblem(name);
  if (nameProblem !== undefined) failConfig(path, `invalid target name; ${nameProblem}`);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    failConfig(path, 'expected an object with "url" (http target) or "command" (stdio target)');
  }
  const hasUrl = Object.hasOwn(value, 'url');
  const hasCommand = Object.hasOwn(value, 'command');
  if (hasUrl && hasCommand) {
    failConfig(
      path,
      'has both "url" and "command"; a target is either http ("url") or stdio ("command"), remove one',
    );
  }
  if (!hasUrl && !hasCommand) {
    const typo = Object.keys(value)
      .map((key) => ({ key, meant: suggestKey(key, ['url', 'command']) }))
      .find((candidate) => candidate.meant !== undefined);
    const hint =
      typo === undefined ? '' : ` (did you mean "${typo.meant}" instead of "${typo.key}"?)`;
    failConfig(
      path,
      `needs "url" or "command"${hint}; expected {"url": "https://…/mcp"} for an http target or {"command": "node", "args": […]} for a stdio target`,
    );
  }
  // The checked value is returned as a copy of the input, so its keys keep the document's order.
  if (hasUrl) {
    const checked: HttpTargetEntry = validate(httpTargetSchema, value, [...path]);
    return sameAs(checked, value);
  }
  const checked: StdioTargetEntry = validate(stdioTargetSchema, value, [...path]);
  return sameAs(checked, value);
}

/** A copy of `input`, which the schema accepted as `checked` (equal values, input key order). */
function sameAs<T>(_checked: T, input: unknown): T {
  return structuredClone(input) as T;
}
