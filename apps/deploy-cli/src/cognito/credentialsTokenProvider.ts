import { createCognitoTokenProvider, type TokenProvider } from '@agentcore-mcp/client';

import type { CognitoCredentials } from './credentialsFile.js';

/**
 * A token provider for the user `setup-cognito` stored: the client's Cognito provider, which
 * refreshes with the stored refresh token and signs in again with the password when it must. It
 * never writes the credentials file.
 *
 * @param stored - What `readCredentialsFile` returned.
 * @returns The token provider.
 * @example
 * ```ts
 * const token = await createCredentialsTokenProvider(readCredentialsFile(path)).getToken();
 * ```
 */
export function createCredentialsTokenProvider(stored: CognitoCredentials): TokenProvider {
  return createCognitoTokenProvider({
    region: stored.region,
    clientId: stored.clientId,
    ...(stored.endpoint ? { endpoint: stored.endpoint } : {}),
    ...(stored.refreshToken ? { refreshToken: stored.refreshToken } : {}),
    username: stored.username,
    password: stored.password,
  });
}
