import type { z } from 'zod';

import { type ConfigPath, failConfig } from './configError.js';

/**
 * Runs a zod schema and turns its first issue into the one-line configuration error. An unknown
 * key is preferred over other issues (a typo also shows up as a missing key); its path ends in the
 * unknown key itself.
 *
 * @internal Not part of the public API.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when the value does not match.
 */
export function validate<TSchema extends z.ZodType>(
  schema: TSchema,
  value: unknown,
  path: ConfigPath,
): z.output<TSchema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { issues } = result.error;
  const issue = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0];
  if (issue === undefined) failConfig(path, 'invalid value');
  const fullPath: PropertyKey[] = [...path, ...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined)
    fullPath.push(issue.keys[0]);
  failConfig(fullPath, issue.message);
}
