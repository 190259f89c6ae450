import {
  CreateRepositoryCommand,
  type CreateRepositoryCommandOutput,
  DescribeRepositoriesCommand,
  type DescribeRepositoriesCommandOutput,
} from '@aws-sdk/client-ecr';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';

/**
 * Finds the runtime's ECR repository or creates it (scan on push, tagged as ours).
 *
 * @returns The repository URI, `<account>.dkr.ecr.<region>.amazonaws.com/<name>`.
 */
export async function ensureEcrRepository(
  context: AwsContext,
  repository: { name: string; account: string },
): Promise<{ uri: string; created: boolean }> {
  const { region } = context.clients.target;
  const expectedUri = `${repository.account}.dkr.ecr.${region}.amazonaws.com/${repository.name}`;
  try {
    const found = await context.aws.send<DescribeRepositoriesCommandOutput>(
      context.clients.ecr,
      new DescribeRepositoriesCommand({ repositoryNames: [repository.name] }),
      () => ({ repositories: [], $metadata: {} }),
    );
    const uri = found.repositories?.[0]?.repositoryUri;
    if (uri !== undefined) return { uri, created: false };
  } catch (error) {
    if (!isAwsError(error, 'RepositoryNotFoundException')) throw error;
  }
  const created = await context.aws.send<CreateRepositoryCommandOutput>(
    context.clients.ecr,
    new CreateRepositoryCommand({
      repositoryName: repository.name,
      imageScanningConfiguration: { scanOnPush: true },
      imageTagMutability: 'MUTABLE',
      tags: [{ Key: 'managed-by', Value: 'agentcore-mcp' }],
    }),
    () => ({ repository: { repositoryUri: expectedUri }, $metadata: {} }),
  );
  return { uri: created.repository?.repositoryUri ?? expectedUri, created: true };
}
