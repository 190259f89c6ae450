import { createHash } from 'node:crypto';

import { findAwsStringProblem } from '@agentcore-mcp/core';
import {
  CreateOauth2CredentialProviderCommand,
  type CreateOauth2CredentialProviderCommandOutput,
  DeleteOauth2CredentialProviderCommand,
  GetOauth2CredentialProviderCommand,
  type GetOauth2CredentialProviderCommandOutput,
  type Oauth2ProviderConfigInput,
  UpdateOauth2CredentialProviderCommand,
  type UpdateOauth2CredentialProviderCommandOutput,
} from '@aws-sdk/client-bedrock-agentcore-control';

import type { AwsContext } from '../aws/awsContext.js';
import { AWS_NAME_RULES } from '../aws/awsNameRules.js';
import { DRY_RUN_ACCOUNT } from '../aws/callerIdentity.js';
import { isAwsError } from '../aws/toAwsRequestError.js';
import type { DeleteOutcome } from '../destroy/deleteAgentRuntime.js';
import { CliError } from '../errors.js';
import type { MachineClient } from './machineClient.js';

/** An AgentCore Identity OAuth2 credential provider the managed gateway's targets use. */
export interface OauthProvider {
  readonly name: string;
  /** `arn:…:token-vault/default/oauth2credentialprovider/<name>`. */
  readonly arn: string;
  /** The Secrets Manager secret AgentCore Identity keeps the client secret in. */
  readonly secretArn: string;
  /** What {@link ensureOauthCredentialProvider} did. */
  readonly action: 'created' | 'updated' | 'reused';
}

const SUFFIX = '-m2m';

/**
 * The name of the gateway's OAuth2 credential provider: `<gateway name>-m2m`, shortened with a
 * hash of the full name when it would pass the 128 characters of `CredentialProviderName`.
 *
 * @param gatewayName - The managed gateway's name.
 * @returns A name that satisfies `AWS_NAME_RULES.credentialProviderName`.
 * @throws {@link CliError} `ERR_INVALID_INPUT` if it cannot (a gateway name AgentCore accepts
 *   always can).
 * @example
 * ```ts
 * toOauthProviderName('agentcore-mcp-gateway'); // 'agentcore-mcp-gateway-m2m'
 * ```
 */
export function toOauthProviderName(gatewayName: string): string {
  const rule = AWS_NAME_RULES.credentialProviderName;
  let name = `${gatewayName}${SUFFIX}`;
  if (name.length > rule.max) {
    const digest = createHash('sha256').update(gatewayName).digest('hex').slice(0, 8);
    name = `${gatewayName.slice(0, rule.max - SUFFIX.length - 9)}-${digest}${SUFFIX}`;
  }
  const problem = findAwsStringProblem(rule, name);
  if (problem !== undefined) {
    throw new CliError(
      'ERR_INVALID_INPUT',
      `The credential provider name "${name}" derived from gateway "${gatewayName}" is invalid: ${problem}; choose another --name`,
    );
  }
  return name;
}

/**
 * Finds the OAuth2 credential provider of that name (GetOauth2CredentialProvider) or creates it
 * (CreateOauth2CredentialProvider, vendor `CustomOauth2`, the M2M client's discovery URL, id and
 * secret); a provider whose client id or discovery URL differs is updated
 * (UpdateOauth2CredentialProvider). AgentCore Identity keeps the secret in Secrets Manager; the
 * recorded requests show it as `<redacted>`.
 *
 * @param context - The AWS context.
 * @param input - The provider's name and the M2M client.
 * @returns The provider's ARN, its secret's ARN and what was done.
 * @throws `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * const provider = await ensureOauthCredentialProvider(context, { name, client });
 * ```
 */
