import type { AwsContext } from '../aws/awsContext.js';
import { DRY_RUN_ACCOUNT } from '../aws/callerIdentity.js';
import { CliError } from '../errors.js';
import type { OutboundOauthProvider } from '../iam/iamPolicies.js';
import {
  type ExistingCredentialProvider,
  readCredentialProvider,
} from '../identity/existingCredentialProvider.js';
import { partitionOfRegion } from '../runtime/launchPlan.js';
import type { GatewayConfigTarget } from './gatewayConfigFile.js';
import type { ManagedTargetPlan } from './planManagedTargets.js';
import type { CredentialProviderRef, TargetCredentialSpec } from './targetCredentialOption.js';
import {
  apiKeyOutboundAuth,
  oauthOutboundAuth,
  type TargetOutboundAuth,
} from './targetCredentials.js';

/** What the targets of `--target-credential` need: their outbound auth and the role's access. */
export interface PreparedTargetCredentials {
  /** Config name → outbound auth. */
  readonly byTarget: ReadonlyMap<string, TargetOutboundAuth>;
  /** The OAuth2 providers their tokens come from (the role may take them). */
  readonly oauthProviders: readonly OutboundOauthProvider[];
  /** The API key providers their keys come from (the role may read them). */
  readonly apiKeyProviders: readonly OutboundOauthProvider[];
}

/**
 * Checks, before any request, that every `--target-credential` names a target the run registers
 * and that is not an AgentCore Runtime (runtime targets get their outbound auth from
 * `--target-auth`).
 *
 * @param credentials - `--target-credential`, by target config name.
 * @param scope - The plan, the config's targets and the config file as shown to the user.
 * @throws {@link CliError} `ERR_INVALID_INPUT`, one line naming the flag and why.
 * @example
 * ```ts
 * assertCredentialTargets(credentials, { plan, targets: config.targets, config: 'gateway.json' });
 * ```
 */
export function assertCredentialTargets(
  credentials: ReadonlyMap<string, TargetCredentialSpec>,
  scope: { plan: ManagedTargetPlan; targets: readonly GatewayConfigTarget[]; config: string },
): void {
  for (const name of credentials.keys()) {
    const fail = (problem: string): CliError =>
      new CliError('ERR_INVALID_INPUT', `--target-credential ${name}=…: ${problem}`);
    if (!scope.targets.some((target) => target.name === name)) {
      const known = scope.targets.map((target) => target.name).join(', ') || 'none';
      throw fail(`${scope.config} has no target "${name}" (its targets: ${known})`);
    }
    const skipped = scope.plan.skipped.find((target) => target.configName === name);
    if (skipped !== undefined) throw fail(`target ${name} is not registered: ${skipped.reason}`);
    const runtime = scope.plan.register.find((target) => target.configName === name)?.runtime;
    if (runtime !== undefined) {
      throw fail(
        `target ${name} calls AgentCore Runtime ${runtime.runtimeId}, whose outbound auth --target-auth sets up; drop --target-credential ${name}`,
      );
    }
  }
}

/**
 * Looks up the credential provider of each `--target-credential` (`GetApiKeyCredentialProvider` or
 * `GetOauth2CredentialProvider`; each provider once) for its ARN and secret, and builds the
 * targets' outbound auth. Read-only, so it runs before anything is created; a dry run assumes the
 * providers exist.
 *
 * @param context - The AWS context.
 * @param credentials - `--target-credential`, by target config name.
 * @returns Each target's outbound auth and the providers the gateway role must be able to use.
 * @throws {@link CliError} `ERR_INVALID_INPUT` for a provider that does not exist, or whose ARN is
 *   not the one the flag gave; `AwsRequestError`.
 * @example
 * ```ts
 * const given = await prepareTargetCredentials(context, credentials);
 * ```
 */
export async function prepareTargetCredentials(
  context: AwsContext,
  credentials: ReadonlyMap<string, TargetCredentialSpec>,
): Promise<PreparedTargetCredentials> {
  const region = context.clients.target.region;
  const found = new Map<string, ExistingCredentialProvider>();
  const byTarget = new Map<string, TargetOutboundAuth>();
  for (const [target, spec] of credentials) {
    const key = `${spec.provider.kind}/${spec.provider.name}`;
    const provider =
      found.get(key) ?? (await lookUp(context, { target, ref: spec.provider, region }));
    found.set(key, provider);
    byTarget.set(
      target,
      spec.kind === 'api-key'
        ? apiKeyOutboundAuth(provider, spec.header)
        : oauthOutboundAuth({ ...provider, created: false }, spec.scopes),
    );
  }
  const of = (kind: ExistingCredentialProvider['kind']) =>
    [...found.values()]
      .filter((provider) => provider.kind === kind)
      .map(({ name, arn, secretArn }) => ({ name, arn, secretArn }));
  return { byTarget, oauthProviders: of('oauth2'), apiKeyProviders: of('api-key') };
}

async function lookUp(
  context: AwsContext,
  input: { target: string; ref: CredentialProviderRef; region: string },
): Promise<ExistingCredentialProvider> {
  const { ref } = input;
  const provider = await readCredentialProvider(context, {
    kind: ref.kind,
    name: ref.name,
    notFoundFix: `create it in AgentCore Identity (aws bedrock-agentcore-control create-${ref.kind}-credential-provider --name ${ref.name} …), or fix --target-credential ${input.target}=…`,
    dryRun: { account: DRY_RUN_ACCOUNT, partition: partitionOfRegion(input.region) },
    arn: ref.arn,
  });
  if (ref.arn !== undefined && provider.arn !== ref.arn) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `--target-credential ${input.target}=…: the credential provider ${ref.name} in ${input.region} is ${provider.arn}, not ${ref.arn}; pass its name or that ARN`,
    );
  }
  return provider;
}
