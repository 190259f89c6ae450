import { AgentCoreMcpError } from './errors.js';
import { quoteInput } from './internal/quoteInput.js';

/**
 * The endpoint every runtime gets on creation; used when no qualifier is given.
 *
 * @example
 * ```ts
 * const qualifier = options.qualifier ?? DEFAULT_QUALIFIER;
 * ```
 */
export const DEFAULT_QUALIFIER = 'DEFAULT';

const QUALIFIER_PATTERN = /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/;

/**
 * Checks that a qualifier (a runtime endpoint name, such as `DEFAULT`) is well formed: a letter,
 * then up to 47 letters, digits or underscores.
 *
 * @param qualifier - The endpoint name.
 * @throws {@link AgentCoreMcpError} `ERR_INVALID_QUALIFIER` when the name breaks the pattern.
 * @example
 * ```ts
 * assertQualifier('DEFAULT'); // ok
 * assertQualifier('prod-v2'); // throws ERR_INVALID_QUALIFIER
 * ```
 */
export function assertQualifier(qualifier: unknown): asserts qualifier is string {
  if (isQualifier(qualifier)) return;
  throw new AgentCoreMcpError(
    'ERR_INVALID_QUALIFIER',
    `Invalid qualifier ${quoteInput(qualifier)}: an endpoint name starts with a letter and has at most 48 letters, digits or underscores, e.g. "${DEFAULT_QUALIFIER}"`,
  );
}

/**
 * Tells whether a value is a well-formed qualifier; the non-throwing form of
 * {@link assertQualifier}.
 *
 * @param value - Anything.
 * @returns `true` when `value` is a valid endpoint name.
 * @example
 * ```ts
 * isQualifier('DEFAULT'); // true
 * ```
 */
export function isQualifier(value: unknown): value is string {
  return typeof value === 'string' && QUALIFIER_PATTERN.test(value);
}
