import { buildInvocationUrl, formatRuntimeArn } from '@agentcore-mcp/core';

import type { AwsContext } from '../aws/awsContext.js';
import { type CallerIdentity, readCallerIdentity } from '../aws/callerIdentity.js';
import { renderBuildspec } from '../build/buildspec.js';
import { imageTagAt } from '../build/imageTag.js';
import { localDockerBuild } from '../build/localDockerBuild.js';
import { runCodeBuild } from '../build/runCodeBuild.js';
import { createSourceArchive } from '../build/sourceArchive.js';
import { uploadSource } from '../build/uploadSource.js';
import { ensureRole } from '../iam/ensureRole.js';
import {
  codeBuildPolicy,
  codeBuildTrustPolicy,
  runtimeExecutionPolicy,
  runtimeTrustPolicy,
} from '../iam/iamPolicies.js';
import {
  type ExistingCredentialProvider,
  readCredentialProvider,
} from '../identity/existingCredentialProvider.js';
import {
  assertTransactionSearchOptions,
  checkTransactionSearch,
  type TransactionSearchOptions,
} from '../observability/transactionSearch.js';
import type { RuntimeProject } from '../project/projectConfig.js';
import { deployResourceNames } from '../project/resourceNames.js';
import { deployRuntime } from './deployRuntime.js';
import { ensureEcrRepository } from './ensureEcrRepository.js';
import { ACCOUNT_PLACEHOLDER, partitionOfRegion } from './launchPlan.js';

/** Options of {@link launchRuntime}. */
export interface LaunchOptions {
  /** Build with the local Docker instead of CodeBuild. */
  readonly localBuild: boolean;
  /**
   * CloudWatch Transaction Search, checked when the runtime builds with observability:
   * `--enable-transaction-search` turns it on. Default: only check.
   */
  readonly transactionSearch?: TransactionSearchOptions | undefined;
}

/**
 * What `launch` deployed; `launch` stores it in the project file. In a dry run, account-dependent
 * values hold `<account>` and the runtime id `<runtime-id>` (for a runtime not deployed yet).
 */
export interface LaunchResult {
  readonly account: string;
  readonly runtimeId: string;
  readonly runtimeArn: string;
  readonly runtimeVersion: string | undefined;
  readonly created: boolean;
  readonly invocationUrl: string;
  readonly executionRoleArn: string;
  readonly ecrRepositoryUri: string;
  readonly imageUri: string;
  readonly codeBuildProject: string | undefined;
  readonly sourceBucket: string | undefined;
  /** The build context uploaded to CodeBuild (absent with `--local-build`). */
  readonly buildContext?: { readonly files: readonly string[]; readonly zipBytes: number };
}

/**
 * Deploys one configured runtime: the lookup of its outbound OAuth2 credential providers (their
 * secrets go into the execution role's policy), for a runtime with observability the CloudWatch
 * Transaction Search check (or, with `--enable-transaction-search`, its set-up), then the ECR
 * repository, the execution role, the arm64 image (CodeBuild, or local Docker), then CreateAgentRuntime or
 * UpdateAgentRuntime and the wait for READY. Every AWS
 * request goes through `context.aws`, so `--dry-run` records the whole plan and sends nothing;
 * a dry run does not ask STS who the caller is either (it would need credentials), and shows the
 * account as `<account>`.
 *
 * @param context - The AWS context (its `output` receives the progress lines).
 * @param runtime - The configured runtime.
 * @param options - Whether to build with the local Docker; Transaction Search.
 * @returns What was deployed (in a dry run: what would be).
 * @throws {@link CliError} `ERR_INVALID_INPUT` (`--enable-transaction-search` without
 *   observability, before any request; an outbound OAuth2 credential provider that does not
 *   exist, before any change) / `ERR_BUILD_FAILED` / `ERR_RUNTIME_FAILED` / `ERR_TIMEOUT`;
 *   `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * const result = await launchRuntime(context, runtime, { localBuild: false });
 * ```
 */
