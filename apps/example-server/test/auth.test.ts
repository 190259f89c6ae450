import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  type CognitoLocal,
  connectMcpClient,
  signCognitoLocalToken,
  spawnApp,
  startCognitoLocal,
  toolText,
} from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const POOL = 'local_examplepool';
const CLIENT = 'example-client-id';

describe('example-server with AUTHORIZER_CONFIG (cognito-local as the issuer)', () => {
  let cognito: CognitoLocal;
  let authorizerConfig: string;
  let issuer: string;

  beforeAll(async () => {
    cognito = await startCognitoLocal();
    const discoveryUrl = cognito.discoveryUrl(POOL);
    issuer = discoveryUrl.replace('/.well-known/openid-configuration', '');
    authorizerConfig = JSON.stringify({
      customJWTAuthorizer: { discoveryUrl, allowedClients: [CLIENT] },
    });
  });
  afterAll(() => cognito.stop());

  it.each([
    ['inline JSON', () => authorizerConfig],
    [
      'a file path',
      () => {
        const file = join(tmpdir(), `authorizer-${process.pid}.json`);
        writeFileSync(file, authorizerConfig);
        return file;
      },
    ],
  ])('requires a bearer token when AUTHORIZER_CONFIG is %s', async (_form, value) => {
    const app = await spawnApp(entry, { env: { AUTHORIZER_CONFIG: value() } });
    try {
      expect(JSON.parse(app.stdout.find((line) => line.includes('"listening"'))!)).toMatchObject({
        auth: 'jwt',
      });
      const refused = await fetch(app.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(refused.status).toBe(401);

      const token = await signCognitoLocalToken(
        { sub: 'u1', client_id: CLIENT, token_use: 'access' },
        { issuer },
      );
      const client = await connectMcpClient(app.url, { authorization: `Bearer ${token}` });
      expect(
        toolText(
          await client.callTool({ name: 'echo_message', arguments: { message: 'authorized' } }),
        ),
      ).toBe('Echo: authorized');
      await client.close();
      expect(app.stdout.join('\n')).not.toContain(token);
    } finally {
      await app.stop();
    }
  });

  it('exits 1 with one clear line for a malformed AUTHORIZER_CONFIG', async () => {
    await expect(
      spawnApp(entry, {
        env: { AUTHORIZER_CONFIG: '{"customJWTAuthorizer":{"allowedClients":[]}}' },
      }),
    ).rejects.toMatchObject({
      code: 'ERR_PROCESS_EXITED',
      exitCode: 1,
      stderr: [
        expect.stringMatching(
          /^error: Invalid authorizer config: customJWTAuthorizer\.\w+: [^\n]+$/,
        ) as unknown,
      ],
    });
  });

  it('exits 1 with one clear line when AUTHORIZER_CONFIG names a missing file', async () => {
    await expect(
      spawnApp(entry, { env: { AUTHORIZER_CONFIG: '/nonexistent/authorizer_config.json' } }),
    ).rejects.toMatchObject({
      exitCode: 1,
      stderr: [
        'error: Cannot read the authorizer config file "/nonexistent/authorizer_config.json": ENOENT; set AUTHORIZER_CONFIG to inline JSON or an existing file',
      ],
    });
  });

  it('runs open without AUTHORIZER_CONFIG and says so at start-up', async () => {
    const app = await spawnApp(entry, { env: { AUTHORIZER_CONFIG: undefined } });
    try {
      const lines = app.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          msg: expect.stringMatching(
            /^authentication is off: anyone who can reach this port/,
          ) as unknown,
        }),
      );
      expect(lines.find((line) => line.msg === 'listening')).toMatchObject({ auth: 'off' });
    } finally {
      await app.stop();
    }
  });
});
