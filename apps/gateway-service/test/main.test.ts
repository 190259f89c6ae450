import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { connectMcpClient, type SpawnedApp, toolText } from '@agentcore-mcp/test-support';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  closedPortUrl,
  startExternalServer,
  startService,
  stdioExternalTarget,
  waitForHealthy,
} from './support/processes.js';

describe('gateway-service --config in front of an HTTP and a stdio server (built, as processes)', () => {
  let upstream: SpawnedApp | undefined;
  let gateway: SpawnedApp | undefined;
  let client: Client | undefined;
  let dir: string | undefined;

  const base = () => gateway!.url.replace(/\/mcp$/, '');

  beforeAll(async () => {
    upstream = await startExternalServer();
    dir = mkdtempSync(join(tmpdir(), 'gateway-service-'));
    const configFile = join(dir, 'gateway.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        mcpServers: { external: { url: upstream.url }, local: stdioExternalTarget() },
        gateway: { host: '0.0.0.0', port: 8000 },
      }),
    );
    gateway = await startService({ args: ['--config', configFile] });
    await waitForHealthy(gateway.url, 2);
    client = await connectMcpClient(gateway.url);
  });
  afterAll(async () => {
    await client?.close();
    await gateway?.stop();
    await upstream?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('listens where env HOST and PORT say, over the file’s gateway.host and gateway.port', () => {
    const listening = gateway!.stdout
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'listening');
    expect(listening).toMatchObject({ host: '127.0.0.1', mode: 'stateless', auth: 'off' });
    expect(gateway!.port).not.toBe(8000);
    expect(gateway!.url).toBe(`http://127.0.0.1:${gateway!.port}/mcp`);
  });

  it('lists every target’s tools, prefixed with the target name, and gateway_status', async () => {
    const { tools } = await client!.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'external___external_echo',
      'gateway_status',
      'local___external_echo',
    ]);
  });

  it.each(['external', 'local'])('calls %s___external_echo through the gateway', async (target) => {
    const result = await client!.callTool({
      name: `${target}___external_echo`,
      arguments: { message: 'Hello from gateway!' },
    });
    expect(result.isError).toBeFalsy();
    expect(toolText(result)).toBe('External Server Echo: Hello from gateway!');
  });

  it('GET /status says running, every target healthy', async () => {
    const response = await fetch(`${base()}/status`);
    expect(response.status).toBe(200);
    const status = (await response.json()) as { status: string; targets: unknown[] };
    expect(status).toMatchObject({ status: 'running', healthyTargets: 2, totalTargets: 2 });
    expect(status.targets).toEqual([
      expect.objectContaining({ name: 'external', healthy: true, lastError: null, toolCount: 1 }),
      expect.objectContaining({ name: 'local', transport: 'stdio', healthy: true, toolCount: 1 }),
    ]);
  });

  it('GET /metrics serves Prometheus text with a gauge per target', async () => {
    const response = await fetch(`${base()}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = await response.text();
    expect(body).toContain('mcp_gateway_target_up{target="external"} 1');
    expect(body).toContain('mcp_gateway_target_up{target="local"} 1');
  });
});

describe('gateway-service without inbound auth, HOST or gateway.host', () => {
  it('listens on 127.0.0.1 only and logs one "authentication is off" warning', async () => {
    // No gateway section at all: the default decides (spawnApp would otherwise set HOST).
    const config = { mcpServers: { local: stdioExternalTarget() } };
    const gateway = await startService({
      env: { GATEWAY_CONFIG: JSON.stringify(config), HOST: undefined, PORT: '0' },
    });
    try {
      const lines = gateway.stdout.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(lines.find((line) => line.msg === 'listening')).toMatchObject({
        host: '127.0.0.1',
        auth: 'off',
      });
      expect(gateway.url).toBe(`http://127.0.0.1:${gateway.port}/mcp`);
      const warnings = lines.filter((line) => String(line.msg).startsWith('authentication is off'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatchObject({
        level: 'warn',
        msg: expect.stringContaining('set gateway.auth.customJWTAuthorizer') as unknown,
      });
    } finally {
      await gateway.stop();
    }
  });
});

describe('gateway-service with GATEWAY_CONFIG as inline JSON', () => {
  it('starts while a target is down, reports it in /status, and exits 0 on SIGTERM', async () => {
    const config = {
      mcpServers: { down: { url: await closedPortUrl() }, local: stdioExternalTarget() },
    };
    const gateway = await startService({ env: { GATEWAY_CONFIG: JSON.stringify(config) } });
    try {
      const status = await waitForHealthy(gateway.url, 1);
      expect(status).toMatchObject({ status: 'running', healthyTargets: 1, totalTargets: 2 });
      expect(status.targets).toContainEqual(
        expect.objectContaining({
          name: 'down',
          healthy: false,
          lastError: expect.stringMatching(/^Cannot connect to target "down"/) as unknown,
        }),
      );
    } finally {
      expect(await gateway.stop('SIGTERM')).toBe(0);
    }
  });
});

describe('gateway-service start-up errors: exit 1 with one `error:` line', () => {
  const valid = JSON.stringify({ mcpServers: { local: stdioExternalTarget() } });

  it.each([
    [
      'no config at all',
      {},
      /^error: No gateway config: usage: agentcore-mcp-gateway --config <gateway\.json>, or set GATEWAY_CONFIG to a file path or inline JSON \(--help lists every option\)$/,
    ],
    [
      'a config file that does not exist',
      { args: ['--config', '/nonexistent/gateway.json'] },
      /^error: Invalid gateway config: \/nonexistent\/gateway\.json: cannot read the file \(ENOENT\); expected the path of a readable JSON file$/,
    ],
    [
      'an invalid config',
      {
        env: {
          GATEWAY_CONFIG: '{"mcpServers":{"external":{"url":"http://127.0.0.1/mcp","timeout":5}}}',
        },
      },
      /^error: Invalid gateway config: mcpServers\.external\.timeout: unknown key \(did you mean "timeoutMs"\?\); allowed keys: [^\n]+$/,
    ],
    [
      'an unknown option',
      { args: ['--conf', 'gateway.json'] },
      /^error: Invalid arguments: unknown option "--conf"; usage: agentcore-mcp-gateway --config <gateway\.json>[^\n]+$/,
    ],
    [
      'an invalid PORT',
      { env: { GATEWAY_CONFIG: valid, PORT: 'eighty' } },
      /^error: Invalid PORT "eighty": use an integer from 0 to 65535$/,
    ],
  ])('%s', async (_case, options, line) => {
    type StartFailure = Error & { exitCode?: unknown; stderr?: readonly string[] };
    const failure: StartFailure = await startService(options).then(
      async (app) => {
        await app.stop();
        return new Error('started instead of failing');
      },
      (error: unknown) => error as Error & { exitCode?: unknown; stderr?: readonly string[] },
    );
    // test-support's spawnApp rejects with server-kit's ServerProcessError: code, exit code, stderr.
    expect(failure).toMatchObject({ code: 'ERR_PROCESS_EXITED', exitCode: 1 });
    expect(failure.stderr).toEqual([expect.stringMatching(line)]);
  });
});
