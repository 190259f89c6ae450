import { resolve } from 'node:path';

import { AgentCoreMcpError } from '@agentcore-mcp/core';

import {
  authenticateWithPassword,
  type CognitoTokens,
  refreshCognitoTokens,
} from '../aws/cognitoAuth.js';
import { type CognitoClient, createCognitoClient } from '../aws/cognitoClient.js';
import { requestClientCredentialsToken } from '../aws/cognitoClientCredentials.js';
import { isCognitoError } from '../aws/cognitoError.js';
import { resolveCognitoTarget } from '../aws/cognitoTarget.js';
import {
  type CognitoCredentials,
  CREDENTIALS_FILE,
  readCredentialsFile,
  writeCredentialsFile,
} from '../credentialsFile.js';
import type { Output } from '../output.js';
import type { CognitoCommandContext } from './cognitoCommandContext.js';

/** Options of `agentcore-mcp token`. */
export interface TokenCommandOptions {
  /** `--credentials`. Default: `.agentcore-mcp/cognito-credentials.json`. */
  credentials?: string;
  /** `--shell`: print `export BEARER_TOKEN=<token>`. Default: just the token. */
  shell?: boolean;
  /** `--m2m`: a client-credentials token from the machine client. Default: the test user's. */
  m2m?: boolean;
  /** `--endpoint`. Default: the one stored in the file, then `AGENTCORE_MCP_COGNITO_ENDPOINT`. */
  endpoint?: string;
}

/**
 * `agentcore-mcp token`: prints a fresh access token for the credentials `setup-cognito` stored:
 * REFRESH_TOKEN_AUTH with the refresh token, else (or when it is rejected) USER_PASSWORD_AUTH with
 * the password; with `--m2m`, the client-credentials grant at the domain's token URL. Stores the
 * new tokens back in the file (mode 0600).
 *
 * @param options - The parsed command-line options.
 * @param output - Where to print the token.
 * @param context - Environment, working directory and (for tests) the Cognito client or fetch.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a missing or broken credentials
 *   file; {@link CognitoRequestError} when Cognito refuses or cannot be reached.
 * @example
 * ```ts
 * await runTokenCommand({ shell: true }, output, { env: process.env, cwd: process.cwd() });
 * ```
 */
export async function runTokenCommand(
  options: TokenCommandOptions,
  output: Output,
  context: CognitoCommandContext,
): Promise<void> {
  const path = resolve(context.cwd, options.credentials ?? CREDENTIALS_FILE);
  const stored = readCredentialsFile(path);
  let token: string;
  if (options.m2m) {
    if (!stored.m2m) {
      throw new AgentCoreMcpError(
        'ERR_CONFIG_INVALID',
        `${path} has no machine client: run agentcore-mcp setup-cognito --m2m first`,
      );
    }
    const fresh = await requestClientCredentialsToken(stored.m2m, context.fetch);
    writeCredentialsFile(path, { ...stored, m2m: { ...stored.m2m, ...fresh } });
    token = fresh.accessToken;
  } else {
    const target = resolveCognitoTarget(
      { region: stored.region, endpoint: options.endpoint ?? stored.endpoint },
      context.env,
    );
    const client = (context.createClient ?? ((t) => createCognitoClient(t, context.env)))(target);
    const fresh = await fetchUserTokens(client, stored);
    writeCredentialsFile(path, { ...stored, ...fresh });
    token = fresh.accessToken;
  }
  output.result(options.shell ? `export BEARER_TOKEN=${token}` : token);
}

async function fetchUserTokens(
  client: CognitoClient,
  stored: CognitoCredentials,
): Promise<CognitoTokens> {
  const { clientId, username, password, refreshToken } = stored;
  if (refreshToken) {
    try {
      return await refreshCognitoTokens(client, { clientId, refreshToken });
    } catch (error) {
      // An expired or revoked refresh token: sign in again with the password.
      if (!isCognitoError(error, 'NotAuthorizedException')) throw error;
    }
  }
  return authenticateWithPassword(client, { clientId, username, password });
}
