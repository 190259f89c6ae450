// Stateful mode: the upstream's requests to the client (sampling, elicitation) and the client's
// log level travel over the calling client's own upstream session, and reach that client only.
import { toolText } from '@agentcore-mcp/test-support';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CreateMessageRequestSchema,
  ElicitRequestSchema,
  LoggingMessageNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { settleToolCall } from './support/settleToolCall.js';
import { type ProxyGateway, startProxyGateway } from './support/startProxyGateway.js';
import { startUpstreamFixture } from './support/upstreamProcesses.js';

type Upstream = Awaited<ReturnType<typeof startUpstreamFixture>>;

/** A client that answers sampling with `model` and elicitation with `name`, and records both. */
async function connectAnswering(proxy: ProxyGateway, answers: { model: string; name?: string }) {
  const client = await proxy.connect({ capabilities: { sampling: {}, elicitation: {} } });
  const asked: unknown[] = [];
  client.setRequestHandler(CreateMessageRequestSchema, ({ params }) => {
    asked.push(params);
    return {
      model: 'test-model',
      role: 'assistant',
      content: { type: 'text', text: answers.model },
    };
  });
  client.setRequestHandler(ElicitRequestSchema, ({ params }) => {
    asked.push(params);
    return answers.name === undefined
      ? { action: 'decline' }
      : { action: 'accept', content: { name: answers.name } };
  });
  return { client, asked };
}

/** Calls the upstream `progress` tool and returns the log lines that reached the client. */
async function logsOfOneCall(client: Client): Promise<string[]> {
  const logs: string[] = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, ({ params }) => {
    logs.push(`${params.level}: ${String(params.data)}`);
  });
  await client.callTool({ name: 'up___progress', arguments: { steps: 1 } });
  return logs;
}

describe('a stateful gateway forwards requests from the upstream to the calling client', () => {
  let upstream: Upstream;
  let proxy: ProxyGateway;

  beforeAll(async () => {
    upstream = await startUpstreamFixture({ name: 'up', mode: 'stateful' });
    proxy = await startProxyGateway({
      mcpServers: { up: { url: upstream.url } },
      gateway: { mode: 'stateful' },
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.stop();
  });

  it("sends sampling to the caller's handler only, and its answer back upstream", async () => {
    const alice = await connectAnswering(proxy, { model: 'forty-two' });
    const bob = await connectAnswering(proxy, { model: 'bob-model' });

    const result = await alice.client.callTool({
      name: 'up___ask_model',
      arguments: { question: 'What is 6 x 7?' },
    });
    expect(toolText(result)).toBe('up: model said forty-two');
    expect(alice.asked).toEqual([
      {
        messages: [{ role: 'user', content: { type: 'text', text: 'What is 6 x 7?' } }],
        maxTokens: 50,
      },
    ]);
    expect(bob.asked).toEqual([]);

    const bobs = await bob.client.callTool({
      name: 'up___ask_model',
      arguments: { question: 'q' },
    });
    expect(toolText(bobs)).toBe('up: model said bob-model');
    expect(alice.asked).toHaveLength(1);
  });

  it("sends elicitation to the caller's handler only, and its answer back upstream", async () => {
    const alice = await connectAnswering(proxy, { model: 'm', name: 'Ada' });
    const bob = await connectAnswering(proxy, { model: 'm' });

    const accepted = await alice.client.callTool({ name: 'up___ask_user', arguments: {} });
    expect(toolText(accepted)).toBe('up: accept {"name":"Ada"}');
    expect(alice.asked).toMatchObject([
      {
        message: 'What is your name?',
        requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
      },
    ]);
    expect(bob.asked).toEqual([]);

    const declined = await bob.client.callTool({ name: 'up___ask_user', arguments: {} });
    expect(toolText(declined)).toBe('up: decline {}');
  });

  it("applies the client's log level upstream, set before its first call", async () => {
    const client = await proxy.connect();
    await client.setLoggingLevel('warning');
    expect(await logsOfOneCall(client)).toEqual([]);
    await client.setLoggingLevel('debug');
    expect(await logsOfOneCall(client)).toEqual(['info: up: starting 1 steps']);
  });

  it("applies the client's log level upstream, changed after a call", async () => {
    const client = await proxy.connect();
    expect(await logsOfOneCall(client)).toEqual(['info: up: starting 1 steps']);
    await client.setLoggingLevel('error');
    expect(await logsOfOneCall(client)).toEqual([]);
  });
});

describe.each([
  // A 2026-07-28 target: the gateway declares nothing for a stateless 2025 request, so the target
  // refuses at once with -32021, naming the capability.
  ['auto', { ok: false, code: -32_021 }],
  // A 2025 target: the shared session declares no sampling, so the tool fails naming it.
  ['legacy', { ok: true, isError: true }],
] as const)(
  'a stateless gateway and server-to-client requests (protocol %s)',
  (protocol, ended) => {
    let upstream: Upstream;
    let proxy: ProxyGateway;

    beforeAll(async () => {
      upstream = await startUpstreamFixture({ name: 'up', mode: 'stateful' });
      proxy = await startProxyGateway({ mcpServers: { up: { url: upstream.url, protocol } } });
    });
    afterAll(async () => {
      await proxy?.close();
      await upstream?.stop();
    });

    it('never sends sampling to a client: the call fails, naming the missing capability', async () => {
      const alice = await connectAnswering(proxy, { model: 'never asked' });
      const settled = await settleToolCall(alice.client, 'up___ask_model', { question: 'q' });
      expect(settled).toMatchObject(ended);
      expect(settled.ok ? settled.text : settled.message).toMatch(/sampling/i);
      expect(alice.asked).toEqual([]);
    });
  },
);
