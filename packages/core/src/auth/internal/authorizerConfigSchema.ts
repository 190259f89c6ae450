import { z } from 'zod';

import { AGENTCORE_RULES } from '../../agentCoreRules.js';
import { suggestClaimMatchValue, suggestClaimName } from '../../internal/suggestAwsValue.js';

/** The path every discovery URL ends in. */
const DISCOVERY_SUFFIX = '/.well-known/openid-configuration';
const SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
const { claimName: CLAIM_NAME_RULE, claimMatchValue: MATCH_VALUE_RULE } = AGENTCORE_RULES;
/** The key AWS wraps the authorizer in: `{"customJWTAuthorizer": {...}}`. */
export const WRAPPER_KEY = 'customJWTAuthorizer';

/** A zod error option: `missing; <expected>` for an absent key, `<expected>` for anything else. */
function withMessage(expected: string) {
  return {
    error: (issue: { code: string; input?: unknown }) =>
      issue.code === 'invalid_type' && issue.input === undefined
        ? `missing; ${expected}`
        : expected,
  };
}

function strictObject<TShape extends z.ZodRawShape>(shape: TShape) {
  const keys = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown key; expected only ${keys}`
        : `expected an object with ${keys}`,
  });
}

function stringList(item: z.ZodString, itemExpected: string) {
  const listExpected = 'expected a non-empty list of strings';
  return z
    .array(item.min(1, itemExpected).max(255, itemExpected), withMessage(listExpected))
    .min(1, listExpected);
}

const discoveryUrlExpected = `expected an http(s) URL ending in ${DISCOVERY_SUFFIX}`;
const matchValueExpected = `expected 1-255 letters, digits, "_", "." or "-" (${MATCH_VALUE_RULE.shape}: no spaces)`;
const claimNameExpected = `expected 1-255 letters, digits, "_", ".", "/" or ":" (${CLAIM_NAME_RULE.shape}; "-" is not allowed)`;

/**
 * The error of a value the rule's pattern refuses: what is expected, then a value the rule
 * accepts when one can be made from it (it only helps if the token carries that form, hence the
 * condition in the message).
 */
function refusedWithSuggestion(
  expected: string,
  suggest: (value: string) => string | undefined,
  condition: string,
) {
  return {
    error: (issue: { input?: unknown }) => {
      const suggestion = typeof issue.input === 'string' ? suggest(issue.input) : undefined;
      return suggestion === undefined
        ? expected
        : `${expected}; try "${suggestion}" (${condition})`;
    },
  };
}

const claimNameRefused = refusedWithSuggestion(
  claimNameExpected,
  suggestClaimName,
  'if the token carries the claim under that name',
);
const matchValueRefused = refusedWithSuggestion(
  matchValueExpected,
  suggestClaimMatchValue,
  'if the token carries that value',
);

const claimRuleSchema = strictObject({
  inboundTokenClaimName: z
    .string(withMessage('expected a claim name'))
    .regex(CLAIM_NAME_RULE.pattern, claimNameRefused)
    .max(255, 'expected at most 255 characters'),
  inboundTokenClaimValueType: z.enum(
    ['STRING', 'STRING_ARRAY'],
    withMessage('expected STRING or STRING_ARRAY'),
  ),
  authorizingClaimMatchValue: strictObject({
    claimMatchValue: strictObject({
      matchValueString: z
        .string(withMessage(matchValueExpected))
        .regex(MATCH_VALUE_RULE.pattern, matchValueRefused)
        .min(1, matchValueExpected)
        .max(255, matchValueExpected)
        .optional(),
      matchValueStringList: stringList(
        z
          .string(withMessage(matchValueExpected))
          .regex(MATCH_VALUE_RULE.pattern, matchValueRefused),
        matchValueExpected,
      ).optional(),
    }),
    claimMatchOperator: z.enum(
      ['EQUALS', 'CONTAINS', 'CONTAINS_ANY'],
      withMessage('expected EQUALS, CONTAINS or CONTAINS_ANY'),
    ),
  }),
}).superRefine((rule, context) => {
  const { claimMatchOperator: operator, claimMatchValue: value } = rule.authorizingClaimMatchValue;
  const base = ['authorizingClaimMatchValue'];
  const wantedType = operator === 'EQUALS' ? 'STRING' : 'STRING_ARRAY';
  if (rule.inboundTokenClaimValueType !== wantedType) {
    const hint =
      operator === 'EQUALS'
        ? 'use CONTAINS or CONTAINS_ANY for STRING_ARRAY'
        : 'use EQUALS for STRING';
    context.addIssue({
      code: 'custom',
      path: [...base, 'claimMatchOperator'],
      message: `${operator} needs inboundTokenClaimValueType ${wantedType}; ${hint}`,
    });
    return;
  }
  if (value.matchValueString !== undefined && value.matchValueStringList !== undefined) {
    context.addIssue({
      code: 'custom',
      path: [...base, 'claimMatchValue'],
      message: 'set exactly one of matchValueString or matchValueStringList',
    });
    return;
  }
  const wantedKey = operator === 'CONTAINS_ANY' ? 'matchValueStringList' : 'matchValueString';
  if (value[wantedKey] === undefined) {
    context.addIssue({
      code: 'custom',
      path: [...base, 'claimMatchValue', wantedKey],
      message: `missing; ${operator} needs ${wantedKey === 'matchValueString' ? 'a string of 1-255 characters' : 'a non-empty list of strings'}`,
    });
  }
});

/**
 * The zod schema of the inner `customJWTAuthorizer` object (AgentCore control-plane rules, see
 * agentcore.md §3.1). Every message says what is expected; `parseAuthorizerConfig` adds the path.
 *
 * @internal Not part of the public API.
 */
export const innerSchema = strictObject({
  discoveryUrl: z
    .string(withMessage(discoveryUrlExpected))
    .refine(isDiscoveryUrl, discoveryUrlExpected),
  allowedClients: stringList(
    z.string(withMessage('expected a client id')),
    'expected a client id of 1-255 characters',
  ).optional(),
  allowedAudience: stringList(
    z.string(withMessage('expected an audience')),
    'expected an audience of 1-255 characters',
  ).optional(),
  allowedScopes: stringList(
    z
      .string(withMessage('expected a scope'))
      .regex(SCOPE_PATTERN, 'expected a scope of printable ASCII without spaces, " or \\'),
    'expected a scope of 1-255 characters',
  ).optional(),
  customClaims: z
    .array(claimRuleSchema, withMessage('expected a non-empty list of claim rules'))
    .min(1, 'expected a non-empty list of claim rules')
    .optional(),
});

/**
 * The schema of `{"customJWTAuthorizer": {...}}`.
 *
 * @internal Not part of the public API.
 */
export const wrappedSchema = strictObject({ [WRAPPER_KEY]: innerSchema });

function isDiscoveryUrl(value: string): boolean {
  if (!value.endsWith(DISCOVERY_SUFFIX)) return false;
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.pathname.endsWith(DISCOVERY_SUFFIX)
    );
  } catch {
    return false;
  }
}
