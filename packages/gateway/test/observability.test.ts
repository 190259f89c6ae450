import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { GatewayStatus } from '../src/index.js';
import { createCleanup } from './support/deferCleanup.js';
import { type FaultGateway, startFaultGateway } from './support/faultGateway.js';
import { launchFixtureUpstream, unusedPort } from './support/faultUpstreams.js';
import { prometheusSamples } from './support/prometheusSamples.js';
import { settleToolCall } from './support/settleToolCall.js';

const cleanup = createCleanup();
let gateway: FaultGateway;
let client: Client;
let deadUrl: string;

beforeAll(async () => {
  const alpha = cleanup.add(
    await launchFixtureUpstream({ name: 'alpha', tools: ['echo', 'slow'] }),
  );
  const beta = cleanup.add(
    await launchFixtureUpstream({ name: 'beta', tools: ['echo', 'refuse'] }),
  );
  deadUrl = `http://127.0.0.1:${await unusedPort()}/mcp`;
  gateway = cleanup.add(
    await startFaultGateway({
      mcpServers: { alpha: { url: alpha.url }, beta: { url: beta.url }, dead: { url: deadUrl } },
    }),
  );
  client = await gateway.connect();
});
afterAll(() => cleanup.run());

const TARGET_STATUS_KEYS = [
  'circuit',
  'healthy',
  'lastError',
  'lastErrorAt',
  'latencyMs',
  'listedAt',
  'name',
  'promptCount',
  'protocol',
  'resourceCount',
  'restarts',
  'server',
  'starting',
  'toolCount',
  'transport',
];

