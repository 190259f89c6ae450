import { decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';

import { AgentCoreMcpError } from '../errors.js';
import { type JwtAuthorizerConfig, parseAuthorizerConfig } from './authorizerConfig.js';
import { checkAllowedClient } from './internal/checkAllowedClient.js';
import { checkCustomClaims } from './internal/checkCustomClaims.js';
import { checkScopes } from './internal/checkScopes.js';
import { createDiscoveryLoader } from './internal/createDiscoveryLoader.js';
import { createJwksResolver } from './internal/createJwksResolver.js';
import { toPrincipal } from './internal/toPrincipal.js';
import { toTokenError } from './internal/toTokenError.js';

/** Options of {@link createJwtAuthorizer}. */
export interface JwtAuthorizerOptions {
  /** Allowed clock skew, in seconds, when checking `exp` and `nbf`. Default: `30`. */
  clockToleranceSeconds?: number;
  /**
   * Minimum time, in milliseconds, between JWKS refetches triggered by a token with an unknown
   * `kid`, counted from the last fetch attempt (successful or not). Until a first JWKS fetch
   * succeeds, every `verify` tries again. Default: `30000`.
   */
  jwksCooldownMs?: number;
  /** Timeout, in milliseconds, of each discovery and JWKS request. Default: `5000`. */
  discoveryTimeoutMs?: number;
}

/** Who a verified token belongs to, as returned by {@link JwtAuthorizer.verify}. */
export interface Principal {
  /** The `sub` claim. */
  subject: string;
  /** The Cognito user name: `username` (access tokens) or `cognito:username` (ID tokens). */
  username?: string;
  /** The client: `client_id` (Cognito access tokens), else `azp`. */
  clientId?: string;
  /** The granted scopes, from `scope` (space-separated) and/or `scp`; `[]` when none. */
  scopes: string[];
  /** The `aud` claim as a list; `[]` when absent. */
  audience: string[];
  /** The issuer, equal to the discovery document's `issuer`. */
  issuer: string;
  /** When the token expires (`exp`). */
  expiresAt?: Date;
  /** Every claim of the token. */
  claims: Record<string, unknown>;
}

/** Verifies bearer tokens the way an AgentCore `customJWTAuthorizer` does. */
export interface JwtAuthorizer {
  /** The validated configuration. */
  readonly config: JwtAuthorizerConfig;
  /**
   * Verifies a token and returns its principal.
   *
   * @param token - The raw JWT, e.g. from {@link readBearerToken}.
   * @returns The principal.
   * @throws {@link AgentCoreMcpError} with one of the `ERR_TOKEN_*` codes or
   *   `ERR_AUTHORIZER_UNAVAILABLE`; see {@link createJwtAuthorizer}.
   */
  verify(token: string): Promise<Principal>;
}

/** Asymmetric algorithms only: `none` and the HMAC family (HS*) are always rejected. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

/**
 * Creates a verifier with the semantics of AgentCore's `customJWTAuthorizer`. On first use it fetches
 * the OIDC discovery document (`issuer`, `jwks_uri`) and the JWKS, and keeps both: keys are reused
 * indefinitely and refetched only for an unknown `kid`, at most once per `jwksCooldownMs`. Checks,
 * in order: an allowed asymmetric algorithm and a valid signature; `iss` equal to the discovery
 * issuer; `exp` and `nbf` with `clockToleranceSeconds`; `client_id` in `allowedClients` or `aud` in
 * `allowedAudience` (when both lists are set, either match passes: AWS does not document AND vs OR,
 * so this follows the union a community emulator uses); at least one of `allowedScopes` in `scope`
 * or `scp`; every `customClaims` rule. `exp` and `sub` are required.
 *
 * @param config - The `customJWTAuthorizer` configuration (see {@link parseAuthorizerConfig}).
 * @param options - Clock tolerance, JWKS cooldown and request timeout.
 * @returns The authorizer; `verify` does the I/O, so creating one never fails on the network.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when the config or an option is invalid.
 *   `verify` rejects with `ERR_TOKEN_MISSING` (empty), `ERR_TOKEN_INVALID` (not a JWT, bad
 *   signature, disallowed algorithm, unknown key, missing `exp`/`sub`), `ERR_TOKEN_EXPIRED`,
 *   `ERR_TOKEN_NOT_YET_VALID`, `ERR_TOKEN_WRONG_ISSUER`, `ERR_TOKEN_WRONG_CLIENT`,
 *   `ERR_TOKEN_INSUFFICIENT_SCOPE`, `ERR_TOKEN_CLAIM_MISMATCH`, or `ERR_AUTHORIZER_UNAVAILABLE`
 *   (discovery or JWKS unreachable with nothing cached). Messages never contain the token.
 * @example
 * ```ts
 * const authorizer = createJwtAuthorizer(parseAuthorizerConfig(process.env.AUTHORIZER_CONFIG));
 * const principal = await authorizer.verify(readBearerToken(req.headers.authorization));
 * console.log(principal.subject, principal.scopes);
 * ```
 */
export function createJwtAuthorizer(
  config: JwtAuthorizerConfig,
  options: JwtAuthorizerOptions = {},
): JwtAuthorizer {
  const validConfig = parseAuthorizerConfig(config);
  const clockToleranceSeconds = readOption(options, 'clockToleranceSeconds', 30);
  const cooldownMs = readOption(options, 'jwksCooldownMs', 30_000);
  const timeoutMs = readOption(options, 'discoveryTimeoutMs', 5000);
  const loadDiscovery = createDiscoveryLoader(validConfig.discoveryUrl, timeoutMs);
  let getKey: JWTVerifyGetKey | undefined;

  return {
    config: validConfig,
    async verify(token) {
      assertJwtShape(token);
      const { issuer, jwksUri } = await loadDiscovery();
      getKey ??= createJwksResolver(jwksUri, { cooldownMs, timeoutMs });
      const { payload } = await jwtVerify(token, getKey, {
        algorithms: ALGORITHMS,
        issuer,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }).catch((error: unknown) => {
        throw toTokenError(error, { issuer, clockToleranceSeconds });
      });
      const principal = toPrincipal(payload, issuer);
      checkAllowedClient(payload, validConfig);
      checkScopes(principal.scopes, validConfig.allowedScopes);
      checkCustomClaims(payload, validConfig.customClaims);
      return principal;
    },
  };
}

/** Cheap checks before any network I/O: a three-part JWS with an allowed `alg`. */
function assertJwtShape(token: unknown): asserts token is string {
  if (typeof token !== 'string' || token === '') {
    throw new AgentCoreMcpError(
      'ERR_TOKEN_MISSING',
      'No token to verify: expected a JWT (agentcore-mcp token prints one)',
    );
  }
  const parts = token.split('.').length;
  if (parts !== 3) {
    const hint = parts === 5 ? ' (this looks like an encrypted JWE)' : '';
    throw invalid(
      `Token is not a signed JWT${hint}: expected header.payload.signature in base64url`,
    );
  }
  let alg: unknown;
  try {
    ({ alg } = decodeProtectedHeader(token));
  } catch (cause) {
    throw invalid('Token header is not valid base64url JSON: expected a signed JWT', cause);
  }
  if (typeof alg !== 'string' || !ALGORITHMS.includes(alg)) {
    throw invalid(
      'Token algorithm is not allowed: expected an asymmetric signature (RS*, PS*, ES* or EdDSA)',
    );
  }
}

function readOption(
  options: JwtAuthorizerOptions,
  name: keyof JwtAuthorizerOptions,
  fallback: number,
): number {
  const value = options[name] ?? fallback;
  const isTimeout = name === 'discoveryTimeoutMs';
  const valid = isTimeout
    ? Number.isInteger(value) && value > 0
    : Number.isFinite(value) && value >= 0;
  if (valid) return value;
  throw new AgentCoreMcpError(
    'ERR_CONFIG_INVALID',
    `Invalid JWT authorizer option ${name}: expected ${isTimeout ? 'a whole number of milliseconds > 0' : 'a finite number >= 0'}`,
  );
}

function invalid(message: string, cause?: unknown): AgentCoreMcpError {
  return new AgentCoreMcpError(
    'ERR_TOKEN_INVALID',
    message,
    cause === undefined ? undefined : { cause },
  );
}
