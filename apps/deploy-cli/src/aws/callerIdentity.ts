import type { AwsPartition } from '@agentcore-mcp/core';
import { GetCallerIdentityCommand, type GetCallerIdentityCommandOutput } from '@aws-sdk/client-sts';

import type { AwsContext } from './awsContext.js';

/** The account a dry run shows in ARNs (AWS's documentation account), since it sends nothing. */
export const DRY_RUN_ACCOUNT = '111122223333';

/** Who the deployment runs as. */
export interface CallerIdentity {
  readonly account: string;
  /** `aws`, `aws-cn` or `aws-us-gov`, from the caller's ARN. */
  readonly partition: AwsPartition;
  readonly arn: string;
}

/** Asks STS who we are (also the first check that credentials work). */
export async function readCallerIdentity(context: AwsContext): Promise<CallerIdentity> {
  const output = await context.aws.send<GetCallerIdentityCommandOutput>(
    context.clients.sts,
    new GetCallerIdentityCommand({}),
    () => ({
      Account: DRY_RUN_ACCOUNT,
      Arn: `arn:aws:iam::${DRY_RUN_ACCOUNT}:user/dry-run`,
      $metadata: {},
    }),
  );
  const arn = output.Arn ?? '';
  const partition = arn.split(':')[1];
  return {
    account: output.Account ?? '',
    partition: partition === 'aws-cn' || partition === 'aws-us-gov' ? partition : 'aws',
    arn,
  };
}