describe('observability', () => {
  it('answers GET /ping with the AgentCore health document', async () => {
    const ping = await gateway.get('/ping');
    expect(ping.status).toBe(200);
    expect(JSON.parse(ping.text)).toEqual({
      status: 'Healthy',
      time_of_last_update: expect.any(Number) as unknown,
    });
  });

  it('reports the gateway and every target on GET /status', async () => {
    const response = await gateway.get('/status');
    expect(response.status).toBe(200);
    const status = JSON.parse(response.text) as GatewayStatus;
    expect(status).toMatchObject({
      status: 'running',
      version: expect.any(String) as unknown,
      mode: 'stateless',
      healthyTargets: 2,
      totalTargets: 3,
      toolCount: 5,
      problems: [],
    });
    expect(status.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(status.targets.map((target) => target.name)).toEqual(['alpha', 'beta', 'dead']);
    for (const target of status.targets)
      expect(Object.keys(target).sort()).toEqual(TARGET_STATUS_KEYS);

    const [alpha, , dead] = status.targets;
    expect(alpha).toMatchObject({
      transport: 'streamable-http',
      healthy: true,
      circuit: 'closed',
      lastError: null,
      toolCount: 2,
      restarts: 0,
      server: { name: 'alpha', version: '1.0.0' },
      protocol: { configured: 'auto', era: 'modern', version: '2026-07-28' },
    });
    expect(alpha?.latencyMs).toEqual(expect.any(Number));
    expect(alpha?.listedAt).toEqual(expect.any(String));
    expect(dead).toMatchObject({
      healthy: false,
      toolCount: 0,
      listedAt: null,
      server: null,
      protocol: { configured: 'auto', era: null, version: null },
    });
    expect(dead?.lastError).toMatch(
      new RegExp(
        `^Cannot connect to target "dead" \\(${deadUrl.replaceAll('.', '\\.')}\\): .*ECONNREFUSED`,
      ),
    );
    expect(dead?.lastErrorAt).toEqual(expect.any(String));
  });

  it('reports the same through the gateway_status tool', async () => {
    const { tools } = await client.listTools();
    expect(tools.find((tool) => tool.name === 'gateway_status')?.annotations).toMatchObject({
      readOnlyHint: true,
    });
    const result = await client.callTool({ name: 'gateway_status', arguments: {} });
    const [summary] = result.content as { type: string; text: string }[];
    const lines = summary?.text.split('\n') ?? [];
    expect(lines.slice(0, 3)).toEqual([
      'Gateway status: running',
      '- alpha: healthy, 2 tools, MCP 2026-07-28',
      '- beta: healthy, 2 tools, MCP 2026-07-28',
    ]);
    expect(lines[3]).toMatch(/^- dead: unhealthy, 0 tools \(Cannot connect to target "dead" .*\)$/);
    expect(result.structuredContent).toMatchObject({
      status: 'running',
      healthyTargets: 2,
      targets: [{ name: 'alpha' }, { name: 'beta' }, { name: 'dead', healthy: false }],
    });
  });

  it('counts proxied calls per target and tool on GET /metrics and reports target health', async () => {
    const before = await metricsText();
    const echoOk = (text: string) =>
      requestCount(text, { target: 'alpha', tool: 'echo', outcome: 'ok' });
    const echoRpcError = (text: string) =>
      requestCount(text, { target: 'alpha', tool: 'echo', outcome: 'rpc_error' });

    for (const message of ['a', 'b']) {
      expect(await settleToolCall(client, 'alpha___echo', { message })).toMatchObject({ ok: true });
    }
    expect(await settleToolCall(client, 'beta___echo', { message: 'c' })).toMatchObject({
      ok: true,
    });
    // A tool that reports an error (`isError: true`) is a tool error, not ok.
    expect(await settleToolCall(client, 'beta___refuse', {})).toMatchObject({ isError: true });
    // The target's own error passes through and is counted as such.
    expect(await settleToolCall(client, 'alpha___echo', {})).toMatchObject({
      ok: false,
      code: -32_602,
      message: expect.stringContaining('Invalid arguments for tool "echo"') as unknown,
    });

    const response = await gateway.get('/metrics');
    expect(response.status).toBe(200);
    const after = response.text;
    expect(echoOk(after) - echoOk(before)).toBe(2);
    expect(echoRpcError(after) - echoRpcError(before)).toBe(1);
    const refused = (text: string) =>
      requestCount(text, { target: 'beta', tool: 'refuse', outcome: 'tool_error' });
    expect(refused(after) - refused(before)).toBe(1);
    expect(
      requestCount(after, { target: 'beta', tool: 'refuse', outcome: 'ok' }) -
        requestCount(before, { target: 'beta', tool: 'refuse', outcome: 'ok' }),
    ).toBe(0);
    expect(
      requestCount(after, { target: 'beta', tool: 'echo', outcome: 'ok' }) -
        requestCount(before, { target: 'beta', tool: 'echo', outcome: 'ok' }),
    ).toBe(1);
    expect(
      prometheusSamples(after, 'mcp_gateway_request_errors_total').find(
        ({ labels }) => labels.target === 'alpha' && labels.outcome === 'rpc_error',
      )?.value,
    ).toBeGreaterThanOrEqual(1);
    expect(
      prometheusSamples(after, 'mcp_gateway_request_duration_seconds_count').find(
        ({ labels }) => labels.target === 'alpha' && labels.tool === 'echo',
      )?.value,
    ).toBeGreaterThanOrEqual(3);

    const up: Record<string, number> = {};
    for (const { labels, value } of prometheusSamples(after, 'mcp_gateway_target_up')) {
      up[labels.target ?? ''] = value;
    }
    expect(up).toEqual({ alpha: 1, beta: 1, dead: 0 });
    expect(
      prometheusSamples(after, 'mcp_gateway_target_tools').find(
        ({ labels }) => labels.target === 'alpha',
      )?.value,
    ).toBe(2);
  });
});

async function metricsText(): Promise<string> {
  return (await gateway.get('/metrics')).text;
}

function requestCount(
  text: string,
  labels: { target: string; tool: string; outcome: string },
): number {
  const sample = prometheusSamples(text, 'mcp_gateway_requests_total').find(
    (candidate) =>
      candidate.labels.method === 'tools/call' &&
      candidate.labels.target === labels.target &&
      candidate.labels.tool === labels.tool &&
      candidate.labels.outcome === labels.outcome,
  );
  return sample?.value ?? 0;
}
