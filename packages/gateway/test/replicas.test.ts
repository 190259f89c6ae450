import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import { afterEach, describe, expect, it } from 'vitest';

import { createCleanup } from './support/deferCleanup.js';
import { type FaultGateway, startFaultGateway } from './support/faultGateway.js';
import { launchFixtureUpstream } from './support/faultUpstreams.js';
import { prometheusSamples } from './support/prometheusSamples.js';
import { settleToolCall } from './support/settleToolCall.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/**
 * A fetch that sends each request to the next replica in turn (a round-robin load balancer with
 * no stickiness) and records `<replica index>:<JSON-RPC method>` for every POST.
 */
function roundRobin(replicas: readonly FaultGateway[], log: string[]): FetchLike {
  let next = 0;
  return async (url, init) => {
    const index = next % replicas.length;
    next += 1;
    const replica = replicas[index];
    if (replica === undefined) throw new Error('no replica');
    const rewritten = new URL(url);
    rewritten.host = new URL(replica.url).host;
    if (init?.method === 'POST' && typeof init.body === 'string') {
      const { method } = JSON.parse(init.body) as { method?: string };
      log.push(`${index}:${method ?? 'response'}`);
    }
    return fetch(rewritten, init);
  };
}

describe('stateless replicas', () => {
  it('serve one client whose requests alternate between two gateways with the same config', async () => {
    const alpha = cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['echo'] }));
    const beta = cleanup.add(await launchFixtureUpstream({ name: 'beta', tools: ['echo'] }));
    const config = {
      mcpServers: { alpha: { url: alpha.url }, beta: { url: beta.url } },
      gateway: { mode: 'stateless' },
    };
    const replicas = [
      cleanup.add(await startFaultGateway(config)),
      cleanup.add(await startFaultGateway(config)),
    ];
    const log: string[] = [];
    const client = await replicas[0]!.connect(roundRobin(replicas, log));
    expect(log[0]).toBe('0:initialize');

    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'alpha___echo',
      'beta___echo',
      'gateway_status',
    ]);
    for (let call = 1; call <= 6; call += 1) {
      const target = call % 2 === 0 ? 'alpha' : 'beta';
      expect(await settleToolCall(client, `${target}___echo`, { message: `call ${call}` })).toEqual(
        { ok: true, text: `${target}: call ${call}`, isError: false },
      );
    }

    const calls = log.filter((entry) => entry.endsWith(':tools/call'));
    expect(calls).toHaveLength(6);
    expect(calls.filter((entry) => entry.startsWith('0:')).length).toBeGreaterThan(0);
    expect(calls.filter((entry) => entry.startsWith('1:')).length).toBeGreaterThan(0);
    for (const replica of replicas) {
      const served = prometheusSamples(
        (await replica.get('/metrics')).text,
        'mcp_gateway_requests_total',
      ).filter(({ labels }) => labels.method === 'tools/call' && labels.outcome === 'ok');
      expect(served.reduce((total, sample) => total + sample.value, 0)).toBeGreaterThan(0);
    }
  });
});