export async function ensureOauthCredentialProvider(
  context: AwsContext,
  input: { name: string; client: MachineClient },
): Promise<OauthProvider> {
  const { name, client } = input;
  const found = await getProvider(context, name);
  const config: Oauth2ProviderConfigInput = {
    customOauth2ProviderConfig: {
      oauthDiscovery: { discoveryUrl: client.discoveryUrl },
      clientId: client.clientId,
      clientSecret: client.clientSecret,
    },
  };
  const request = {
    name,
    credentialProviderVendor: 'CustomOauth2' as const,
    oauth2ProviderConfigInput: config,
  };
  const dryRun = () => dryRunProvider(context, name);
  if (found?.credentialProviderArn === undefined) {
    const created = await context.aws.send<Partial<CreateOauth2CredentialProviderCommandOutput>>(
      context.clients.agentCore,
      new CreateOauth2CredentialProviderCommand(request),
      dryRun,
    );
    return toProvider(name, created, 'created');
  }
  const current = found.oauth2ProviderConfigOutput?.customOauth2ProviderConfig;
  if (
    current?.clientId === client.clientId &&
    current.oauthDiscovery?.discoveryUrl === client.discoveryUrl
  ) {
    return toProvider(name, found, 'reused');
  }
  const updated = await context.aws.send<Partial<UpdateOauth2CredentialProviderCommandOutput>>(
    context.clients.agentCore,
    new UpdateOauth2CredentialProviderCommand(request),
    dryRun,
  );
  return toProvider(name, { ...found, ...updated }, 'updated');
}

/**
 * Deletes an OAuth2 credential provider (DeleteOauth2CredentialProvider); AgentCore Identity
 * deletes its secret.
 *
 * @param context - The AWS context.
 * @param name - The provider's name.
 * @returns `already deleted` when it did not exist.
 * @throws `AwsRequestError` naming the missing permission.
 * @example
 * ```ts
 * await deleteOauthCredentialProvider(context, 'agentcore-mcp-gateway-m2m');
 * ```
 */
export async function deleteOauthCredentialProvider(
  context: AwsContext,
  name: string,
): Promise<DeleteOutcome> {
  try {
    await context.aws.send(
      context.clients.agentCore,
      new DeleteOauth2CredentialProviderCommand({ name }),
      () => ({}),
    );
    return 'deleted';
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return 'already deleted';
    throw error;
  }
}

/**
 * Deletes a credential provider this run created when the run fails before the state file records
 * it (the next run creates it again), and says so in one line; if that fails too, the line gives
 * the command that deletes it.
 *
 * @param context - The AWS context.
 * @param name - The provider's name.
 * @example
 * ```ts
 * await deleteUnrecordedProvider(context, 'agentcore-mcp-gateway-m2m');
 * ```
 */
export async function deleteUnrecordedProvider(context: AwsContext, name: string): Promise<void> {
  try {
    await deleteOauthCredentialProvider(context, name);
    context.output.result(
      `Deleted the OAuth2 credential provider ${name} again (nothing records it yet)`,
    );
  } catch {
    context.output.result(
      `The OAuth2 credential provider ${name} is left over; delete it with: aws bedrock-agentcore-control delete-oauth2-credential-provider --name ${name}`,
    );
  }
}

async function getProvider(
  context: AwsContext,
  name: string,
): Promise<Partial<GetOauth2CredentialProviderCommandOutput> | undefined> {
  try {
    return await context.aws.send<Partial<GetOauth2CredentialProviderCommandOutput>>(
      context.clients.agentCore,
      new GetOauth2CredentialProviderCommand({ name }),
      () => ({}),
    );
  } catch (error) {
    if (isAwsError(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

function toProvider(
  name: string,
  output: { credentialProviderArn?: string | undefined; clientSecretArn?: { secretArn?: string } },
  action: OauthProvider['action'],
): OauthProvider {
  return {
    name,
    arn: output.credentialProviderArn ?? '',
    secretArn: output.clientSecretArn?.secretArn ?? '',
    action,
  };
}

function dryRunProvider(
  context: AwsContext,
  name: string,
): Partial<CreateOauth2CredentialProviderCommandOutput> {
  const at = `${context.clients.target.region}:${DRY_RUN_ACCOUNT}`;
  return {
    name,
    credentialProviderArn: `arn:aws:bedrock-agentcore:${at}:token-vault/default/oauth2credentialprovider/${name}`,
    clientSecretArn: {
      secretArn: `arn:aws:secretsmanager:${at}:secret:bedrock-agentcore-identity!default/oauth2/${name}-dryrun`,
    },
  };
}
