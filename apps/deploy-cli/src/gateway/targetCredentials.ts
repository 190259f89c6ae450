import type { CredentialProviderConfiguration } from '@aws-sdk/client-bedrock-agentcore-control';

import type { ManagedTargetAuth } from './targetAuthMode.js';
import { apiKeyPrefixOf } from './targetCredentialOption.js';

/** A credential provider `register-managed` created (so `destroy-managed` deletes it). */
export interface CreatedCredentialProvider {
  readonly name: string;
  readonly arn: string;
}

/** How the managed gateway authenticates to one target, and what it sends AgentCore for it. */
export interface TargetOutboundAuth {
  readonly auth: ManagedTargetAuth;
  /** `credentialProviderConfigurations` of Create/UpdateGatewayTarget; none for `none`. */
  readonly credentials?: CredentialProviderConfiguration[] | undefined;
  /** The OAuth2 credential provider, when register-managed created it (now or on an earlier run). */
  readonly createdProvider?: CreatedCredentialProvider | undefined;
  /** How it is called, for the output, e.g. `IAM (SigV4 with the gateway's execution role)`. */
  readonly summary: string;
}

/** A target without outbound auth: a public MCP server. */
export const NO_OUTBOUND_AUTH: TargetOutboundAuth = { auth: 'none', summary: 'no credentials' };

/**
 * The outbound auth of an IAM runtime target: `GATEWAY_IAM_ROLE`, SigV4 for the
 * `bedrock-agentcore` service in the runtime's region, with the gateway's execution role.
 *
 * @param region - The runtime's region.
 * @returns The target's outbound auth.
 * @example
 * ```ts
 * iamOutboundAuth('us-east-1').credentials;
 * // [{ credentialProviderType: 'GATEWAY_IAM_ROLE', credentialProvider: { iamCredentialProvider: { service: 'bedrock-agentcore', region: 'us-east-1' } } }]
 * ```
 */
export function iamOutboundAuth(region: string): TargetOutboundAuth {
  return {
    auth: 'iam',
    credentials: [
      {
        credentialProviderType: 'GATEWAY_IAM_ROLE',
        credentialProvider: { iamCredentialProvider: { service: 'bedrock-agentcore', region } },
      },
    ],
    summary: "IAM (SigV4 with the gateway's execution role)",
  };
}

/**
 * The outbound auth of a JWT runtime target: `OAUTH` client-credentials tokens with the M2M
 * client's scopes, from an AgentCore Identity OAuth2 credential provider.
 *
 * @param provider - The provider's name and ARN, and whether register-managed created it.
 * @param scopes - The scopes to request.
 * @returns The target's outbound auth.
 * @example
 * ```ts
 * oauthOutboundAuth({ name, arn, created: true }, ['agentcore-mcp/invoke']);
 * ```
 */
export function oauthOutboundAuth(
  provider: { name: string; arn: string; created: boolean },
  scopes: readonly string[],
): TargetOutboundAuth {
  return {
    auth: 'oauth',
    credentials: [
      {
        credentialProviderType: 'OAUTH',
        credentialProvider: {
          oauthCredentialProvider: {
            providerArn: provider.arn,
            scopes: [...scopes],
            grantType: 'CLIENT_CREDENTIALS',
          },
        },
      },
    ],
    ...(provider.created ? { createdProvider: { name: provider.name, arn: provider.arn } } : {}),
    summary: `OAuth client credentials from the credential provider ${provider.name}`,
  };
}

/**
 * The outbound auth of a target given an existing API key credential provider
 * (`--target-credential <target>=api-key:<provider>[:<header>]`): `API_KEY`, the key sent in the
 * header, with the prefix `Bearer ` in `Authorization` and none in any other header.
 *
 * @param provider - The provider's name and ARN.
 * @param header - The header (`credentialParameterName`).
 * @returns The target's outbound auth.
 * @example
 * ```ts
 * apiKeyOutboundAuth({ name: 'brave', arn }, 'X-Subscription-Token');
 * ```
 */
export function apiKeyOutboundAuth(
  provider: { name: string; arn: string },
  header: string,
): TargetOutboundAuth {
  const prefix = apiKeyPrefixOf(header);
  return {
    auth: 'api-key',
    credentials: [
      {
        credentialProviderType: 'API_KEY',
        credentialProvider: {
          apiKeyCredentialProvider: {
            providerArn: provider.arn,
            credentialLocation: 'HEADER',
            credentialParameterName: header,
            ...(prefix === undefined ? {} : { credentialPrefix: prefix }),
          },
        },
      },
    ],
    summary: `the API key of the credential provider ${provider.name} in the ${header} header`,
  };
}

/**
 * Whether a target already has the outbound auth we want: the same provider types, IAM services,
 * OAuth provider ARNs and scopes, and API key provider ARNs, headers and prefixes. Fields AgentCore
 * may fill in by default (`region`, `grantType`, `credentialLocation`) are not compared.
 *
 * @param current - The target's `credentialProviderConfigurations` (GetGatewayTarget).
 * @param wanted - What register-managed would send.
 * @returns `true` when no UpdateGatewayTarget is needed for credentials.
 * @example
 * ```ts
 * hasSameCredentials(current.credentialProviderConfigurations, outbound.credentials);
 * ```
 */
export function hasSameCredentials(
  current: readonly CredentialProviderConfiguration[] | undefined,
  wanted: readonly CredentialProviderConfiguration[] | undefined,
): boolean {
  const key = (list: readonly CredentialProviderConfiguration[] | undefined): string =>
    JSON.stringify(
      (list ?? []).map(({ credentialProviderType, credentialProvider }) => [
        credentialProviderType,
        credentialProvider?.iamCredentialProvider?.service,
        credentialProvider?.oauthCredentialProvider?.providerArn,
        [...(credentialProvider?.oauthCredentialProvider?.scopes ?? [])].sort(),
        credentialProvider?.apiKeyCredentialProvider?.providerArn,
        credentialProvider?.apiKeyCredentialProvider?.credentialParameterName,
        credentialProvider?.apiKeyCredentialProvider?.credentialPrefix,
      ]),
    );
  return key(current) === key(wanted);
}
