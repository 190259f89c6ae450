/**
 * One constraint that an AWS service model puts on a string member: the model's shape name, its
 * pattern (a whole-value match, as Smithy patterns are for AWS's validation) and its length
 * bounds. Rules are data, kept beside the code that owns the resource, so a message can quote the
 * exact rule AWS would apply.
 */
export interface AwsStringRule {
  /** The model shape, e.g. `bedrock-agentcore-control#HeaderName`. */
  readonly shape: string;
  /** The pattern as the model writes it, for messages, e.g. `[A-Za-z][A-Za-z0-9_-]{0,255}`. */
  readonly modelPattern?: string | undefined;
  /** The same pattern, anchored at both ends. Default: no pattern. */
  readonly pattern?: RegExp | undefined;
  /** The shortest length allowed. */
  readonly min: number;
  /** The longest length allowed. */
  readonly max: number;
}

/**
 * Checks a value against an AWS model rule.
 *
 * @param rule - The rule.
 * @param value - The value we would send.
 * @returns `undefined` when AWS would accept it, else the broken part of the rule in words, e.g.
 *   `it must match [A-Za-z][A-Za-z0-9_-]{0,255} (bedrock-agentcore-control#HeaderName)`.
 * @example
 * ```ts
 * findAwsStringProblem(HEADER_NAME_RULE, '1-Tenant');
 * // 'it must match [A-Za-z][A-Za-z0-9_-]{0,255} (bedrock-agentcore-control#HeaderName)'
 * ```
 */
export function findAwsStringProblem(rule: AwsStringRule, value: string): string | undefined {
  if (value.length < rule.min || value.length > rule.max) {
    const bounds = rule.min === rule.max ? `${rule.min}` : `${rule.min} to ${rule.max}`;
    return `it is ${value.length} characters long, but ${rule.shape} allows ${bounds}`;
  }
  if (rule.pattern !== undefined && !rule.pattern.test(value)) {
    return `it must match ${rule.modelPattern ?? rule.pattern.source} (${rule.shape})`;
  }
  return undefined;
}
