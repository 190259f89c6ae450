import { AgentCoreMcpError } from '@agentcore-mcp/core';
import {
  type AuthenticationResultType,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';

import type { CognitoClient } from './cognitoClient.js';

/** Tokens from InitiateAuth. */
export interface CognitoTokens {
  /** The bearer token for an AgentCore runtime (`client_id` claim, no `aud`). */
  accessToken: string;
  /** The ID token (`aud` = client id). */
  idToken: string;
  /** The refresh token; REFRESH_TOKEN_AUTH does not return a new one. */
  refreshToken?: string;
  /** When the access token expires, ISO 8601. */
  expiresAt: string;
}

/**
 * Signs a user in with USER_PASSWORD_AUTH (the app client has no secret, so no SECRET_HASH).
 *
 * @param client - The Cognito client.
 * @param options - The app client id, username and password.
 * @returns Access, ID and refresh tokens.
 * @throws `AwsRequestError` (`ERR_AWS_REQUEST_FAILED`) when Cognito refuses, e.g. `NotAuthorizedException`;
 *   {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` when it answers with a challenge instead.
 * @example
 * ```ts
 * const tokens = await authenticateWithPassword(client, { clientId, username: 'testuser', password });
 * ```
 */
export async function authenticateWithPassword(
  client: CognitoClient,
  options: { clientId: string; username: string; password: string },
): Promise<CognitoTokens> {
  const { AuthenticationResult, ChallengeName } = await client.send(
    new InitiateAuthCommand({
      ClientId: options.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: options.username, PASSWORD: options.password },
    }),
  );
  return toTokens(AuthenticationResult, ChallengeName);
}

/**
 * Gets fresh access and ID tokens with REFRESH_TOKEN_AUTH.
 *
 * @param client - The Cognito client.
 * @param options - The app client id and the refresh token.
 * @returns Access and ID tokens (and a refresh token only if Cognito rotated it).
 * @throws `AwsRequestError` (`ERR_AWS_REQUEST_FAILED`) when Cognito refuses, e.g. an expired refresh token.
 * @example
 * ```ts
 * const tokens = await refreshCognitoTokens(client, { clientId, refreshToken });
 * ```
 */
export async function refreshCognitoTokens(
  client: CognitoClient,
  options: { clientId: string; refreshToken: string },
): Promise<CognitoTokens> {
  const { AuthenticationResult, ChallengeName } = await client.send(
    new InitiateAuthCommand({
      ClientId: options.clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: options.refreshToken },
    }),
  );
  return toTokens(AuthenticationResult, ChallengeName);
}

function toTokens(
  result: AuthenticationResultType | undefined,
  challenge: string | undefined,
): CognitoTokens {
  if (!result?.AccessToken || !result.IdToken) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Cognito InitiateAuth returned ${challenge ? `a ${challenge} challenge` : 'no tokens'} instead of tokens: the user needs a permanent password and no MFA; run agentcore-mcp setup-cognito again`,
    );
  }
  return {
    accessToken: result.AccessToken,
    idToken: result.IdToken,
    ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
    expiresAt: expiryOf(result.AccessToken, result.ExpiresIn),
  };
}

/** From `ExpiresIn` when Cognito sends it (AWS does; cognito-local does not), else the JWT `exp`. */
function expiryOf(accessToken: string, expiresIn: number | undefined): string {
  if (expiresIn) return new Date(Date.now() + expiresIn * 1000).toISOString();
  let exp: unknown;
  try {
    const payload = Buffer.from(accessToken.split('.')[1] ?? '', 'base64url').toString('utf8');
    ({ exp } = JSON.parse(payload) as { exp?: unknown });
  } catch {
    exp = undefined;
  }
  // Cognito's documented default lifetime is one hour.
  return new Date(typeof exp === 'number' ? exp * 1000 : Date.now() + 3600_000).toISOString();
}
