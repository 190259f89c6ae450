import {
  CreateUserPoolDomainCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import type { CognitoClient } from './cognitoClient.js';
import type { CognitoTarget } from './cognitoTarget.js';

/** The pool's domain, which serves `/oauth2/token`. */
export interface EnsureUserPoolDomainResult {
  /** The prefix (`agentcore-mcp-abc123`) or, for a custom domain, the host name. */
  domain: string;
  /** `true` for a custom domain (a full host name). */
  custom: boolean;
  /** `true` when this call created it. */
  created: boolean;
}

/**
 * Finds the pool's domain (DescribeUserPool) or creates a prefix domain
 * `agentcore-mcp-<pool id suffix>` (CreateUserPoolDomain). A new domain can take a minute before
 * its token endpoint answers.
 *
 * @param client - The Cognito client.
 * @param userPoolId - The pool id.
 * @returns The domain and whether it was created.
 * @throws `AwsRequestError` (`ERR_AWS_REQUEST_FAILED`) when a call fails (cognito-local answers `Unsupported`).
 * @example
 * ```ts
 * const { domain } = await ensureUserPoolDomain(client, 'us-east-1_AbCdEf123'); // agentcore-mcp-abcdef123
 * ```
 */
export async function ensureUserPoolDomain(
  client: CognitoClient,
  userPoolId: string,
): Promise<EnsureUserPoolDomainResult> {
  const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
  if (UserPool?.Domain) return { domain: UserPool.Domain, custom: false, created: false };
  if (UserPool?.CustomDomain)
    return { domain: UserPool.CustomDomain, custom: true, created: false };
  const domain = toDomainPrefix(userPoolId);
  await client.send(new CreateUserPoolDomainCommand({ UserPoolId: userPoolId, Domain: domain }));
  return { domain, custom: false, created: true };
}

/**
 * The OAuth 2.0 token endpoint of a pool domain:
 * `https://<prefix>.auth.<region>.amazoncognito.com/oauth2/token`, `https://<custom>/oauth2/token`,
 * or `<endpoint>/oauth2/token` for a local server.
 *
 * @param domain - What {@link ensureUserPoolDomain} returned.
 * @param target - The region and optional local endpoint.
 * @returns The token URL.
 */
export function buildTokenUrl(
  domain: Pick<EnsureUserPoolDomainResult, 'domain' | 'custom'>,
  target: CognitoTarget,
): string {
  if (target.endpoint !== undefined) return `${target.endpoint}/oauth2/token`;
  if (domain.custom) return `https://${domain.domain}/oauth2/token`;
  return `https://${domain.domain}.auth.${target.region}.amazoncognito.com/oauth2/token`;
}

/** Lower-case letters, digits and hyphens, without the reserved words aws, amazon and cognito. */
function toDomainPrefix(userPoolId: string): string {
  const suffix = (userPoolId.split('_').pop() ?? userPoolId)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return `agentcore-mcp-${suffix.replace(/aws|amazon|cognito/g, 'x')}`;
}
