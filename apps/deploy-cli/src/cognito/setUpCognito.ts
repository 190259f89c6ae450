import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

import { initiateCognitoAuth } from '@agentcore-mcp/client';

import { ensureAppClient, machineClientSettings } from '../aws/cognitoAppClient.js';
import type { CognitoClient } from '../aws/cognitoClient.js';
import { buildTokenUrl, ensureUserPoolDomain } from '../aws/cognitoDomain.js';
import { ensureResourceServer } from '../aws/cognitoResourceServer.js';
import { type CognitoTarget, resolveCognitoTarget } from '../aws/cognitoTarget.js';
import { ensureUserWithPassword } from '../aws/cognitoUser.js';
import { ensureUserPool } from '../aws/cognitoUserPool.js';
import type { CommandContext } from '../commandContext.js';
import { ensureGitignored } from '../gitignore.js';
import {
  AUTHORIZER_CONFIG_FILE,
  buildDiscoveryUrl,
  writeAuthorizerConfig,
} from './authorizerConfig.js';
import { cognitoSignInHint } from './cognitoSignInHints.js';
import {
  CREDENTIALS_DIR,
  CREDENTIALS_FILE,
  type MachineCredentials,
  toStoredTokens,
  writeCredentialsFile,
} from './credentialsFile.js';
import { generatePassword } from './password.js';
import { formatSetupCognitoReport, type SetupCognitoResult } from './setupCognitoReport.js';

/** Options of `agentcore-mcp setup-cognito`. */
export interface SetupCognitoOptions {
  /** `--pool-name`. Default: `'MCPServerPool'`. */
  poolName?: string;
  /** `--client-name`. Default: `'MCPServerPoolClient'`; the machine client adds `-m2m`. */
  clientName?: string;
  /** `--username`. Default: `'testuser'`. */
  username?: string;
  /** `--region`. Default: `AWS_REGION`, then `AWS_DEFAULT_REGION`. */
  region?: string;
  /** `--endpoint`. Default: `AGENTCORE_MCP_COGNITO_ENDPOINT`, else AWS. */
  endpoint?: string;
  /** `--out-dir`. Default: the current directory. */
  outDir?: string;
  /** `--m2m`: also a domain, a resource server and a client-credentials client. Default: off. */
  m2m?: boolean;
  /** `--json`: print a machine-readable summary (no secrets). Default: off. */
  json?: boolean;
}

/**
 * `agentcore-mcp setup-cognito`: creates or reuses a user pool, a secret-less app client and a
 * test user with a fresh generated password (optionally the machine-to-machine set-up too), signs
 * in, and writes `authorizer_config.json` and `.agentcore-mcp/cognito-credentials.json` (0600).
 * Prints what was created or reused and where the files went, never a password or token.
 *
 * @param options - The parsed command-line options.
 * @param context - Output, environment, working directory and the Cognito client.
 * @returns What was set up (also printed).
 * @throws {@link CliError} `ERR_INVALID_REGION` / `ERR_INVALID_ENDPOINT` for bad options;
 *   `AwsRequestError` when a Cognito call fails.
 * @example
 * ```ts
 * await setUpCognito({ region: 'us-east-1' }, context);
 * ```
 */
export async function setUpCognito(
  options: SetupCognitoOptions,
  context: CommandContext,
): Promise<SetupCognitoResult> {
  const poolName = options.poolName ?? 'MCPServerPool';
  const clientName = options.clientName ?? 'MCPServerPoolClient';
  const username = options.username ?? 'testuser';
  const target = resolveCognitoTarget(options, context.env);
  const client = await context.openCognito(target);

  const pool = await ensureUserPool(client, poolName);
  const appClient = await ensureAppClient(client, { userPoolId: pool.id, clientName });
  // The machine set-up comes first: if it fails (cognito-local has no domains), the user's stored
  // password is still the current one.
  const m2m = options.m2m
    ? await setUpMachineAccess(client, { userPoolId: pool.id, clientName, target })
    : undefined;

  const password = generatePassword();
  const user = await ensureUserWithPassword(client, {
    userPoolId: pool.id,
    username,
    password,
    temporaryPassword: generatePassword(),
  });
  const tokens = await initiateCognitoAuth(
    { flow: 'USER_PASSWORD_AUTH', username, password },
    { ...target, clientId: appClient.id, hint: cognitoSignInHint(target) },
  );

  const outDir = resolve(context.cwd, options.outDir ?? '.');
  mkdirSync(outDir, { recursive: true });
  const discoveryUrl = buildDiscoveryUrl(target, pool.id);
  const authorizerConfig = resolve(outDir, AUTHORIZER_CONFIG_FILE);
  writeAuthorizerConfig(authorizerConfig, {
    discoveryUrl,
    allowedClients: m2m ? [appClient.id, m2m.credentials.clientId] : [appClient.id],
  });
  const credentials = resolve(outDir, CREDENTIALS_FILE);
  writeCredentialsFile(credentials, {
    region: target.region,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    userPoolId: pool.id,
    clientId: appClient.id,
    username,
    password,
    ...toStoredTokens(tokens),
    ...(m2m ? { m2m: m2m.credentials } : {}),
  });

  const result: SetupCognitoResult = {
    region: target.region,
    ...(target.endpoint === undefined ? {} : { endpoint: target.endpoint }),
    userPool: { id: pool.id, name: poolName, created: pool.created },
    appClient: { id: appClient.id, name: clientName, created: appClient.created },
    user: { username, created: user.created },
    ...(m2m ? { m2m: m2m.result } : {}),
    discoveryUrl,
    files: { authorizerConfig, credentials },
    gitignore: ensureGitignored(outDir, CREDENTIALS_DIR),
  };
  const { output } = context;
  if (options.json) output.result(JSON.stringify(result));
  else for (const line of formatSetupCognitoReport(result, context.cwd)) output.result(line);
  return result;
}

interface MachineAccess {
  credentials: MachineCredentials;
  result: NonNullable<SetupCognitoResult['m2m']>;
}

/** `--m2m`: domain, resource server with an `invoke` scope, client-credentials client. */
async function setUpMachineAccess(
  client: CognitoClient,
  {
    userPoolId,
    clientName,
    target,
  }: { userPoolId: string; clientName: string; target: CognitoTarget },
): Promise<MachineAccess> {
  const domain = await ensureUserPoolDomain(client, userPoolId);
  const resourceServer = await ensureResourceServer(client, userPoolId);
  const name = `${clientName}-m2m`;
  const m2mClient = await ensureAppClient(
    client,
    { userPoolId, clientName: name },
    machineClientSettings(resourceServer.scopes),
  );
  if (!m2mClient.secret) throw new Error(`App client ${name} has no client secret`);
  const tokenUrl = buildTokenUrl(domain, target);
  return {
    credentials: {
      clientId: m2mClient.id,
      clientSecret: m2mClient.secret,
      tokenUrl,
      scopes: resourceServer.scopes,
    },
    result: {
      domain: { name: domain.domain, created: domain.created },
      resourceServer: { scopes: resourceServer.scopes, created: resourceServer.created },
      client: { id: m2mClient.id, name, created: m2mClient.created },
      tokenUrl,
    },
  };
}
