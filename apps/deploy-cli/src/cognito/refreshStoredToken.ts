import { resolve } from 'node:path';

import {
  type CognitoTokens,
  createCognitoTokenProvider,
  requestClientCredentialsToken,
} from '@agentcore-mcp/client';

import { resolveCognitoTarget } from '../aws/cognitoTarget.js';
import type { CommandContext } from '../commandContext.js';
import { CliError } from '../errors.js';
import { clientCredentialsHint, cognitoSignInHint } from './cognitoSignInHints.js';
import {
  CREDENTIALS_FILE,
  readCredentialsFile,
  toStoredTokens,
  writeCredentialsFile,
} from './credentialsFile.js';
/** Which token {@link refreshStoredToken} gets, and from where. */
export interface RefreshStoredTokenOptions {
  /** `--credentials`. Default: `.agentcore-mcp/cognito-credentials.json`. */
  readonly credentials?: string | undefined;
  /** `--m2m`: a client-credentials token from the machine client. Default: the test user's. */
  readonly m2m?: boolean | undefined;
  /** `--endpoint`. Default: the one stored in the file, then `AGENTCORE_MCP_COGNITO_ENDPOINT`. */
  readonly endpoint?: string | undefined;
}

/**
 * Gets a fresh access token for the credentials `setup-cognito` stored: REFRESH_TOKEN_AUTH with
 * the refresh token, else (or when it is rejected) USER_PASSWORD_AUTH with the password; with
 * `m2m`, the client-credentials grant at the domain's token URL. Stores the new tokens back in the
 * file (mode 0600).
 *
 * @param options - The credentials file, `m2m` and the endpoint.
 * @param context - Environment, working directory and the Cognito client.
 * @returns The access token.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for a missing or broken credentials file;
 *   `AwsRequestError` when Cognito refuses or cannot be reached.
 * @example
 * ```ts
 * const token = await refreshStoredToken({}, context);
 * ```
 */
export async function refreshStoredToken(
  options: RefreshStoredTokenOptions,
  context: CommandContext,
): Promise<string> {
  const path = resolve(context.cwd, options.credentials ?? CREDENTIALS_FILE);
  const stored = readCredentialsFile(path);
  if (options.m2m) {
    if (!stored.m2m) {
      throw new CliError(
        'ERR_CONFIG_INVALID',
        `${path} has no machine client: run agentcore-mcp setup-cognito --m2m first`,
      );
    }
    const { accessToken, expiresAt } = await requestClientCredentialsToken({
      ...stored.m2m,
      hint: clientCredentialsHint,
    });
    writeCredentialsFile(path, {
      ...stored,
      m2m: { ...stored.m2m, accessToken, ...(expiresAt && { expiresAt: expiresAt.toISOString() }) },
    });
    return accessToken;
  }
  const target = resolveCognitoTarget(
    { region: stored.region, endpoint: options.endpoint ?? stored.endpoint },
    context.env,
  );
  // The client's provider refreshes with the stored refresh token and, when Cognito refuses it,
  // signs in again with the stored password; every new set of tokens is stored back.
  let fresh: CognitoTokens | undefined;
  const provider = createCognitoTokenProvider({
    ...target,
    clientId: stored.clientId,
    username: stored.username,
    password: stored.password,
    ...(stored.refreshToken ? { refreshToken: stored.refreshToken } : {}),
    hint: cognitoSignInHint(target),
    onTokens: (tokens) => {
      fresh = tokens;
    },
  });
  const accessToken = await provider.getToken();
  if (fresh !== undefined) writeCredentialsFile(path, { ...stored, ...toStoredTokens(fresh) });
  return accessToken;
}
