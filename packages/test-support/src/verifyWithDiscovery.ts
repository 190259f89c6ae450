import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';

/** What {@link verifyWithDiscovery} found. */
export interface VerifyWithDiscoveryResult {
  /** The verified claims. */
  payload: JWTPayload;
  /** The `issuer` of the discovery document, which the token's `iss` matched. */
  issuer: string;
  /** The `jwks_uri` of the discovery document, whose keys verified the signature. */
  jwksUri: string;
}

interface DiscoveryDocument {
  issuer?: unknown;
  jwks_uri?: unknown;
}

/**
 * Verifies a JWT the way an AgentCore `customJWTAuthorizer` does from its `discoveryUrl`: fetches
 * the OIDC discovery document, then checks the signature against its `jwks_uri`, the `iss` against
 * its `issuer`, and the expiry.
 *
 * @param token - The compact JWT, e.g. an access token.
 * @param discoveryUrl - `…/.well-known/openid-configuration`.
 * @returns The verified claims with the issuer and JWKS URL that were used.
 * @throws Error when the discovery document is unreachable or incomplete; jose's errors
 *   (`ERR_JWS_SIGNATURE_VERIFICATION_FAILED`, `ERR_JWT_CLAIM_VALIDATION_FAILED`, `ERR_JWT_EXPIRED`…)
 *   when the token does not verify.
 * @example
 * ```ts
 * const { payload } = await verifyWithDiscovery(accessToken, cognito.discoveryUrl(poolId));
 * expect(payload.client_id).toBe(clientId);
 * ```
 */
export async function verifyWithDiscovery(
  token: string,
  discoveryUrl: string,
): Promise<VerifyWithDiscoveryResult> {
  const response = await fetch(discoveryUrl);
  if (!response.ok) throw new Error(`GET ${discoveryUrl} answered HTTP ${response.status}`);
  const { issuer, jwks_uri: jwksUri } = (await response.json()) as DiscoveryDocument;
  if (typeof issuer !== 'string' || typeof jwksUri !== 'string') {
    throw new Error(`${discoveryUrl} has no issuer or jwks_uri`);
  }
  const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(jwksUri)), { issuer });
  return { payload, issuer, jwksUri };
}
