import {
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  DescribeUserPoolClientCommand,
  ListUserPoolClientsCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import type { CognitoClient } from './cognitoClient.js';

/** An app client found or created by {@link ensureAppClient}. */
export interface EnsureAppClientResult {
  /** The client id (the `client_id` claim of its access tokens). */
  id: string;
  /** The client secret, for clients created with `GenerateSecret`. */
  secret?: string;
  /** `true` when this call created it, `false` when a client of that name existed. */
  created: boolean;
}

/** What {@link ensureAppClient} creates when no client of that name exists. */
export type AppClientSettings = Omit<CreateUserPoolClientCommandInput, 'UserPoolId' | 'ClientName'>;

/** The settings of the client people sign in with: no secret, user/password and refresh. */
export const USER_CLIENT_SETTINGS: AppClientSettings = {
  GenerateSecret: false,
  ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
};

/**
 * The settings of a machine-to-machine client (AgentCore samples, Cognito API docs): a secret,
 * `client_credentials` as the only OAuth flow, the given scopes, Cognito as the identity provider.
 *
 * @param scopes - The scope strings the client may request, e.g. `['agentcore-mcp/invoke']`.
 * @returns The creation settings.
 */
export function machineClientSettings(scopes: string[]): AppClientSettings {
  return {
    GenerateSecret: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: scopes,
    AllowedOAuthFlowsUserPoolClient: true,
    SupportedIdentityProviders: ['COGNITO'],
    ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
  };
}

/**
 * Finds the app client named `clientName` in a pool (ListUserPoolClients, every page) or creates
 * it with `settings`. For a client with a secret, reads the secret of a client found.
 *
 * @param client - The Cognito client.
 * @param target - The pool id and the client's name.
 * @param settings - Creation settings. Default: {@link USER_CLIENT_SETTINGS}.
 * @returns The client id, its secret if it has one, and whether it was created.
 * @throws `AwsRequestError` (`ERR_AWS_REQUEST_FAILED`) when a call fails.
 * @example
 * ```ts
 * const appClient = await ensureAppClient(client, { userPoolId, clientName: 'MCPServerPoolClient' });
 * ```
 */
export async function ensureAppClient(
  client: CognitoClient,
  { userPoolId, clientName }: { userPoolId: string; clientName: string },
  settings: AppClientSettings = USER_CLIENT_SETTINGS,
): Promise<EnsureAppClientResult> {
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListUserPoolClientsCommand({
        UserPoolId: userPoolId,
        MaxResults: 60,
        NextToken: nextToken,
      }),
    );
    const match = page.UserPoolClients?.find((found) => found.ClientName === clientName);
    if (match?.ClientId) {
      if (!settings.GenerateSecret) return { id: match.ClientId, created: false };
      const { UserPoolClient } = await client.send(
        new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: match.ClientId }),
      );
      return { id: match.ClientId, secret: UserPoolClient?.ClientSecret, created: false };
    }
    nextToken = page.NextToken;
  } while (nextToken);

  const { UserPoolClient } = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: clientName,
      ...settings,
    }),
  );
  if (!UserPoolClient?.ClientId) {
    throw new Error(`CreateUserPoolClient returned no client id for "${clientName}"`);
  }
  return { id: UserPoolClient.ClientId, secret: UserPoolClient.ClientSecret, created: true };
}
