import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect } from 'vitest';

import type { HeldCall, ProbeUpstream } from './startProbeUpstream.js';

/**
 * Two fresh clients (so both calls carry JSON-RPC id 1) each call the probe's `hold` tool through
 * the gateway as `tool`; the first cancels: only its upstream call must end. Then the second
 * cancels, and its call ends too. `roundTrip` is any request through the gateway and the upstream.
 */
export async function expectOwnCancellation(
  [first, second]: readonly [Client, Client],
  {
    probe,
    tool,
    roundTrip,
  }: { probe: ProbeUpstream; tool: string; roundTrip: () => Promise<unknown> },
): Promise<void> {
  const controllers = [new AbortController(), new AbortController()] as const;
  const calls = [first, second].map((client, index) =>
    client.callTool({ name: tool, arguments: { label: `c${index + 1}` } }, undefined, {
      signal: controllers[index]?.signal,
      timeout: 120_000,
    }),
  );
  const held = new Map<string, HeldCall>();
  while (held.size < 2) {
    const call = await probe.nextCall();
    held.set(call.label, call);
  }

  controllers[0].abort('first gave up');
  await expect(calls[0]).rejects.toThrow('first gave up');
  await held.get('c1')!.aborted; // bounded by the test timeout: never resolves if not cancelled
  await roundTrip();
  expect(held.get('c2')!.signal.aborted).toBe(false);

  controllers[1].abort('second gave up');
  await expect(calls[1]).rejects.toThrow('second gave up');
  await held.get('c2')!.aborted;
}
