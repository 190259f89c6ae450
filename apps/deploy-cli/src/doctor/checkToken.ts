import {
  AgentCoreMcpError,
  createJwtAuthorizer,
  type JwtAuthorizerConfig,
} from '@agentcore-mcp/core';

import { DISCOVERY_TIMEOUT_MS } from '../configure/readDiscoveryDocument.js';
import { type DoctorCheck, errorMessage, failed, passed } from './doctorCheck.js';
import type { DoctorTokenSource } from './findTokenSource.js';

/** The name of the token check. */
export const TOKEN_CHECK = 'token';

/** A token that expires sooner than this fails the check: it would not last a session. */
export const MIN_TOKEN_LIFETIME_MS = 5 * 60_000;

/** What the token check found: the line, and the token when it is good to use. */
export interface TokenCheckResult {
  readonly check: DoctorCheck;
  /** The verified token (never printed). */
  readonly token?: string | undefined;
}

/** The core messages already say what to do; this points at the longer explanation. */
const REJECTED_FIX = 'see docs/troubleshooting.md#token-rejected';

/**
 * Checks a bearer token the way the runtime's `customJWTAuthorizer` will: signature against the
 * issuer's JWKS, issuer, expiry, allowed clients or audience, scopes and custom claims (core's
 * `createJwtAuthorizer`), and that it stays valid for at least 5 more minutes. The token itself is
 * never printed.
 *
 * @param authorizer - The runtime's `customJWTAuthorizer`.
 * @param source - Where the token comes from; `undefined` when there is none.
 * @returns The check, and the token when it passed.
 * @example
 * ```ts
 * const { check, token } = await checkToken(authorizer, findTokenSource(options, environment));
 * ```
 */
export async function checkToken(
  authorizer: JwtAuthorizerConfig,
  source: DoctorTokenSource | undefined,
): Promise<TokenCheckResult> {
  if (source === undefined) {
    return {
      check: failed(
        TOKEN_CHECK,
        'no token: no --token, BEARER_TOKEN or .agentcore-mcp/cognito-credentials.json',
        'run agentcore-mcp setup-cognito, or eval "$(agentcore-mcp token --shell)"',
      ),
    };
  }
  let token: string;
  try {
    token = await source.getToken();
  } catch (error) {
    return {
      check: failed(
        TOKEN_CHECK,
        `cannot get a token from ${source.description}: ${errorMessage(error)}`,
        'run agentcore-mcp setup-cognito again',
      ),
    };
  }
  let expiresAt: Date | undefined;
  let client: string | undefined;
  try {
    const authorizerOptions = { discoveryTimeoutMs: DISCOVERY_TIMEOUT_MS };
    const principal = await createJwtAuthorizer(authorizer, authorizerOptions).verify(token);
    expiresAt = principal.expiresAt;
    client = principal.clientId ?? principal.audience[0];
  } catch (error) {
    const fix =
      error instanceof AgentCoreMcpError && error.code === 'ERR_AUTHORIZER_UNAVAILABLE'
        ? "check the authorizer's discovery URL and its jwks_uri"
        : REJECTED_FIX;
    return { check: failed(TOKEN_CHECK, `${source.description}: ${errorMessage(error)}`, fix) };
  }
  const left = (expiresAt?.getTime() ?? Number.POSITIVE_INFINITY) - Date.now();
  if (left < MIN_TOKEN_LIFETIME_MS) {
    return {
      check: failed(
        TOKEN_CHECK,
        `${source.description}: the token expires in ${Math.max(0, Math.round(left / 1000))} s (${expiresAt?.toISOString() ?? ''})`,
        'get a fresh one: agentcore-mcp token',
      ),
    };
  }
  const lifetime = expiresAt ? `, expires in ${Math.floor(left / 60_000)} min` : '';
  return {
    check: passed(
      TOKEN_CHECK,
      `${source.description}: valid for client ${client ?? '(none)'}${lifetime}`,
    ),
    token,
  };
}
