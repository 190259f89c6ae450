import {
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolCommand,
  type DescribeUserPoolCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';

import { createAwsClients } from '../aws/awsClients.js';
import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import { CliError } from '../errors.js';
import type { DeleteOutcome } from './deleteAgentRuntime.js';

/**
 * Deletes a Cognito user pool: its hosted-UI domains first (DeleteUserPoolDomain, which
 * `setup-cognito --m2m` creates; Cognito refuses to delete a pool that has one), then
 * DeleteUserPool.
 *
 * @param context - The AWS context.
 * @param pool - The pool id and its region (from the credentials file).
 * @returns `already deleted` when the pool did not exist.
 * @throws {@link CliError} `ERR_INVALID_INPUT` when deletion protection is on;
 *   {@link AwsRequestError} when a request fails.
 */
export async function deleteCognitoUserPool(
  context: AwsContext,
  pool: { userPoolId: string; region: string },
): Promise<DeleteOutcome> {
  const cognito =
    pool.region === context.clients.target.region
      ? context.clients.cognito
      : createAwsClients({ ...context.clients.target, region: pool.region }).cognito;
  let described: DescribeUserPoolCommandOutput;
  try {
    described = await context.aws.send(
      cognito,
      new DescribeUserPoolCommand({ UserPoolId: pool.userPoolId }),
      () => ({}) as DescribeUserPoolCommandOutput,
    );
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return 'already deleted';
    throw error;
  }
  const { Domain, CustomDomain, DeletionProtection } = described.UserPool ?? {};
  if (DeletionProtection === 'ACTIVE') {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `Cognito user pool ${pool.userPoolId} has deletion protection on: turn it off in the Cognito console (user pool settings), then run agentcore-mcp destroy again`,
    );
  }
  for (const domain of [Domain, CustomDomain]) {
    if (!domain) continue;
    await context.aws.send(
      cognito,
      new DeleteUserPoolDomainCommand({ UserPoolId: pool.userPoolId, Domain: domain }),
      () => ({}),
    );
  }
  await context.aws.send(
    cognito,
    new DeleteUserPoolCommand({ UserPoolId: pool.userPoolId }),
    () => ({}),
  );
  return 'deleted';
}
