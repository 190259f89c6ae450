import {
  CreateUserPoolCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import type { CognitoClient } from './cognitoClient.js';

/** A user pool found or created by {@link ensureUserPool}. */
export interface EnsureUserPoolResult {
  /** The pool id, e.g. `us-east-1_AbCdEf123`. */
  id: string;
  /** `true` when this call created it, `false` when a pool of that name existed. */
  created: boolean;
}

/** The sample's password policy floor; the generated passwords are far longer. */
const MINIMUM_PASSWORD_LENGTH = 8;

/**
 * Finds the user pool named `poolName` (ListUserPools, every page) or creates it with a password
 * policy of at least 8 characters, as the AgentCore samples do.
 *
 * @param client - The Cognito client.
 * @param poolName - e.g. `MCPServerPool`.
 * @returns The pool id and whether it was created.
 * @throws `AwsRequestError` (`ERR_AWS_REQUEST_FAILED`) when a call fails.
 * @example
 * ```ts
 * const pool = await ensureUserPool(client, 'MCPServerPool');
 * ```
 */
export async function ensureUserPool(
  client: CognitoClient,
  poolName: string,
): Promise<EnsureUserPoolResult> {
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolsCommand({ MaxResults: 60, NextToken: nextToken }),
    );
    const match = page.UserPools?.find((pool) => pool.Name === poolName && pool.Id);
    if (match?.Id) return { id: match.Id, created: false };
    nextToken = page.NextToken;
  } while (nextToken);

  const { UserPool } = await client.send(
    new CreateUserPoolCommand({
      PoolName: poolName,
      Policies: { PasswordPolicy: { MinimumLength: MINIMUM_PASSWORD_LENGTH } },
    }),
  );
  if (!UserPool?.Id) throw new Error(`CreateUserPool returned no pool id for "${poolName}"`);
  return { id: UserPool.Id, created: true };
}
