import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  type CognitoLocal,
  startCognitoLocal,
  verifyWithDiscovery,
} from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CognitoCredentials } from '../../src/cognito/credentialsFile.js';
import { cleanEnv, errorLine, runCli } from '../runCli.js';

const CREDENTIALS = '.agentcore-mcp/cognito-credentials.json';
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

describe('agentcore-mcp token (against cognito-local)', () => {
  let cognito: CognitoLocal;
  let dir: string;
  let stored: CognitoCredentials;
  const token = (...args: string[]) => runCli(['token', ...args], { cwd: dir, env: cleanEnv(dir) });
  const read = (file = CREDENTIALS) =>
    JSON.parse(readFileSync(join(dir, file), 'utf8')) as CognitoCredentials;
  /** Writes a variant of the stored credentials to its own file, for one test. */
  const variant = (file: string, change: Partial<CognitoCredentials>) => {
    writeFileSync(join(dir, file), JSON.stringify({ ...stored, ...change }), { mode: 0o600 });
    return file;
  };

  beforeAll(async () => {
    cognito = await startCognitoLocal();
    dir = mkdtempSync(join(tmpdir(), 'agentcore-mcp-token-'));
    const run = await runCli(
      ['setup-cognito', '--endpoint', cognito.endpoint, '--region', 'us-east-1'],
      { cwd: dir, env: cleanEnv(dir) },
    );
    if (run.code !== 0) throw new Error(`setup-cognito failed: ${run.stderr}`);
    stored = read();
  });
  afterAll(async () => {
    await cognito?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints a fresh access token that verifies, and stores it with mode 0600', async () => {
    const run = await token();
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const printed = run.stdout.trimEnd();
    expect(run.stdout).toBe(`${printed}\n`);
    expect(printed).toMatch(JWT_SHAPE);
    expect(printed).not.toBe(stored.accessToken);

    const { payload } = await verifyWithDiscovery(printed, cognito.discoveryUrl(stored.userPoolId));
    expect(payload).toMatchObject({ client_id: stored.clientId, token_use: 'access' });
    const after = read();
    expect(after.accessToken).toBe(printed);
    expect(after.refreshToken).toBe(stored.refreshToken);
    expect(after.password).toBe(stored.password);
    expect(statSync(join(dir, CREDENTIALS)).mode & 0o777).toBe(0o600);
  });

  it('prints an export line with --shell', async () => {
    const run = await token('--shell');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^export BEARER_TOKEN=[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });

  it('signs in with the password when the refresh token is rejected', async () => {
    const file = variant('stale-refresh.json', { refreshToken: 'not-a-refresh-token' });
    const run = await token('--credentials', file);
    expect(run.code).toBe(0);
    const printed = run.stdout.trimEnd();
    await verifyWithDiscovery(printed, cognito.discoveryUrl(stored.userPoolId));
    // USER_PASSWORD_AUTH also returns a new refresh token, which replaces the rejected one.
    expect(read(file).refreshToken).not.toBe('not-a-refresh-token');
    expect(read(file).accessToken).toBe(printed);
  });

  it('fails with one line when both the refresh token and the password are rejected', async () => {
    const file = variant('stale.json', { refreshToken: 'nope', password: 'Wrong-password-123' });
    expect(errorLine(await token('--credentials', file))).toMatch(
      /^error: Cannot sign in to Cognito with the password \(the refresh token was refused too\): \w+Exception: .* — the stored password or refresh token was rejected; run agentcore-mcp setup-cognito again/,
    );
  });

  it.each([
    {
      case: 'a missing credentials file',
      args: ['--credentials', 'missing.json'],
      line: /^error: No credentials file at .*missing\.json: run agentcore-mcp setup-cognito first/,
    },
    {
      case: 'an unreachable endpoint',
      args: ['--endpoint', 'http://127.0.0.1:1'],
      line: /^error: Cannot refresh the Cognito access token: ECONNREFUSED — cannot reach http:\/\/127\.0\.0\.1:1;/,
    },
    {
      case: '--m2m without a machine client',
      args: ['--m2m'],
      line: /has no machine client: run agentcore-mcp setup-cognito --m2m first$/,
    },
  ])('fails with one error line and exit 1 for $case', async ({ args, line }) => {
    expect(errorLine(await token(...args))).toMatch(line);
  });

  it('reports that cognito-local has no client_credentials grant', async () => {
    const file = variant('m2m-local.json', {
      m2m: {
        clientId: 'some-client',
        clientSecret: 'some-secret',
        tokenUrl: `${cognito.endpoint}/oauth2/token`,
        scopes: ['agentcore-mcp/invoke'],
      },
    });
    expect(errorLine(await token('--m2m', '--credentials', file))).toMatch(
      /^error: Cannot get an access token from http:\/\/127\.0\.0\.1:\d+\/oauth2\/token: unsupported_grant_type \(.*\) — this token endpoint has no client_credentials grant/,
    );
  });

  describe('--m2m against a local OAuth token endpoint', () => {
    let server: Server;
    let tokenUrl: string;
    const requests: { authorization?: string; contentType?: string; body: string }[] = [];

    beforeAll(async () => {
      server = createServer((req: IncomingMessage, res) => {
        let body = '';
        req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        req.on('end', () => {
          requests.push({
            authorization: req.headers.authorization,
            contentType: req.headers['content-type'],
            body,
          });
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({
              access_token: 'm2m.access.token',
              expires_in: 3600,
              token_type: 'Bearer',
            }),
          );
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      tokenUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2/token`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
    });

    it('posts client_credentials with client_secret_basic and stores the token', async () => {
      const file = variant('m2m.json', {
        m2m: {
          clientId: 'm2m-client',
          clientSecret: 's3cret/+=',
          tokenUrl,
          scopes: ['agentcore-mcp/invoke'],
        },
      });
      const run = await token('--m2m', '--shell', '--credentials', file);
      expect(run).toEqual({
        code: 0,
        stdout: 'export BEARER_TOKEN=m2m.access.token\n',
        stderr: '',
      });
      expect(requests).toEqual([
        {
          authorization: `Basic ${Buffer.from('m2m-client:s3cret%2F%2B%3D').toString('base64')}`,
          contentType: 'application/x-www-form-urlencoded',
          body: 'grant_type=client_credentials&scope=agentcore-mcp%2Finvoke',
        },
      ]);
      expect(read(file).m2m).toMatchObject({
        clientSecret: 's3cret/+=',
        accessToken: 'm2m.access.token',
        expiresAt: expect.stringMatching(/^\d{4}-/) as unknown,
      });
      expect(statSync(join(dir, file)).mode & 0o777).toBe(0o600);
    });
  });
});
