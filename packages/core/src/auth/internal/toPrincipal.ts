import type { JWTPayload } from 'jose';

import { AgentCoreMcpError } from '../../errors.js';
import type { Principal } from '../createJwtAuthorizer.js';
import { readAudience, readScopes, readString } from './readClaims.js';

/**
 * Builds the {@link Principal} of a verified token: `sub`, the Cognito username (`username` in
 * access tokens, `cognito:username` in ID tokens), the client (`client_id`, else `azp`), scopes,
 * audience as a list, issuer, expiry and all claims.
 *
 * @internal Not part of the public API.
 * @param payload - The verified claims; `iss`, `sub` and `exp` are known to be present.
 * @returns The principal.
 * @throws {@link AgentCoreMcpError} `ERR_TOKEN_INVALID` when `sub` is not a string.
 * @example
 * ```ts
 * const principal = toPrincipal(payload, issuer);
 * ```
 */
export function toPrincipal(payload: JWTPayload, issuer: string): Principal {
  const { sub: subject, exp } = payload;
  if (typeof subject !== 'string' || subject === '') {
    throw new AgentCoreMcpError(
      'ERR_TOKEN_INVALID',
      'Token claim "sub" is not a non-empty string: expected the subject identifier',
    );
  }
  const username = readString(payload, 'username') ?? readString(payload, 'cognito:username');
  const clientId = readString(payload, 'client_id') ?? readString(payload, 'azp');
  return {
    subject,
    ...(username === undefined ? {} : { username }),
    ...(clientId === undefined ? {} : { clientId }),
    scopes: readScopes(payload),
    audience: readAudience(payload),
    issuer,
    ...(typeof exp === 'number' ? { expiresAt: new Date(exp * 1000) } : {}),
    claims: { ...payload },
  };
}
