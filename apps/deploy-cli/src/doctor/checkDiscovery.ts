import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';

import { checkDiscoveryUrl, DISCOVERY_TIMEOUT_MS } from '../configure/checkDiscoveryUrl.js';
import { type DoctorCheck, errorMessage, failed, passed } from './doctorCheck.js';

/** The name of the discovery URL check. */
export const DISCOVERY_CHECK = 'discovery URL';

/** The reason `checkDiscoveryUrl` puts in parentheses, without its configure-specific advice. */
const REASON = /did not give an OpenID discovery document \((.+)\): check discoveryUrl/;

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
  try {
    const { issuer, jwksUri } = await checkDiscoveryUrl(url, timeoutMs);
    return passed(DISCOVERY_CHECK, `${url} has issuer ${issuer} and jwks_uri ${jwksUri}`);
  } catch (error) {
    const message = errorMessage(error);
    const reason = REASON.exec(message)?.[1] ?? message;
    return failed(
      DISCOVERY_CHECK,
      `${url} gave no OpenID discovery document (${reason})`,
      'correct discoveryUrl (agentcore-mcp configure --authorizer-config …), then launch again',
    );
  }
}
