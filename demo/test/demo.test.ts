import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const entry = fileURLToPath(new URL('../dist/main.js', import.meta.url));

describe('pnpm demo', () => {
  it('sets up Cognito, refuses a call without a token, calls every tool with one, and exits 0', async () => {
    const { stdout } = await run(process.execPath, [entry], { timeout: 90_000 });
    expect(stdout).toMatch(
      /🔐 cognito-local on http:\/\/127\.0\.0\.1:\d+; setup-cognito created pool local_\w+/,
    );
    expect(stdout).toMatch(
      /🚫 Without a token: HTTP 401, WWW-Authenticate: Bearer resource_metadata="http:\/\/127\.0\.0\.1:\d+\/\.well-known\/oauth-protected-resource"/,
    );
    expect(stdout).toContain('🎟  Got an access token with agentcore-mcp token');
    expect(stdout).toContain('🔗 Connected to example-server 0.1.0');
    expect(stdout).toContain('🔗 Connected to external-server 0.1.0');
    expect(stdout).toContain('📋 Available tools (6):');
    expect(stdout).toContain('→ Echo: Hello from AgentCore!');
    expect(stdout).toContain('→ Result: 15 add 27 = 42');
    expect(stdout).toContain('→ External Server Echo: Hello from gateway!');
    expect(stdout.trimEnd().endsWith('✅ All tests completed successfully.')).toBe(true);
  });
});
