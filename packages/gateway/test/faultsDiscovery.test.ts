import { afterEach, describe, expect, it } from 'vitest';

import { createCleanup } from './support/deferCleanup.js';
import { startFaultGateway } from './support/faultGateway.js';
import { launchFixtureUpstream } from './support/faultUpstreams.js';
import { pollUntil } from './support/pollUntil.js';
import { settleToolCall } from './support/settleToolCall.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

describe('discovery', () => {
  it('follows a target whose tools changed, on the periodic refresh, without restarting', async () => {
    const alpha = await launchFixtureUpstream({ name: 'alpha', tools: ['echo'] });
    cleanup.add(alpha);
    const beta = cleanup.add(await launchFixtureUpstream({ name: 'beta', tools: ['echo'] }));
    const gateway = cleanup.add(
      await startFaultGateway({
        mcpServers: { alpha: { url: alpha.url }, beta: { url: beta.url } },
        gateway: {
          healthCheck: { intervalMs: 100, failureThreshold: 3, cooldownMs: 300 },
          discovery: { refreshIntervalMs: 200 },
        },
      }),
    );
    const client = await gateway.connect();
    const toolNames = async () => (await client.listTools()).tools.map((tool) => tool.name).sort();
    expect(await toolNames()).toEqual(['alpha___echo', 'beta___echo', 'gateway_status']);

    // The same target comes back on its port with another tool set: echo is gone, slow is new.
    await alpha.stop();
    cleanup.add(await launchFixtureUpstream({ name: 'alpha', tools: ['slow'], port: alpha.port }));
    const expected = ['alpha___slow', 'beta___echo', 'gateway_status'];
    await pollUntil(
      async () =>
        JSON.stringify(await toolNames()) === JSON.stringify(expected) ? true : undefined,
      { what: `tools/list to become ${expected.join(', ')}` },
    );

    expect(await settleToolCall(client, 'alpha___slow', { ms: 1 })).toEqual({
      ok: true,
      text: 'alpha: slept 1 ms',
      isError: false,
    });
    expect(await settleToolCall(client, 'alpha___echo', { message: 'gone?' })).toMatchObject({
      ok: false,
      code: -32_602,
      message: expect.stringContaining('Unknown tool "alpha___echo"') as unknown,
    });
    expect((await gateway.status()).targets[0]).toMatchObject({
      name: 'alpha',
      healthy: true,
      toolCount: 1,
    });
  });
});
