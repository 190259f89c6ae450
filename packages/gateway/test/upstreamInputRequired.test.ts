// Multi round-trip requests (MCP 2026-07-28, `input_required`) through the gateway: a 2026
// client's rounds pass through to the target unchanged; for a 2025 session the gateway plays the
// rounds itself, asking the client with a real elicitation request.
import { toolText } from '@agentcore-mcp/test-support';
import {
  Client,
  type InputRequiredResult,
  isInputRequiredResult,
  StreamableHTTPClientTransport,
} from '@modelcontextprotocol/client';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';

import { createCleanup } from './support/deferCleanup.js';
import { startDualEraTarget } from './support/startDualEraTarget.js';
import { startProxyGateway } from './support/startProxyGateway.js';
import { startRecordingProxy } from './support/startRecordingProxy.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/** A server-kit target behind a recording proxy, and a gateway in `mode` in front of both. */
async function startChain(mode: 'stateless' | 'stateful') {
  const target = cleanup.add(await startDualEraTarget());
  const proxy = cleanup.add(await startRecordingProxy(target.url));
  const gateway = cleanup.add(
    await startProxyGateway({ mcpServers: { dual: { url: proxy.url } }, gateway: { mode } }),
  );
  const calls = () =>
    proxy.requests
      .filter((request) => request.body?.method === 'tools/call')
      .map((request) => request.body?.params ?? {});
  return { proxy, gateway, calls };
}

/** An SDK v2 client pinned to MCP 2026-07-28 that declares elicitation. */
async function connectModern(url: string, autoFulfill: boolean): Promise<Client> {
  const client = new Client(
    { name: 'mrtr-2026', version: '1.0.0' },
    {
      capabilities: { elicitation: {} },
      versionNegotiation: { mode: { pin: '2026-07-28' } },
      inputRequired: { autoFulfill },
    },
  );
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  cleanup.add(client);
  return client;
}

describe('input_required through the gateway', () => {
  it('reaches a 2026 client as it is, and its retry reaches the same target', async () => {
    const { gateway, calls } = await startChain('stateless');
    const client = await connectModern(gateway.url, true);
    const asked: unknown[] = [];
    client.setRequestHandler('elicitation/create', (request) => {
      asked.push(request.params);
      return { action: 'accept', content: { name: 'Ada' } };
    });
    const result = await client.callTool({ name: 'dual___ask_name', arguments: {} });
    expect(toolText(result)).toBe('dual: accept Ada');
    expect(asked).toMatchObject([{ message: 'What is your name?' }]);

    // The gateway answered nothing itself: the target saw the client's own two rounds.
    const [first, retry] = calls();
    expect(calls()).toHaveLength(2);
    expect(first).not.toHaveProperty('inputResponses');
    expect(retry).toMatchObject({
      name: 'ask_name',
      inputResponses: { 'input-0': { action: 'accept', content: { name: 'Ada' } } },
      requestState: expect.any(String) as unknown,
    });
    const meta = retry?._meta as Record<string, unknown>;
    expect(meta['io.modelcontextprotocol/clientCapabilities']).toEqual({ elicitation: {} });
  });

  it("hands a 2026 client in manual mode the target's requestState byte for byte", async () => {
    const { gateway, calls } = await startChain('stateless');
    const client = await connectModern(gateway.url, false);
    const first = (await client.callTool(
      { name: 'dual___ask_name', arguments: {} },
      { allowInputRequired: true },
    )) as unknown as InputRequiredResult;
    expect(isInputRequiredResult(first)).toBe(true);
    expect(first.inputRequests?.['input-0']).toMatchObject({ method: 'elicitation/create' });

    const retried = await client.request({
      method: 'tools/call',
      params: {
        name: 'dual___ask_name',
        arguments: {},
        inputResponses: { 'input-0': { action: 'accept', content: { name: 'Bo' } } },
        requestState: first.requestState,
      },
    } as never);
    expect(toolText(retried as never)).toBe('dual: accept Bo');
    expect(calls()[1]?.requestState).toBe(first.requestState);
  });

  it('is played by the gateway for a 2025 session: the client is asked with a real request', async () => {
    const { gateway, calls } = await startChain('stateful');
    const client = await gateway.connect({ capabilities: { elicitation: {} } });
    const asked: unknown[] = [];
    client.setRequestHandler(ElicitRequestSchema, ({ params }) => {
      asked.push(params);
      return { action: 'accept', content: { name: 'Grace' } };
    });
    const result = await client.callTool({ name: 'dual___ask_name', arguments: {} });
    expect(toolText(result)).toBe('dual: accept Grace');
    expect(asked).toMatchObject([{ message: 'What is your name?' }]);

    const [first, retry] = calls();
    expect(calls()).toHaveLength(2);
    expect(first).not.toHaveProperty('inputResponses');
    expect(retry).toMatchObject({
      inputResponses: { 'input-0': { action: 'accept', content: { name: 'Grace' } } },
      requestState: expect.any(String) as unknown,
    });
    // The envelope says what the 2025 client declared on its session.
    const meta = retry?._meta as Record<string, unknown>;
    expect(meta['io.modelcontextprotocol/clientCapabilities']).toEqual({
      elicitation: expect.any(Object) as unknown,
    });
  });
});
