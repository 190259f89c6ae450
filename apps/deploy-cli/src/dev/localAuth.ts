import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';

import { refreshStoredToken } from '../cognito/refreshStoredToken.js';
import { setUpCognito } from '../cognito/setUpCognito.js';
import type { CommandContext } from '../commandContext.js';
import { createOutput } from '../output.js';
import { startLocalCognito } from './localCognito.js';

/** The local identity provider of `dev --local-auth`; see {@link setUpLocalAuth}. */
export interface LocalAuth {
  /** The authorizer the emulator enforces: the local pool's discovery URL and app client. */
  readonly authorizer: JwtAuthorizerConfig;
  /** An access token of the local test user, valid for an hour. */
  readonly token: string;
  /** The credentials file `agentcore-mcp token --credentials` refreshes tokens from. */
  readonly credentialsFile: string;
  /** cognito-local's API origin. */
  readonly endpoint: string;
  /** Stops cognito-local and removes its state and the credentials file. */
  stop(): Promise<void>;
}

/** Prints nothing: setup-cognito's report is not what `dev` shows. */
const quiet = createOutput({ stdout: { write: () => true }, stderr: { write: () => true } });

/**
 * Sets up local auth for `dev --local-auth`: starts cognito-local, runs what `setup-cognito` does
 * against it (a user pool, an app client, a test user with a generated password) with its files
 * in a temporary directory, and signs the user in. Nothing is written to the project.
 *
 * @param projectDir - The app directory (where cognito-local is installed).
 * @param context - The environment; `openCognito` creates the Cognito client.
 * @returns The authorizer, a token and how to get more.
 * @throws {@link CliError} `ERR_NOT_CONFIGURED` when cognito-local is not installed.
 * @example
 * ```ts
 * const auth = await setUpLocalAuth(directory, context);
 * try { … } finally { await auth.stop(); }
 * ```
 */
export async function setUpLocalAuth(
  projectDir: string,
  context: CommandContext,
): Promise<LocalAuth> {
  const stateDir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-dev-auth-'));
  const remove = () => rmSync(stateDir, { recursive: true, force: true });
  let cognito;
  try {
    cognito = await startLocalCognito(projectDir, join(stateDir, 'cognito'));
  } catch (error) {
    remove();
    throw error;
  }
  const stop = async () => {
    await cognito.stop();
    remove();
  };
  try {
    const local = { ...context, cwd: stateDir, output: quiet };
    const setUp = await setUpCognito(
      { region: 'us-east-1', endpoint: cognito.endpoint, outDir: stateDir, username: 'dev' },
      local,
    );
    const credentialsFile = setUp.files.credentials;
    return {
      authorizer: {
        discoveryUrl: cognito.discoveryUrl(setUp.userPool.id),
        allowedClients: [setUp.appClient.id],
      },
      token: await refreshStoredToken({ credentials: credentialsFile }, local),
      credentialsFile,
      endpoint: cognito.endpoint,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
