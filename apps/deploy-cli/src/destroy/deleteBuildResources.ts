import { DeleteProjectCommand } from '@aws-sdk/client-codebuild';
import { DeleteRepositoryCommand } from '@aws-sdk/client-ecr';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import type { DeleteOutcome } from './deleteAgentRuntime.js';

/**
 * Deletes the ECR repository with all its images (DeleteRepository, `force`).
 *
 * @param context - The AWS context.
 * @param repository - Its name and registry (account) id.
 * @returns `already deleted` when it did not exist.
 * @throws {@link AwsRequestError} when the request fails otherwise.
 */
export async function deleteEcrRepository(
  context: AwsContext,
  repository: { name: string; registryId: string },
): Promise<DeleteOutcome> {
  try {
    await context.aws.send(
      context.clients.ecr,
      new DeleteRepositoryCommand({
        repositoryName: repository.name,
        registryId: repository.registryId,
        force: true,
      }),
      () => ({}),
    );
    return 'deleted';
  } catch (error) {
    if (isAwsError(error, 'RepositoryNotFoundException')) return 'already deleted';
    throw error;
  }
}

/**
 * Deletes the CodeBuild project (DeleteProject).
 *
 * @param context - The AWS context.
 * @param project - The project name.
 * @returns `already deleted` when it did not exist.
 * @throws {@link AwsRequestError} when the request fails otherwise.
 */
export async function deleteCodeBuildProject(
  context: AwsContext,
  project: string,
): Promise<DeleteOutcome> {
  try {
    await context.aws.send(
      context.clients.codeBuild,
      new DeleteProjectCommand({ name: project }),
      () => ({}),
    );
    return 'deleted';
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return 'already deleted';
    throw error;
  }
}

/**
 * Deletes the uploaded source archive (DeleteObject); the shared bucket stays.
 *
 * @param context - The AWS context.
 * @param object - Bucket and key.
 * @returns `already deleted` when the bucket is gone (S3 does not say whether a key existed).
 * @throws {@link AwsRequestError} when the request fails otherwise.
 */
export async function deleteSourceObject(
  context: AwsContext,
  object: { bucket: string; key: string },
): Promise<DeleteOutcome> {
  try {
    await context.aws.send(
      context.clients.s3,
      new DeleteObjectCommand({ Bucket: object.bucket, Key: object.key }),
      () => ({}),
    );
    return 'deleted';
  } catch (error) {
    if (isAwsError(error, 'NoSuchBucket', 'NoSuchKey')) return 'already deleted';
    throw error;
  }
}
