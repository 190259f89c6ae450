import { afterEach, describe, expect, it } from 'vitest';

import { createCleanup } from './support/deferCleanup.js';
import { startFaultGateway } from './support/faultGateway.js';
import { startProbeUpstream } from './support/startProbeUpstream.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

const POST_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

/** A tools/call whose arguments nest `depth` objects deep, built as text (stringify would overflow). */
function deepCall(id: number, depth: number): string {
  const nested = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  return `{"jsonrpc":"2.0","id":${id},"method":"tools/call","params":{"name":"alpha___headers","arguments":{"x":${nested}}}}`;
}

describe('arguments the gateway cannot forward', () => {
  it('answers arguments nested too deeply to serialize with -32602 and keeps the target healthy', async () => {
    const alpha = cleanup.add(await startProbeUpstream({ mode: 'stateless' }));
    const gateway = cleanup.add(
      await startFaultGateway({
        mcpServers: { alpha: { url: alpha.url } },
        gateway: { healthCheck: { intervalMs: 600_000, failureThreshold: 1, cooldownMs: 600_000 } },
      }),
    );
    for (const id of [1, 2]) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: POST_HEADERS,
        body: deepCall(id, 100_000),
      });
      expect(response.status).toBe(200);
      const text = await response.text();
      const message = JSON.parse(text.slice(text.indexOf('{'))) as {
        id: number;
        error: { code: number; message: string };
      };
      expect(message).toMatchObject({ id, error: { code: -32_602 } });
      expect(message.error.message).toMatch(
        /^Cannot forward tools\/call to target "alpha": the request is nested too deeply to serialize/,
      );
    }
    // One failure would have opened the circuit (threshold 1): the target is still fine.
    const [status] = (await gateway.status()).targets;
    expect(status).toMatchObject({
      name: 'alpha',
      healthy: true,
      circuit: 'closed',
      lastError: null,
    });
    const client = await gateway.connect();
    const result = await client.callTool({ name: 'alpha___headers', arguments: {} });
    expect(result.isError).toBeFalsy();
  });
});
