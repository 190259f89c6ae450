import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketLifecycleConfigurationCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
} from '@aws-sdk/client-s3';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';

/** Build sources are only needed while a build runs: they expire after a week. */
const SOURCE_EXPIRY_DAYS = 7;

/**
 * Uploads the build context to `s3://<bucket>/<key>`, creating the bucket on first use: private
 * (public access blocked), objects expiring after 7 days.
 */
export async function uploadSource(
  context: AwsContext,
  source: { bucket: string; key: string; zip: Uint8Array; account: string },
): Promise<{ location: string }> {
  const { region } = context.clients.target;
  let exists = true;
  try {
    await context.aws.send(
      context.clients.s3,
      new HeadBucketCommand({ Bucket: source.bucket, ExpectedBucketOwner: source.account }),
      () => {
        exists = false;
        return {};
      },
    );
  } catch (error) {
    if (!isAwsError(error, 'NotFound', 'NoSuchBucket')) throw error;
    exists = false;
  }
  if (!exists) {
    await context.aws.send(
      context.clients.s3,
      new CreateBucketCommand({
        Bucket: source.bucket,
        ...(region === 'us-east-1'
          ? {}
          : { CreateBucketConfiguration: { LocationConstraint: region as never } }),
      }),
      () => ({}),
    );
    await context.aws.send(
      context.clients.s3,
      new PutPublicAccessBlockCommand({
        Bucket: source.bucket,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
      () => ({}),
    );
    await context.aws.send(
      context.clients.s3,
      new PutBucketLifecycleConfigurationCommand({
        Bucket: source.bucket,
        LifecycleConfiguration: {
          Rules: [
            {
              ID: 'expire-build-sources',
              Status: 'Enabled',
              Filter: { Prefix: '' },
              Expiration: { Days: SOURCE_EXPIRY_DAYS },
            },
          ],
        },
      }),
      () => ({}),
    );
  }
  await context.aws.send(
    context.clients.s3,
    new PutObjectCommand({
      Bucket: source.bucket,
      Key: source.key,
      Body: source.zip,
      ContentType: 'application/zip',
      ExpectedBucketOwner: source.account,
    }),
    () => ({}),
  );
  return { location: `${source.bucket}/${source.key}` };
}
