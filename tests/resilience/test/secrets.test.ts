import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { EXAMPLE_SERVER_ENTRY } from './support/appEntries.js';
import { findLeakedSecrets } from './support/findLeakedSecrets.js';
import { MCP_POST_HEADERS, postJsonRpc, toolCallBody } from './support/postJsonRpc.js';
import { readTeeLogs, teeEnvironment } from './support/readTeeLogs.js';
import { startGatewayService } from './support/startGatewayService.js';
import { type StartedProcess, startProcess } from './support/startProcess.js';
import { startTokenEndpoint } from './support/startTokenEndpoint.js';
import { startTestIssuer } from './support/testIssuer.js';
import { watchCredentialFiles } from './support/watchCredentialFiles.js';

/** The built demo (what `pnpm demo` runs); turbo builds it first (this workspace's turbo.json). */
const DEMO_ENTRY = fileURLToPath(new URL('../../../demo/dist/main.js', import.meta.url));
const CREDENTIAL_FIELDS = ['password', 'accessToken', 'idToken', 'refreshToken'];

describe('secrets stay out of every log line', () => {
  const directories: string[] = [];
  const directory = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), `agentcore-mcp-resilience-${prefix}-`));
    directories.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of directories) rmSync(dir, { recursive: true, force: true });
  });

  it('the demo, with every process at LOG_LEVEL=debug, logs no token or password, and its credentials file is 0600', async () => {
    const teeDir = directory('tee');
    const tmp = directory('tmp');
    const watch = watchCredentialFiles(tmp);
    const exitCode = await new Promise<number | null>((resolve) => {
      const demo = spawn(process.execPath, [DEMO_ENTRY], {
        env: { ...process.env, ...teeEnvironment(teeDir), TMPDIR: tmp, LOG_LEVEL: 'debug' },
        stdio: 'ignore',
      });
      demo.once('exit', resolve);
    });
    const snapshots = watch.stop();
    const processes = readTeeLogs(teeDir);
    const transcript = processes.find((teed) => teed.argv[1] === DEMO_ENTRY)?.stdout ?? [];
    expect(exitCode, transcript.join('\n')).toBe(0);
    expect(transcript.at(-1)).toBe('✅ All tests completed successfully.');

    expect(snapshots.length).toBeGreaterThan(0);
    for (const snapshot of snapshots) {
      expect(snapshot.mode.toString(8), snapshot.path).toBe('600');
      expect(snapshot.directoryMode.toString(8), snapshot.path).toBe('700');
    }
    // `agentcore-mcp token` prints a token on stdout: that is its product, not a log line.
    const isTokenCommand = (argv: readonly string[]) => argv.includes('token');
    const printedTokens = processes
      .filter((teed) => isTokenCommand(teed.argv))
      .flatMap((teed) => teed.stdout);
    const secrets = [
      ...snapshots.flatMap((snapshot) => CREDENTIAL_FIELDS.map((field) => snapshot.content[field])),
      ...printedTokens,
    ].filter((secret): secret is string => typeof secret === 'string');
    expect(printedTokens.length).toBeGreaterThan(0);
    expect(secrets.length).toBeGreaterThan(printedTokens.length);

    // cognito-local is the third-party stand-in for Cognito, not our code: its output is not checked.
    const ours = processes.filter(
      (teed) => !teed.argv.some((arg) => arg.includes('cognito-local')),
    );
    const lines = ours.flatMap((teed) => [
      ...(isTokenCommand(teed.argv) ? [] : teed.stdout),
      ...teed.stderr,
    ]);
    expect(lines.some((line) => line.includes('"service":"mcp-gateway"'))).toBe(true);
    expect(lines.some((line) => line.includes('"service":"example-server"'))).toBe(true);
    expect(findLeakedSecrets(lines, secrets)).toEqual([]);
  }, 120_000);

  it('the gateway at LOG_LEVEL=debug logs neither inbound tokens nor its outbound client secret and tokens, even when the token endpoint refuses it', async () => {
    const lines: string[] = [];
    const clientSecret = `resilience-secret-${Math.random().toString(36).slice(2)}`;
    const issuer = await startTestIssuer();
    const inbound: string[] = [];
    const processes: StartedProcess[] = [];
    const tokenEndpoint = await startTokenEndpoint({
      clientId: 'gateway-client',
      clientSecret,
      // Two-second tokens: the gateway fetches a new one for a call a second later.
      issue: () =>
        issuer.sign({
          client_id: 'gateway-client',
          sub: 'gateway',
          exp: Math.floor(Date.now() / 1000) + 2,
        }),
    });
    try {
      const authorizer = { discoveryUrl: issuer.discoveryUrl };
      const upstream = await startProcess({
        args: [EXAMPLE_SERVER_ENTRY],
        env: { AUTHORIZER_CONFIG: JSON.stringify(authorizer), LOG_LEVEL: 'debug' },
        lines,
      });
      processes.push(upstream);
      const gateway = await startGatewayService(
        {
          mcpServers: {
            secured: {
              url: upstream.url,
              oauth: {
                tokenUrl: tokenEndpoint.url,
                clientId: 'gateway-client',
                clientSecret: '${CLIENT_SECRET}',
              },
            },
          },
          gateway: { auth: { customJWTAuthorizer: authorizer } },
        },
        { env: { CLIENT_SECRET: clientSecret, LOG_LEVEL: 'debug' }, lines },
      );
      processes.push(gateway);
      const call = async (token: string, message: string) => {
        inbound.push(token);
        return postJsonRpc(gateway.url, toolCallBody(1, 'secured___echo_message', { message }), {
          ...MCP_POST_HEADERS,
          authorization: `Bearer ${token}`,
        });
      };

      const ok = await call(await issuer.sign(), 'one');
      expect(ok.messages[0]?.result?.content).toEqual([{ type: 'text', text: 'Echo: one' }]);
      expect((await call(`${await issuer.sign()}x`, 'tampered')).status).toBe(401);
      // The token endpoint refuses the client: the call fails, and says why without the secret.
      tokenEndpoint.refuseNext(10);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const refused = await postJsonRpc(
        gateway.url,
        toolCallBody(2, 'secured___echo_message', { message: 'two' }),
        {
          ...MCP_POST_HEADERS,
          authorization: `Bearer ${await issuer.sign()}`,
        },
      );
      expect(refused.messages[0]?.error?.message).toMatch(/invalid_client/);
      expect(refused.text).not.toContain(clientSecret);
      tokenEndpoint.refuseNext(0);
    } finally {
      await Promise.all(processes.map((started) => started.stop()));
      await tokenEndpoint.close();
      await issuer.stop();
    }
    // Checked once every process has exited, so their batched log lines are all written.
    expect(tokenEndpoint.issued.length).toBeGreaterThan(0);
    expect(
      lines.some(
        (line) => line.includes('"service":"mcp-gateway"') && line.includes('invalid_client'),
      ),
    ).toBe(true);
    expect(findLeakedSecrets(lines, [clientSecret, ...inbound, ...tokenEndpoint.issued])).toEqual(
      [],
    );
  });
});
