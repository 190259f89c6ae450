import { errors } from 'jose';

import { AgentCoreMcpError, type ErrorCode } from '../../errors.js';
import { quoteInput } from '../../internal/quoteInput.js';

/** What {@link toTokenError} needs to phrase its messages. */
export interface TokenErrorContext {
  /** The discovery document's issuer. */
  readonly issuer: string;
  /** The clock tolerance in seconds, named in time-related messages. */
  readonly clockToleranceSeconds: number;
}

const GET_NEW_TOKEN = 'get a new one (agentcore-mcp token)';

/**
 * Turns whatever `jwtVerify` threw into an {@link AgentCoreMcpError} with the right `ERR_TOKEN_*`
 * code and a one-line message. Our own errors pass through. The message never contains the token;
 * the jose error is kept as `cause` without the decoded claims it carries.
 *
 * @internal Not part of the public API.
 * @param error - The thrown value.
 * @param context - The expected issuer and the clock tolerance.
 * @returns The error to throw.
 * @example
 * ```ts
 * try { await jwtVerify(token, getKey, options); } catch (error) { throw toTokenError(error, context); }
 * ```
 */
export function toTokenError(error: unknown, context: TokenErrorContext): AgentCoreMcpError {
  if (error instanceof AgentCoreMcpError) return error;
  const [code, message] = describe(error, context);
  return new AgentCoreMcpError(code, message, { cause: withoutClaims(error) });
}

function describe(error: unknown, context: TokenErrorContext): [ErrorCode, string] {
  if (error instanceof errors.JWTExpired) {
    return [
      'ERR_TOKEN_EXPIRED',
      `Token expired at ${formatTime(error.payload.exp)}: ${GET_NEW_TOKEN}`,
    ];
  }
  if (error instanceof errors.JWTClaimValidationFailed) return describeClaim(error, context);
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return [
      'ERR_TOKEN_INVALID',
      'Token algorithm is not allowed: expected an asymmetric signature (RS*, PS*, ES* or EdDSA)',
    ];
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return [
      'ERR_TOKEN_INVALID',
      `Token signature is invalid: the token was altered or not signed by the issuer; ${GET_NEW_TOKEN}`,
    ];
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return [
      'ERR_TOKEN_INVALID',
      `Token signing key ("kid") is not among the issuer's keys: ${GET_NEW_TOKEN} from the configured issuer`,
    ];
  }
  if (error instanceof errors.JWKSMultipleMatchingKeys) {
    return [
      'ERR_TOKEN_INVALID',
      'Token has no "kid" header and several of the issuer\'s keys match: expected a token with a "kid"',
    ];
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return [
      'ERR_TOKEN_INVALID',
      'Token is not a valid signed JWT: expected header.payload.signature in base64url',
    ];
  }
  return ['ERR_TOKEN_INVALID', `Token could not be verified: ${GET_NEW_TOKEN}`];
}

function describeClaim(
  error: errors.JWTClaimValidationFailed,
  context: TokenErrorContext,
): [ErrorCode, string] {
  const { claim, reason, payload } = error;
  if (claim === 'iss') {
    const found =
      reason === 'missing'
        ? 'Token has no "iss" claim; it'
        : `Token issuer ${quoteInput(payload.iss)}`;
    return [
      'ERR_TOKEN_WRONG_ISSUER',
      `${found} does not match the discovery issuer ${quoteInput(context.issuer)}`,
    ];
  }
  if (claim === 'nbf' && reason === 'check_failed') {
    return [
      'ERR_TOKEN_NOT_YET_VALID',
      `Token is not valid before ${formatTime(payload.nbf)} (clock tolerance ${context.clockToleranceSeconds} s): check the clocks of the issuer and this machine`,
    ];
  }
  if (reason === 'missing') {
    return [
      'ERR_TOKEN_INVALID',
      `Token has no "${claim}" claim: expected an access or ID token from the configured issuer`,
    ];
  }
  if (reason === 'invalid') {
    return [
      'ERR_TOKEN_INVALID',
      `Token claim "${claim}" is invalid: expected a NumericDate (seconds since the epoch)`,
    ];
  }
  return ['ERR_TOKEN_INVALID', `Token claim "${claim}" failed validation: ${GET_NEW_TOKEN}`];
}

function formatTime(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds)
    ? new Date(seconds * 1000).toISOString()
    : 'an unknown time';
}

/** jose's claim errors carry the decoded payload; keep name, code and message only. */
function withoutClaims(error: unknown): unknown {
  if (!(error instanceof errors.JOSEError)) return error;
  const copy = new Error(
    error.message,
    error.cause === undefined ? undefined : { cause: error.cause },
  );
  copy.name = error.name;
  return Object.assign(copy, { code: error.code });
}