export async function launchRuntime(
  context: AwsContext,
  runtime: RuntimeProject,
  options: LaunchOptions,
): Promise<LaunchResult> {
  assertTransactionSearchOptions(runtime, options.transactionSearch ?? {});
  const { output } = context;
  const { region } = context.clients.target;
  const dryRun = context.aws.dryRun;
  const identity: Pick<CallerIdentity, 'account' | 'partition'> = dryRun
    ? { account: ACCOUNT_PLACEHOLDER, partition: partitionOfRegion(region) }
    : await readCallerIdentity(context);
  const scope = { account: identity.account, region, partition: identity.partition };
  const names = deployResourceNames(runtime.name, identity.account, region);

  output.result(
    `Deploying ${runtime.name} to AgentCore Runtime in ${region} (account ${identity.account})`,
  );
  // Read-only and first: a provider that does not exist stops the launch before any change.
  const outboundOauthProviders = await readOutboundOauthProviders(context, runtime, identity);
  // Next, so that a failing --enable-transaction-search stops the launch before anything is built.
  if (runtime.observability === true) {
    await checkTransactionSearch(context, scope, options.transactionSearch);
  }
  const repository = await ensureEcrRepository(context, {
    name: names.ecrRepository,
    account: identity.account,
  });
  output.result(
    `  ECR repository ${repository.uri} (${dryRun ? 'create or reuse' : repository.created ? 'created' : 'reused'})`,
  );
  const executionRole = await ensureRole(context, {
    name: names.executionRole,
    description: `Execution role of the AgentCore MCP runtime ${runtime.name} (agentcore-mcp)`,
    trustPolicy: runtimeTrustPolicy(scope),
    policyName: names.executionPolicy,
    policy: runtimeExecutionPolicy(scope, {
      ecrRepository: names.ecrRepository,
      runtimeName: runtime.name,
      outboundOauthProviders,
    }),
    account: identity.account,
    partition: identity.partition,
  });
  output.result(
    `  execution role ${executionRole.arn} (${dryRun ? 'create or reuse' : executionRole.created ? 'created' : 'updated'})`,
  );

  const imageTag = imageTagAt(context.now());
  const imageUri = `${repository.uri}:${imageTag}`;
  const registry = repository.uri.split('/', 1)[0] ?? '';
  let codeBuildProject: string | undefined;
  let sourceBucket: string | undefined;
  let buildContext: LaunchResult['buildContext'];
  if (options.localBuild) {
    output.result(`  building ${imageUri} with the local Docker (buildx, linux/arm64)`);
    await localDockerBuild(context, {
      registry,
      uri: imageUri,
      dockerfile: runtime.dockerfile,
      observability: runtime.observability ?? false,
    });
  } else {
    const buildRole = await ensureRole(context, {
      name: names.codeBuildRole,
      description: `Builds the image of the AgentCore MCP runtime ${runtime.name} (agentcore-mcp)`,
      trustPolicy: codeBuildTrustPolicy(scope),
      policyName: `${names.codeBuildProject}-policy`,
      policy: codeBuildPolicy(scope, names),
      account: identity.account,
      partition: identity.partition,
    });
    const archive = createSourceArchive(context.cwd);
    buildContext = { files: archive.files, zipBytes: archive.zip.byteLength };
    output.result(
      `  source: ${archive.fileCount} files, ${Math.round(archive.zip.byteLength / 1024)} KiB zipped`,
    );
    const source = await uploadSource(context, {
      bucket: names.sourceBucket,
      key: names.sourceKey,
      zip: archive.zip,
      account: identity.account,
    });
    if (buildRole.created && !dryRun) await context.sleep(10_000); // IAM propagation
    await runCodeBuild(context, {
      project: names.codeBuildProject,
      roleArn: buildRole.arn,
      sourceLocation: source.location,
      buildspec: renderBuildspec({
        dockerfile: runtime.dockerfile,
        imageRepositoryUri: repository.uri,
        imageTag,
        registry,
        region,
        observability: runtime.observability ?? false,
      }),
    });
    codeBuildProject = names.codeBuildProject;
    sourceBucket = names.sourceBucket;
  }

  const deployed = await deployRuntime(context, {
    runtime,
    imageUri,
    roleArn: executionRole.arn,
    roleIsNew: executionRole.created,
  });
  // A dry run knows neither the account nor (for a new runtime) the id: show both as placeholders.
  const runtimeArn = dryRun
    ? `arn:${identity.partition}:bedrock-agentcore:${region}:${identity.account}:runtime/${deployed.runtimeId}`
    : deployed.runtimeArn ||
      formatRuntimeArn({
        region,
        accountId: identity.account,
        runtimeId: deployed.runtimeId,
        partition: identity.partition,
      });
  return {
    account: identity.account,
    runtimeId: deployed.runtimeId,
    runtimeArn,
    runtimeVersion: deployed.runtimeVersion,
    created: deployed.created,
    invocationUrl: dryRun
      ? `https://bedrock-agentcore.${region}.amazonaws.com/runtimes/<URL-encoded runtime ARN>/invocations?qualifier=DEFAULT`
      : buildInvocationUrl({ arn: runtimeArn }),
    executionRoleArn: executionRole.arn,
    ecrRepositoryUri: repository.uri,
    imageUri,
    codeBuildProject,
    sourceBucket,
    ...(buildContext === undefined ? {} : { buildContext }),
  };
}

/**
 * The runtime's outbound OAuth2 credential providers (`configure --outbound-oauth-provider`), each
 * looked up for its ARN and secret, which the execution role's policy names.
 */
async function readOutboundOauthProviders(
  context: AwsContext,
  runtime: RuntimeProject,
  identity: Pick<CallerIdentity, 'account' | 'partition'>,
): Promise<ExistingCredentialProvider[]> {
  const providers: ExistingCredentialProvider[] = [];
  for (const name of runtime.outboundOauthProviders ?? []) {
    providers.push(
      await readCredentialProvider(context, {
        kind: 'oauth2',
        name,
        notFoundFix: `create it (aws bedrock-agentcore-control create-oauth2-credential-provider --name ${name} …), or run agentcore-mcp configure for ${runtime.name} without --outbound-oauth-provider ${name}`,
        dryRun: identity,
      }),
    );
  }
  return providers;
}
