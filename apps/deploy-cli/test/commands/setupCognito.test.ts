import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  type CognitoLocal,
  startCognitoLocal,
  verifyWithDiscovery,
} from '@agentcore-mcp/test-support';
import {
  CognitoIdentityProviderClient,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { CognitoCredentials } from '../../src/cognito/credentialsFile.js';
import { cleanEnv, errorLine, runCli } from '../runCli.js';

const CREDENTIALS = '.agentcore-mcp/cognito-credentials.json';

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('agentcore-mcp setup-cognito (against cognito-local)', () => {
  let cognito: CognitoLocal;
  let sdk: CognitoIdentityProviderClient;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-setup-'));
    dirs.push(dir);
    return dir;
  };
  const setup = (dir: string, ...args: string[]) =>
    runCli(['setup-cognito', '--endpoint', cognito.endpoint, '--region', 'us-east-1', ...args], {
      cwd: dir,
      env: cleanEnv(dir),
    });

  beforeAll(async () => {
    // The SDK's "2027 releases need Node 22" notice; the CLI silences it the same way.
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
    cognito = await startCognitoLocal();
    sdk = new CognitoIdentityProviderClient({
      endpoint: cognito.endpoint,
      region: cognito.region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    sdk?.destroy();
    await cognito?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  describe('in a directory with a .gitignore, run twice', () => {
    let dir: string;
    let first: CognitoCredentials;

    beforeAll(() => {
      dir = tempDir();
      writeFileSync(join(dir, '.gitignore'), 'node_modules/');
    });

    it('creates the pool, the client and the user, and writes both files', async () => {
      const run = await setup(dir);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      first = readJson<CognitoCredentials>(join(dir, CREDENTIALS));

      expect(readJson(join(dir, 'authorizer_config.json'))).toStrictEqual({
        customJWTAuthorizer: {
          discoveryUrl: `${cognito.endpoint}/${first.userPoolId}/.well-known/openid-configuration`,
          allowedClients: [first.clientId],
        },
      });
      expect(first).toMatchObject({
        region: 'us-east-1',
        endpoint: cognito.endpoint,
        username: 'testuser',
        expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown,
      });
      expect(first.password).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d]).{24,}$/);
      expect(modeOf(join(dir, CREDENTIALS))).toBe(0o600);
      expect(modeOf(join(dir, '.agentcore-mcp'))).toBe(0o700);
      expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe(
        'node_modules/\n.agentcore-mcp/\n',
      );

      expect(run.stdout).toContain(`user pool        MCPServerPool (${first.userPoolId}): created`);
      expect(run.stdout).toContain(
        `app client       MCPServerPoolClient (${first.clientId}): created`,
      );
      expect(run.stdout).toContain('user             testuser: created');
      expect(run.stdout).toContain(`Wrote ${CREDENTIALS} (mode 0600`);
      expect(run.stdout).toContain('eval "$(agentcore-mcp token --shell)"');
      expect(run.stdout).toContain(
        'AUTHORIZER_CONFIG=authorizer_config.json node apps/example-server',
      );
      for (const secret of [first.password, first.accessToken, first.idToken, first.refreshToken]) {
        expect(run.stdout + run.stderr).not.toContain(secret);
      }
    });

    it('sets the pool and client up as the AWS sample does', async () => {
      const { UserPool } = await sdk.send(
        new DescribeUserPoolCommand({ UserPoolId: first.userPoolId }),
      );
      expect(UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBeGreaterThanOrEqual(8);
      const { UserPoolClient } = await sdk.send(
        new DescribeUserPoolClientCommand({
          UserPoolId: first.userPoolId,
          ClientId: first.clientId,
        }),
      );
      expect(UserPoolClient?.ClientSecret).toBeUndefined();
      expect(UserPoolClient?.ExplicitAuthFlows).toEqual([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]);
    });

    it('stores an access token that verifies against the discovery document', async () => {
      const { discoveryUrl } = readJson<{ customJWTAuthorizer: { discoveryUrl: string } }>(
        join(dir, 'authorizer_config.json'),
      ).customJWTAuthorizer;
      for (const url of [discoveryUrl, cognito.discoveryUrl(first.userPoolId)]) {
        const { payload, issuer } = await verifyWithDiscovery(first.accessToken, url);
        expect(payload).toMatchObject({
          iss: issuer,
          client_id: first.clientId,
          token_use: 'access',
          username: 'testuser',
        });
      }
    });

    it('reuses the pool, client and user when run again, rotates the password and fixes the mode', async () => {
      chmodSync(join(dir, CREDENTIALS), 0o644);
      const run = await setup(dir, '--json');
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      const second = readJson<CognitoCredentials>(join(dir, CREDENTIALS));
      expect(JSON.parse(run.stdout)).toStrictEqual({
        region: 'us-east-1',
        endpoint: cognito.endpoint,
        userPool: { id: first.userPoolId, name: 'MCPServerPool', created: false },
        appClient: { id: first.clientId, name: 'MCPServerPoolClient', created: false },
        user: { username: 'testuser', created: false },
        discoveryUrl: `${cognito.endpoint}/${first.userPoolId}/.well-known/openid-configuration`,
        files: {
          authorizerConfig: join(dir, 'authorizer_config.json'),
          credentials: join(dir, CREDENTIALS),
        },
        gitignore: 'present',
      });
      expect(second).toMatchObject({ userPoolId: first.userPoolId, clientId: first.clientId });
      expect(second.password).not.toBe(first.password);
      expect(modeOf(join(dir, CREDENTIALS))).toBe(0o600);
      expect(run.stdout).not.toContain(second.password);

      const signIn = (password: string) =>
        sdk.send(
          new InitiateAuthCommand({
            ClientId: first.clientId,
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'testuser', PASSWORD: password },
          }),
        );
      await expect(signIn(first.password)).rejects.toThrow();
      expect((await signIn(second.password)).AuthenticationResult?.AccessToken).toBeTruthy();
    });
  });

  it('honours the names and --out-dir, and reminds about version control without a .gitignore', async () => {
    const dir = tempDir();
    const run = await setup(
      dir,
      '--pool-name',
      'OtherPool',
      '--client-name',
      'OtherClient',
      '--username',
      'alice',
      '--out-dir',
      'auth/local',
    );
    expect(run.code).toBe(0);
    const stored = readJson<CognitoCredentials>(join(dir, 'auth/local', CREDENTIALS));
    expect(stored.username).toBe('alice');
    expect(run.stdout).toContain(`OtherPool (${stored.userPoolId}): created`);
    expect(run.stdout).toContain(`OtherClient (${stored.clientId}): created`);
    expect(run.stdout).toContain('Keep .agentcore-mcp/ out of version control');
    expect(run.stdout).toContain(
      `agentcore-mcp token --shell --credentials auth/local/${CREDENTIALS}`,
    );
    expect(run.stdout).toContain('AUTHORIZER_CONFIG=auth/local/authorizer_config.json');
    expect(modeOf(join(dir, 'auth/local', CREDENTIALS))).toBe(0o600);
  });

  it('says in one line that cognito-local cannot do --m2m, and writes nothing', async () => {
    const dir = tempDir();
    const line = errorLine(await setup(dir, '--pool-name', 'M2mPool', '--m2m'));
    expect(line).toMatch(
      /^error: Cognito CreateUserPoolDomain failed: Unsupported: .* — .*cognito-local\) does not implement CreateUserPoolDomain; .*against AWS Cognito$/,
    );
    expect(() => statSync(join(dir, 'authorizer_config.json'))).toThrow();
  });

  it.each([
    {
      case: 'an endpoint nobody listens on',
      args: ['--endpoint', 'http://127.0.0.1:1', '--region', 'us-east-1'],
      env: {},
      line: /^error: Cognito ListUserPools failed: ECONNREFUSED: .* — cannot reach http:\/\/127\.0\.0\.1:1; /,
    },
    {
      case: 'a malformed endpoint',
      args: ['--endpoint', '127.0.0.1:9229', '--region', 'us-east-1'],
      env: {},
      line: /^error: Invalid endpoint "127\.0\.0\.1:9229": expected an http\(s\) URL/,
    },
    {
      case: 'no region anywhere',
      args: ['--endpoint', 'http://127.0.0.1:1'],
      env: {},
      line: /^error: No AWS region: pass --region/,
    },
    {
      case: 'a malformed region',
      args: ['--region', 'us-east'],
      env: {},
      line: /^error: --region "us-east" is not an AWS region code; use one such as us-east-1/,
    },
    {
      case: 'no AWS credentials (AWS, no endpoint; instance metadata off so nothing leaves the box)',
      args: ['--region', 'us-east-1'],
      env: { AWS_EC2_METADATA_DISABLED: 'true' },
      line: /^error: Cognito ListUserPools failed: CredentialsProviderError: .* — no usable AWS credentials; set AWS_PROFILE/,
    },
    {
      case: 'the endpoint from AGENTCORE_MCP_COGNITO_ENDPOINT and the region from AWS_REGION',
      args: [],
      env: { AGENTCORE_MCP_COGNITO_ENDPOINT: 'http://127.0.0.1:1', AWS_REGION: 'eu-west-1' },
      line: /^error: Cognito ListUserPools failed: ECONNREFUSED: .* cannot reach http:\/\/127\.0\.0\.1:1;/,
    },
  ])('fails with one error line and exit 1 for $case', async ({ args, env, line }) => {
    const dir = tempDir();
    const run = await runCli(['setup-cognito', ...args], { cwd: dir, env: cleanEnv(dir, env) });
    expect(errorLine(run)).toMatch(line);
  });

  it('adds the cause with --verbose', async () => {
    const dir = tempDir();
    const run = await runCli(
      ['--verbose', 'setup-cognito', '--endpoint', 'http://127.0.0.1:1', '--region', 'us-east-1'],
      { cwd: dir, env: cleanEnv(dir) },
    );
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      expect.stringMatching(/^error: Cognito ListUserPools failed: ECONNREFUSED/),
      '  cause: Error: connect ECONNREFUSED 127.0.0.1:1 (ECONNREFUSED)',
      '',
    ]);
  });
});
