import { writeFileSync } from 'node:fs';

import type { CognitoTarget } from '../aws/cognitoTarget.js';

/** The runtime's inbound auth, as `CreateAgentRuntime` takes it in `authorizerConfiguration`. */
export interface AuthorizerConfig {
  /** AgentCore's JWT authorizer: tokens must verify against the discovery document. */
  customJWTAuthorizer: {
    /** `https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/openid-configuration`. */
    discoveryUrl: string;
    /** The app client ids whose tokens are accepted (`client_id` claim). */
    allowedClients: string[];
  };
}

/** The file name `setup-cognito` writes into the output directory. */
export const AUTHORIZER_CONFIG_FILE = 'authorizer_config.json';

/**
 * The OIDC discovery URL of a user pool: on AWS
 * `https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/openid-configuration`, or the
 * same path under a local endpoint.
 *
 * @param target - The region and optional local endpoint.
 * @param userPoolId - The pool id.
 * @returns The discovery URL.
 * @example
 * ```ts
 * buildDiscoveryUrl({ region: 'us-east-1' }, 'us-east-1_AbC');
 * // https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC/.well-known/openid-configuration
 * ```
 */
export function buildDiscoveryUrl(target: CognitoTarget, userPoolId: string): string {
  const origin = target.endpoint ?? `https://cognito-idp.${target.region}.amazonaws.com`;
  return `${origin}/${userPoolId}/.well-known/openid-configuration`;
}

/**
 * Writes `authorizer_config.json`: `{"customJWTAuthorizer":{"discoveryUrl":…,"allowedClients":[…]}}`.
 * It holds no secret.
 *
 * @param path - The file to write.
 * @param config - The discovery URL and allowed client ids.
 * @returns The config written.
 */
export function writeAuthorizerConfig(
  path: string,
  config: { discoveryUrl: string; allowedClients: string[] },
): AuthorizerConfig {
  const authorizer: AuthorizerConfig = {
    customJWTAuthorizer: {
      discoveryUrl: config.discoveryUrl,
      allowedClients: config.allowedClients,
    },
  };
  writeFileSync(path, `${JSON.stringify(authorizer, null, 2)}\n`);
  return authorizer;
}
