import { execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const entry = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const EXAMPLE_ARN =
  'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/example_server-Demo000001';

describe('pnpm demo', () => {
  it('runs the seed client flow by ARN through the emulator with Cognito auth, and exits 0', async () => {
    const { stdout } = await run(process.execPath, [entry], { timeout: 90_000 });
    expect(stdout).toMatch(
      /🔐 cognito-local on http:\/\/127\.0\.0\.1:\d+; setup-cognito created pool local_\w+/,
    );
    expect(stdout).toMatch(
      /🛰 {2}AgentCore Runtime emulator \(agentcore-mcp local\) on http:\/\/127\.0\.0\.1:\d+, JWT authorizer on/,
    );
    expect(stdout).toContain(
      `🚫 Without a token: HTTP 401, WWW-Authenticate: Bearer resource_metadata="http://127.0.0.1:`,
    );
    expect(stdout).toContain(
      `/runtimes/${encodeURIComponent(EXAMPLE_ARN)}/invocations/.well-known/oauth-protected-resource?qualifier=DEFAULT"`,
    );
    expect(stdout).toContain('🎟  Got an access token with agentcore-mcp token');
    expect(stdout).toContain(`🔗 Connected to example-server 0.1.0 by ARN ${EXAMPLE_ARN}`);
    expect(stdout).toContain('🔗 Connected to external-server 0.1.0 by ARN');
    expect(stdout).toContain('✓ MCP 2026-07-28 (server/discover, no session)');
    expect(stdout).toContain('📋 Available tools (6):');
    expect(stdout).toContain('→ Echo: Hello from AgentCore!');
    expect(stdout).toContain('→ Result: 15 add 27 = 42');
    expect(stdout).toContain('→ External Server Echo: Hello from gateway!');

    expect(stdout).toMatch(
      /🌉 gateway-service on http:\/\/127\.0\.0\.1:\d+\/mcp, JWT authorizer on \(the same Cognito pool\), in front of:\n {3}- external: external-server over streamable HTTP\n {3}- everything: @modelcontextprotocol\/server-everything over stdio/,
    );
    expect(stdout).toMatch(
      /🚫 Gateway without a token: HTTP 401, WWW-Authenticate: Bearer resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource/,
    );
    expect(stdout).toContain('🔗 Connected to agentcore-mcp-gateway 0.1.0 with the token');
    expect(stdout).toContain('📊 Gateway status: running, 2/2 targets healthy');
    expect(stdout).toMatch(/^ {3}✓ external: healthy, 2 tools, \d+ ms$/m);
    expect(stdout).toMatch(/^ {3}✓ everything: healthy, \d+ tools, \d+ ms$/m);
    expect(stdout).toMatch(/📋 Tools discovered through the gateway \(\d+\):/);
    expect(stdout).toContain(
      '   - external___external_echo: Echo a message back from the external server',
    );
    expect(stdout).toContain('   - everything___get-sum: ');
    expect(stdout).toContain('   - gateway_status: ');
    expect(stdout).not.toContain('everything___get-env');
    expect(stdout).toContain(
      '🔧 external___external_echo({"message":"Hello from gateway!"}) → External Server Echo: Hello from gateway!',
    );
    expect(stdout).toContain(
      '🔧 everything___get-sum({"a":15,"b":27}) → The sum of 15 and 27 is 42.',
    );
    expect(stdout.trimEnd().endsWith('✅ All tests completed successfully.')).toBe(true);
  }, 120_000);

  it('with --keep stays up, prints the URLs and a token, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(process.execPath, [entry, '--keep'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const lines: string[] = [];
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          lines.push(line);
          if (line.startsWith('Press Ctrl-C')) resolve();
        });
        void exited.then(() => reject(new Error(lines.join('\n'))));
      });
      const url = lines
        .map((line) => line.trim())
        .find(
          (line) =>
            line.startsWith('http://127.0.0.1:') && line.includes('/invocations?qualifier=DEFAULT'),
        );
      const token = lines
        .find((line) => line.startsWith('Token (valid about an hour): '))
        ?.split(': ')[1];
      expect(url).toBeDefined();
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(await listTools(url!, token!)).toContain('"name":"echo_message"');

      const gatewayUrl = lines[lines.indexOf('   the gateway (gateway-service)') + 1]?.trim();
      expect(gatewayUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      expect(await listTools(gatewayUrl!, token!)).toContain('"name":"external___external_echo"');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 120_000);
});

/** `tools/list` with a bearer token; fails unless the answer is HTTP 200. */
async function listTools(url: string, token: string): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list' }),
  });
  expect(response.status).toBe(200);
  return response.text();
}
