import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { type CognitoLocal, startCognitoLocal } from '@agentcore-mcp/test-support';

const run = promisify(execFile);

/** The embedded identity provider and what `agentcore-mcp setup-cognito` made in it. */
export interface DemoAuth {
  /** cognito-local, behind its front (its endpoint and discovery URLs). */
  readonly cognito: CognitoLocal;
  /** The authorizer_config.json setup-cognito wrote: what the servers get as AUTHORIZER_CONFIG. */
  readonly authorizerConfigFile: string;
  /** The user pool setup-cognito created. */
  readonly userPoolId: string;
  /** Runs `agentcore-mcp token` and returns a fresh access token. */
  getToken: () => Promise<string>;
  /** Stops cognito-local and removes the files. */
  stop: () => Promise<void>;
}

/**
 * Starts cognito-local and runs the real CLI against it, as a user would:
 * `agentcore-mcp setup-cognito --endpoint … --region us-east-1 --out-dir <tmp>`.
 *
 * @returns The identity provider, the authorizer config file and a token source.
 */
export async function setUpAuth(): Promise<DemoAuth> {
  const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-demo-'));
  const cognito = await startCognitoLocal();
  const cli = (...args: string[]) =>
    run(process.execPath, [cliPath(), ...args], {
      cwd: dir,
      env: {
        ...process.env,
        AWS_REGION: cognito.region,
        AGENTCORE_MCP_COGNITO_ENDPOINT: cognito.endpoint,
      },
    });
  const stop = async () => {
    await cognito.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const { stdout } = await cli('setup-cognito', '--out-dir', dir, '--json');
    const summary = JSON.parse(stdout) as { userPool: { id: string } };
    return {
      cognito,
      authorizerConfigFile: join(dir, 'authorizer_config.json'),
      userPoolId: summary.userPool.id,
      getToken: async () => (await cli('token')).stdout.trim(),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Reads what the authorizer config says, for the transcript. */
export function describeAuthorizerConfig(file: string): string {
  const { customJWTAuthorizer } = JSON.parse(readFileSync(file, 'utf8')) as {
    customJWTAuthorizer: { discoveryUrl: string; allowedClients?: string[] };
  };
  return `discovery ${customJWTAuthorizer.discoveryUrl}, allowed clients ${String(customJWTAuthorizer.allowedClients?.length ?? 0)}`;
}

function cliPath(): string {
  const manifest = createRequire(import.meta.url).resolve('@agentcore-mcp/cli/package.json');
  return join(dirname(manifest), 'dist', 'cli.js');
}
