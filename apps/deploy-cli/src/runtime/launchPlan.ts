import type { AwsPartition } from '@agentcore-mcp/core';

import type { RecordedAwsRequest } from '../aws/awsRequests.js';
import type { RuntimeProject } from '../project/projectConfig.js';
import { deployResourceNames } from '../project/resourceNames.js';

/**
 * What a dry run writes for the AWS account id in ARNs, ECR URIs, bucket names and policies: it
 * reads no credentials (no STS GetCallerIdentity), so it does not know the account.
 */
export const ACCOUNT_PLACEHOLDER = '<account>';

/** What the dry run expects `launch` to do to a resource it cannot look up. */
export type PlannedAction = 'create or reuse' | 'create or update' | 'update';

/** One AWS resource of the plan. */
export interface PlannedResource {
  /** `ecr-repository`, `iam-role`, `s3-bucket`, `codebuild-project` or `agentcore-runtime`. */
  readonly type:
    'ecr-repository' | 'iam-role' | 's3-bucket' | 'codebuild-project' | 'agentcore-runtime';
  /** Its name (account-dependent names hold {@link ACCOUNT_PLACEHOLDER}). */
  readonly name: string;
  /** What `launch` will do, depending on what exists. */
  readonly action: PlannedAction;
}

/**
 * The plan `launch --dry-run --json` (and `gateway deploy --dry-run --json`) prints, the whole of
 * stdout: documented in the CLI's README ("The dry-run plan"); `version` changes if a field does.
 */
export interface LaunchPlan {
  /** The format's version: 1. */
  readonly version: 1;
  /** The runtime name. */
  readonly runtime: string;
  /** The AWS region. */
  readonly region: string;
  /** `codebuild` (default) or `local-docker` (`--local-build`). */
  readonly build: 'codebuild' | 'local-docker';
  /** The Dockerfile, relative to the build context (the project root). */
  readonly dockerfile: string;
  /** The image the runtime will run, `<account>.dkr.ecr.<region>.amazonaws.com/<repo>:<tag>`. */
  readonly image: string;
  /** The files CodeBuild gets as its build context (absent with `local-docker`). */
  readonly buildContext?: { readonly files: readonly string[]; readonly zipBytes: number };
  /** The resources `launch` creates, reuses or updates. */
  readonly resources: readonly PlannedResource[];
  /** Every AWS request, in order, with its exact input; binary bodies are `<N bytes>`. */
  readonly requests: readonly RecordedAwsRequest[];
}

/** What {@link toLaunchPlan} is built from. */
export interface LaunchPlanInput {
  readonly runtime: RuntimeProject;
  readonly region: string;
  readonly localBuild: boolean;
  readonly imageUri: string;
  readonly buildContext?: { readonly files: readonly string[]; readonly zipBytes: number };
  readonly requests: readonly RecordedAwsRequest[];
}

/**
 * The AWS partition a region belongs to (`cn-*`, `us-gov-*`, else `aws`): what a dry run assumes
 * instead of asking STS.
 *
 * @param region - The region, e.g. `us-east-1`.
 * @returns Its partition.
 * @example
 * ```ts
 * partitionOfRegion('cn-north-1'); // 'aws-cn'
 * ```
 */
export function partitionOfRegion(region: string): AwsPartition {
  if (region.startsWith('cn-')) return 'aws-cn';
  return region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/**
 * Builds the dry-run plan of one launch from what it recorded.
 *
 * @param input - The runtime, the region, the build mode, the image and the recorded requests.
 * @returns The plan (see {@link LaunchPlan}).
 * @example
 * ```ts
 * const plan = toLaunchPlan({ runtime, region, localBuild: false, imageUri, requests: context.aws.requests });
 * ```
 */
export function toLaunchPlan(input: LaunchPlanInput): LaunchPlan {
  const names = deployResourceNames(input.runtime.name, ACCOUNT_PLACEHOLDER, input.region);
  const reuse = 'create or reuse' as const;
  const resources: PlannedResource[] = [
    { type: 'ecr-repository', name: names.ecrRepository, action: reuse },
    { type: 'iam-role', name: names.executionRole, action: reuse },
    ...(input.localBuild
      ? []
      : [
          { type: 'iam-role' as const, name: names.codeBuildRole, action: reuse },
          { type: 's3-bucket' as const, name: names.sourceBucket, action: reuse },
          { type: 'codebuild-project' as const, name: names.codeBuildProject, action: reuse },
        ]),
    {
      type: 'agentcore-runtime',
      name: input.runtime.name,
      action: input.runtime.deployment === undefined ? 'create or update' : 'update',
    },
  ];
  return {
    version: 1,
    runtime: input.runtime.name,
    region: input.region,
    build: input.localBuild ? 'local-docker' : 'codebuild',
    dockerfile: input.runtime.dockerfile,
    image: input.imageUri,
    ...(input.buildContext === undefined ? {} : { buildContext: input.buildContext }),
    resources,
    requests: input.requests,
  };
}

/**
 * The plan as JSON text (2-space indented), binary request bodies shown as `<N bytes>`.
 *
 * @param plan - The plan.
 * @returns The JSON document.
 * @example
 * ```ts
 * output.result(formatLaunchPlanJson(plan));
 * ```
 */
export function formatLaunchPlanJson(plan: LaunchPlan): string {
  return JSON.stringify(plan, replaceBinary, 2);
}

/**
 * The plan for a reader: the resources with what happens to each, then every AWS request on one
 * line with its input as compact JSON.
 *
 * @param plan - The plan.
 * @returns The lines to print.
 * @example
 * ```ts
 * for (const line of formatLaunchPlan(plan)) output.result(line);
 * // Dry run: nothing was sent and no AWS credentials were read; <account> stands for your account id.
 * ```
 */
export function formatLaunchPlan(plan: LaunchPlan): string[] {
  const count = plan.requests.length;
  return [
    `Dry run: nothing was sent and no AWS credentials were read; ${ACCOUNT_PLACEHOLDER} stands for your account id.`,
    `Plan for ${plan.runtime} in ${plan.region}: image ${plan.image}, built by ${plan.build === 'codebuild' ? 'CodeBuild' : 'the local Docker'} from ${plan.dockerfile}`,
    ...(plan.buildContext === undefined
      ? []
      : [`  build context: ${plan.buildContext.files.length} files from the project root`]),
    'Resources:',
    ...plan.resources.map((resource) => `  ${resource.type} ${resource.name}: ${resource.action}`),
    `The ${count} AWS request${count === 1 ? '' : 's'}, in order:`,
    ...plan.requests.map(
      (request, index) =>
        `  ${index + 1}. ${request.service}:${request.operation} ${JSON.stringify(request.input, replaceBinary)}`,
    ),
    '--json prints this plan as JSON.',
  ];
}

function replaceBinary(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? `<${value.byteLength} bytes>` : value;
}
