import type { JWTPayload } from 'jose';

import { AgentCoreMcpError } from '../../errors.js';
import { quoteInput } from '../../internal/quoteInput.js';
import type { CustomClaimRule } from '../authorizerConfig.js';

/**
 * Applies every `customClaims` rule: `STRING` + `EQUALS` (the claim equals `matchValueString`),
 * `STRING_ARRAY` + `CONTAINS` (the array includes `matchValueString`), `STRING_ARRAY` +
 * `CONTAINS_ANY` (the array includes any of `matchValueStringList`). A missing claim or a claim of
 * the wrong type fails. Messages name the claim but never its value.
 *
 * @internal Not part of the public API.
 * @param payload - The verified claims.
 * @param rules - The configured rules, if any.
 * @throws {@link AgentCoreMcpError} `ERR_TOKEN_CLAIM_MISMATCH` naming the first failing claim.
 * @example
 * ```ts
 * checkCustomClaims({ department: 'eng' }, config.customClaims);
 * ```
 */
export function checkCustomClaims(
  payload: JWTPayload,
  rules: readonly CustomClaimRule[] | undefined,
): void {
  for (const rule of rules ?? []) {
    const problem = findProblem(payload, rule);
    if (problem === undefined) continue;
    throw new AgentCoreMcpError(
      'ERR_TOKEN_CLAIM_MISMATCH',
      `Token claim ${quoteInput(rule.inboundTokenClaimName)} ${problem}: required by the authorizer's customClaims`,
    );
  }
}

function findProblem(payload: JWTPayload, rule: CustomClaimRule): string | undefined {
  const { inboundTokenClaimName: name, inboundTokenClaimValueType: type } = rule;
  const { claimMatchOperator: operator, claimMatchValue: expected } =
    rule.authorizingClaimMatchValue;
  if (!Object.hasOwn(payload, name)) return 'is missing';
  const value = payload[name];
  if (type === 'STRING') {
    if (typeof value !== 'string') return 'is not a string';
  } else if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    return 'is not a list of strings';
  }
  switch (operator) {
    case 'EQUALS':
      return value === expected.matchValueString
        ? undefined
        : 'does not equal the configured value';
    case 'CONTAINS':
      return Array.isArray(value) &&
        expected.matchValueString !== undefined &&
        value.includes(expected.matchValueString)
        ? undefined
        : 'does not contain the configured value';
    case 'CONTAINS_ANY':
      return Array.isArray(value) &&
        (expected.matchValueStringList ?? []).some((item) => value.includes(item))
        ? undefined
        : 'contains none of the configured values';
  }
}
