import { decodeJwt } from 'jose';

/**
 * When an access token expires: its JWT `exp` claim if it is a JWT with one, else `expiresIn`
 * seconds (OAuth `expires_in`, Cognito `ExpiresIn`) from `now`, else `undefined`. The token is
 * only decoded, never verified: the issuer just handed it to us over TLS.
 *
 * @param accessToken - The token as issued.
 * @param expiresIn - The lifetime in seconds the issuer reported, if any.
 * @param now - The time the token was received, in epoch milliseconds. Default: `Date.now()`.
 * @returns The expiry, or `undefined` when neither source gives one.
 */
export function readTokenExpiry(
  accessToken: string,
  expiresIn: unknown,
  now = Date.now(),
): Date | undefined {
  const exp = readExpClaim(accessToken);
  if (exp !== undefined) return new Date(exp * 1000);
  const seconds = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) {
    return new Date(now + seconds * 1000);
  }
  return undefined;
}

function readExpClaim(accessToken: string): number | undefined {
  try {
    const { exp } = decodeJwt(accessToken);
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : undefined;
  } catch {
    return undefined; // An opaque token: fall back to expires_in.
  }
}
