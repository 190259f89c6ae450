import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';

import { DISCOVERY_TIMEOUT_MS, readDiscoveryDocument } from '../configure/readDiscoveryDocument.js';
import { type DoctorCheck, failed, passed } from './doctorCheck.js';

/** The name of the discovery URL check. */
export const DISCOVERY_CHECK = 'discovery URL';

/**
 * Checks that the authorizer's OIDC discovery URL answers, within 5 s, with a document that has
 * an `issuer` and a `jwks_uri`: what AgentCore fetches to verify every bearer token.
 *
 * @param authorizer - The runtime's `customJWTAuthorizer`.
 * @param timeoutMs - The request timeout. Default: 5000.
 * @returns The check: the issuer and JWKS URI, or why the document is not usable.
 * @example
 * ```ts
 * const check = await checkDiscovery(runtime.authorizer.customJWTAuthorizer);
 * ```
 */
export async function checkDiscovery(
  authorizer: JwtAuthorizerConfig,
  timeoutMs = DISCOVERY_TIMEOUT_MS,
): Promise<DoctorCheck> {
  const url = authorizer.discoveryUrl;
  const found = await readDiscoveryDocument(url, timeoutMs);
  if (found.ok) {
    return passed(
      DISCOVERY_CHECK,
      `${url} has issuer ${found.issuer} and jwks_uri ${found.jwksUri}`,
    );
  }
  return failed(
    DISCOVERY_CHECK,
    `${url} gave no OpenID discovery document (${found.reason})`,
    'correct discoveryUrl (agentcore-mcp configure --authorizer-config …), then launch again',
  );
}
