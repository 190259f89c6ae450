import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildDiscoveryUrl } from '../cognito/authorizerConfig.js';
import { readCredentialsFile } from '../cognito/credentialsFile.js';
import { CliError } from '../errors.js';

/** The machine-to-machine (client-credentials) client an OAuth runtime target is called with. */
export interface MachineClient {
  readonly clientId: string;
  /** Passed to CreateOauth2CredentialProvider only; never printed or recorded. */
  readonly clientSecret: string;
  /** The scopes its tokens are requested with, e.g. `['agentcore-mcp/invoke']`. */
  readonly scopes: readonly string[];
  /** Its user pool's OIDC discovery URL: the issuer AgentCore Identity gets tokens from. */
  readonly discoveryUrl: string;
}

/**
 * Reads the M2M client that `setup-cognito --m2m` stored in the credentials file (its `m2m` id,
 * secret and scopes), with the discovery URL of the file's user pool.
 *
 * @param cwd - The project root.
 * @param file - The credentials file, relative to `cwd`, e.g. `.agentcore-mcp/cognito-credentials.json`.
 * @returns The client.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` telling the user to run
 *   `agentcore-mcp setup-cognito --m2m` when the file or its `m2m` part is missing, or when the
 *   pool is a local Cognito that AgentCore cannot reach.
 * @example
 * ```ts
 * const client = readMachineClient(context.cwd, '.agentcore-mcp/cognito-credentials.json');
 * ```
 */
export function readMachineClient(cwd: string, file: string): MachineClient {
  const fix = 'run agentcore-mcp setup-cognito --m2m';
  if (!existsSync(resolve(cwd, file))) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `OAuth runtime targets need the M2M client credentials of setup-cognito --m2m, and there is no ${file}: ${fix} (or pass --credentials FILE)`,
    );
  }
  const credentials = readCredentialsFile(resolve(cwd, file));
  const { m2m } = credentials;
  if (!m2m?.clientId || !m2m.clientSecret) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `OAuth runtime targets need M2M client credentials, and ${file} has none (no "m2m"): ${fix}`,
    );
  }
  if (credentials.endpoint !== undefined) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `The M2M client in ${file} belongs to a local Cognito (${credentials.endpoint}), which AgentCore cannot reach: ${fix} against AWS`,
    );
  }
  return {
    clientId: m2m.clientId,
    clientSecret: m2m.clientSecret,
    scopes: m2m.scopes,
    discoveryUrl: buildDiscoveryUrl({ region: credentials.region }, credentials.userPoolId),
  };
}
