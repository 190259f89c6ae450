import { afterEach, describe, expect, it } from 'vitest';

import { createCleanup } from './support/deferCleanup.js';
import { type FaultGateway, startFaultGateway } from './support/faultGateway.js';
import { launchFixtureUpstream } from './support/faultUpstreams.js';
import { pollUntil } from './support/pollUntil.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/** Starts alpha and beta and a gateway in front of them, then kills alpha until the gateway notices. */
async function killAlphaBehindGateway(discovery: Record<string, unknown>): Promise<FaultGateway> {
  const alpha = cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['echo'] }));
  const beta = cleanup.add(await launchFixtureUpstream({ name: 'beta', tools: ['echo'] }));
  const gateway = cleanup.add(
    await startFaultGateway({
      mcpServers: { alpha: { url: alpha.url }, beta: { url: beta.url } },
      gateway: {
        healthCheck: { intervalMs: 100, failureThreshold: 3, cooldownMs: 500 },
        discovery,
      },
    }),
  );
  expect((await gateway.status()).healthyTargets).toBe(2);
  await alpha.kill();
  await pollUntil(async () => ((await gateway.status()).healthyTargets === 1 ? true : undefined), {
    what: 'the gateway to mark alpha unhealthy',
  });
  return gateway;
}

describe('an unhealthy target in tools/list', () => {
  it('hides its tools by default', async () => {
    const gateway = await killAlphaBehindGateway({});
    const client = await gateway.connect();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(['beta___echo', 'gateway_status']);
  });

  it('keeps its tools listed but flagged with hideUnhealthy: false', async () => {
    const gateway = await killAlphaBehindGateway({ hideUnhealthy: false });
    const client = await gateway.connect();
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'alpha___echo',
      'beta___echo',
      'gateway_status',
    ]);
    const alphaEcho = tools.find((tool) => tool.name === 'alpha___echo');
    expect(alphaEcho?.description).toBe(
      '[unavailable: target "alpha" is unhealthy] Echo a message, prefixed with the server name',
    );
    expect(alphaEcho?._meta).toEqual({
      'agentcore-mcp/gateway': { target: 'alpha', healthy: false },
    });
    const betaEcho = tools.find((tool) => tool.name === 'beta___echo');
    expect(betaEcho?.description).toBe('Echo a message, prefixed with the server name');
  });
});
