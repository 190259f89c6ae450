import type { z } from 'zod';

import { AgentCoreMcpError } from '../errors.js';
import { innerSchema, wrappedSchema, WRAPPER_KEY } from './internal/authorizerConfigSchema.js';

/**
 * One `customClaims` rule of an AgentCore `customJWTAuthorizer`: the named claim of the token must
 * match the configured value. `EQUALS` goes with `STRING`; `CONTAINS` and `CONTAINS_ANY` go with
 * `STRING_ARRAY`. `matchValueString` is set for `EQUALS`/`CONTAINS`, `matchValueStringList` for
 * `CONTAINS_ANY` (exactly one of the two).
 */
export interface CustomClaimRule {
  /** The claim to check, e.g. `department` or `cognito:groups` (a top-level claim name). */
  inboundTokenClaimName: string;
  /** The type the claim must have in the token: a string or an array of strings. */
  inboundTokenClaimValueType: 'STRING' | 'STRING_ARRAY';
  /** The value(s) to match and how. */
  authorizingClaimMatchValue: {
    claimMatchValue: { matchValueString?: string; matchValueStringList?: string[] };
    claimMatchOperator: 'EQUALS' | 'CONTAINS' | 'CONTAINS_ANY';
  };
}

/**
 * The inner object of AgentCore's `authorizerConfiguration.customJWTAuthorizer`, as AWS returns it
 * and as `agentcore-mcp` writes it. Only `discoveryUrl` is required; every list, when present, has at
 * least one entry.
 */
export interface JwtAuthorizerConfig {
  /** The issuer's OIDC discovery URL, ending in `/.well-known/openid-configuration`. */
  discoveryUrl: string;
  /** Allowed values of the token's `client_id` claim (Cognito access tokens carry `client_id`). */
  allowedClients?: string[];
  /** Allowed values of the token's `aud` claim (a string or an array in the token). */
  allowedAudience?: string[];
  /** The token must carry at least one of these in `scope` (or `scp`). */
  allowedScopes?: string[];
  /** Further claim rules; every rule must pass. */
  customClaims?: CustomClaimRule[];
}

const SHAPES = `expected {"${WRAPPER_KEY}": {...}}, its inner object, or a JSON string of either`;

/**
 * Validates a `customJWTAuthorizer` configuration and returns its inner object. Accepts the object
 * AWS returns and `agentcore-mcp` writes (`{"customJWTAuthorizer": {...}}`), the inner object alone,
 * or a JSON string of either. Unknown keys are rejected, so typos do not silently weaken the check.
 *
 * @param input - The configuration, as an object or a JSON string.
 * @returns The validated inner configuration (a fresh object).
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` with a one-line message that names the bad
 *   key path and what is expected, e.g. `Invalid authorizer config:
 *   customJWTAuthorizer.allowedClients: expected a non-empty list of strings`.
 * @example
 * ```ts
 * const config = parseAuthorizerConfig(
 *   '{"customJWTAuthorizer":{"discoveryUrl":"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC/.well-known/openid-configuration","allowedClients":["1a2b3c"]}}',
 * );
 * // config.allowedClients: ['1a2b3c']
 * ```
 */
export function parseAuthorizerConfig(input: unknown): JwtAuthorizerConfig {
  const value = typeof input === 'string' ? parseJson(input) : input;
  if (!isPlainObject(value)) fail(SHAPES);
  let issues: readonly z.core.$ZodIssue[];
  if (Object.hasOwn(value, WRAPPER_KEY)) {
    const result = wrappedSchema.safeParse(value);
    if (result.success) return result.data[WRAPPER_KEY];
    issues = result.error.issues;
  } else {
    const result = innerSchema.safeParse(value);
    if (result.success) return result.data;
    issues = result.error.issues;
  }
  // A typo shows up as an unknown key plus a missing one; the unknown key is the better hint.
  const issue = issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? issues[0];
  if (issue === undefined) fail(SHAPES);
  const path: PropertyKey[] = [...issue.path];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  fail(path.length === 0 ? issue.message : `${formatPath(path)}: ${issue.message}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    fail(`the string is not valid JSON; ${SHAPES}`, cause);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      return index === 0 ? String(segment) : `.${String(segment)}`;
    })
    .join('');
}

function fail(problem: string, cause?: unknown): never {
  const message = `Invalid authorizer config: ${problem}`;
  throw new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    message,
    cause === undefined ? undefined : { cause },
  );
}
