import {
  GetApiKeyCredentialProviderCommand,
  type GetApiKeyCredentialProviderCommandOutput,
  GetOauth2CredentialProviderCommand,
  type GetOauth2CredentialProviderCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import { CliError } from '../errors.js';

/** The two kinds of AgentCore Identity credential provider the CLI hands to AgentCore. */
export type CredentialProviderKind = 'oauth2' | 'api-key';

/** An AgentCore Identity credential provider that exists (or, in a dry run, is assumed to). */
export interface ExistingCredentialProvider {
  readonly kind: CredentialProviderKind;
  readonly name: string;
  /** `arn:…:token-vault/default/oauth2credentialprovider/<name>` (or `apikeycredentialprovider`). */
  readonly arn: string;
  /**
   * The Secrets Manager secret AgentCore Identity keeps its client secret or API key in: whoever
   * takes a token or key from the provider must be allowed `secretsmanager:GetSecretValue` on it.
   */
  readonly secretArn: string;
}

/** What {@link readCredentialProvider} looks up. */
export interface ReadCredentialProviderInput {
  readonly kind: CredentialProviderKind;
  /** The provider's name (`CredentialProviderName`). */
  readonly name: string;
  /** What the one-line error says to do when there is no such provider. */
  readonly notFoundFix: string;
  /** The account and partition a dry run writes into the ARNs it assumes. */
  readonly dryRun: { readonly account: string; readonly partition: string };
  /** The provider's ARN when the user gave it: what a dry run assumes. Default: built from the name. */
  readonly arn?: string | undefined;
}

/** The resource-type part of each kind's ARN, and of its secret's name. */
const ARN_PARTS: Readonly<
  Record<CredentialProviderKind, { resource: string; secret: string; words: string }>
> = {
  oauth2: { resource: 'oauth2credentialprovider', secret: 'oauth2', words: 'OAuth2' },
  'api-key': { resource: 'apikeycredentialprovider', secret: 'apikey', words: 'API key' },
};

/**
 * Looks up an existing AgentCore Identity credential provider by name
 * (`GetOauth2CredentialProvider` or `GetApiKeyCredentialProvider`) for its ARN and the ARN of the
 * secret behind it, which the role that uses it must be allowed to read. A dry run sends nothing
 * and assumes the provider exists, with ARNs in the placeholder account.
 *
 * @param context - The AWS context (its region is the provider's).
 * @param input - The kind, the name, the fix to print when it does not exist, and the dry-run
 *   account.
 * @returns The provider.
 * @throws {@link CliError} `ERR_INVALID_INPUT` when there is no such provider (one line: the kind,
 *   the name, the region and `notFoundFix`); `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * const provider = await readCredentialProvider(context, { kind: 'oauth2', name: 'github', notFoundFix, dryRun });
 * ```
 */
export async function readCredentialProvider(
  context: AwsContext,
  input: ReadCredentialProviderInput,
): Promise<ExistingCredentialProvider> {
  const { kind, name } = input;
  const region = context.clients.target.region;
  const parts = ARN_PARTS[kind];
  const at = `${input.dryRun.partition}:bedrock-agentcore:${region}:${input.dryRun.account}`;
  const assumedArn = input.arn ?? `arn:${at}:token-vault/default/${parts.resource}/${name}`;
  const assumedSecret = {
    secretArn: `arn:${input.dryRun.partition}:secretsmanager:${region}:${input.dryRun.account}:secret:bedrock-agentcore-identity!default/${parts.secret}/${name}-dryrun`,
  };
  let found: { arn?: string | undefined; secretArn?: string | undefined };
  try {
    if (kind === 'oauth2') {
      const output = await context.aws.send<Partial<GetOauth2CredentialProviderCommandOutput>>(
        context.clients.agentCore,
        new GetOauth2CredentialProviderCommand({ name }),
        () => ({ credentialProviderArn: assumedArn, clientSecretArn: assumedSecret }),
      );
      found = { arn: output.credentialProviderArn, secretArn: output.clientSecretArn?.secretArn };
    } else {
      const output = await context.aws.send<Partial<GetApiKeyCredentialProviderCommandOutput>>(
        context.clients.agentCore,
        new GetApiKeyCredentialProviderCommand({ name }),
        () => ({ credentialProviderArn: assumedArn, apiKeySecretArn: assumedSecret }),
      );
      found = { arn: output.credentialProviderArn, secretArn: output.apiKeySecretArn?.secretArn };
    }
  } catch (error) {
    if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
    throw new CliError(
      'ERR_INVALID_INPUT',
      `No AgentCore Identity ${parts.words} credential provider "${name}" in ${region}: ${input.notFoundFix}`,
      { cause: error },
    );
  }
  if (found.arn === undefined || found.secretArn === undefined) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `AgentCore Identity returned the ${parts.words} credential provider "${name}" without its ARN or secret ARN; look at it with aws bedrock-agentcore-control get-${kind === 'oauth2' ? 'oauth2' : 'api-key'}-credential-provider --name ${name}`,
    );
  }
  return { kind, name, arn: found.arn, secretArn: found.secretArn };
}
