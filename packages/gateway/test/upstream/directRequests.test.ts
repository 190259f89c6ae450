import {
  CLIENT_INFO_META_KEY,
  InMemoryTransport,
  type JSONRPCMessage,
  PROTOCOL_VERSION_META_KEY,
  ProtocolError,
  SdkError,
  SdkErrorCode,
} from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';

import { DirectRequests } from '../../src/upstream/directRequests.js';

const ANY_OBJECT = z.object({}).passthrough();
const ENVELOPE = {
  [PROTOCOL_VERSION_META_KEY]: '2026-07-28',
  [CLIENT_INFO_META_KEY]: { name: 'gw', version: '1' },
};

/**
 * A client-side transport whose other end is answered by `answer` (as a target would), with the
 * messages an SDK client would have received recorded in `toClient`.
 */
async function linked(
  answer: (message: JSONRPCMessage, reply: (m: JSONRPCMessage) => void) => void,
) {
  const [clientSide, targetSide] = InMemoryTransport.createLinkedPair();
  const toTarget: JSONRPCMessage[] = [];
  const toClient: JSONRPCMessage[] = [];
  targetSide.onmessage = (message) => {
    toTarget.push(message);
    answer(message, (reply) => void targetSide.send(reply));
  };
  clientSide.onmessage = (message) => toClient.push(message);
  await clientSide.start();
  await targetSide.start();
  opened.push(clientSide);
  return { clientSide, targetSide, toTarget, toClient };
}

const opened: InMemoryTransport[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((transport) => transport.close()));
});

const call = { method: 'tools/call', params: { name: 'add', arguments: { a: 1 } } } as const;
const options = { schema: ANY_OBJECT, timeoutMs: 5_000, relatedRequestId: 'gateway-request-1' };

describe('DirectRequests', () => {
  it('takes the answer to its request by id and leaves every other message to the SDK client', async () => {
    const { clientSide, toTarget, toClient } = await linked((message, reply) => {
      if (!('id' in message) || !('method' in message)) return;
      reply({
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'working' },
      });
      reply({ jsonrpc: '2.0', id: 7, result: {} }); // an answer to one of the SDK client's requests
      reply({ jsonrpc: '2.0', id: message.id, result: { content: [{ type: 'text', text: '8' }] } });
    });
    const direct = new DirectRequests({ transport: clientSide, envelope: undefined });

    await expect(direct.request(call, options)).resolves.toEqual({
      content: [{ type: 'text', text: '8' }],
    });
    expect(toTarget).toEqual([{ jsonrpc: '2.0', id: 'direct-1', ...call }]);
    expect(toClient).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/message',
        params: { level: 'info', data: 'working' },
      },
      { jsonrpc: '2.0', id: 7, result: {} },
    ]);
  });

  it("turns the target's JSON-RPC error into the SDK's ProtocolError, code and data unchanged", async () => {
    const { clientSide } = await linked((message, reply) => {
      if ('id' in message && 'method' in message) {
        reply({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32602, message: 'bad a', data: { field: 'a' } },
        });
      }
    });
    const direct = new DirectRequests({ transport: clientSide, envelope: undefined });

    const error = await direct.request(call, options).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: -32602, data: { field: 'a' } });
  });

  it('times out as the SDK does and tells a 2025 target with notifications/cancelled', async () => {
    const { clientSide, toTarget } = await linked(() => undefined);
    const direct = new DirectRequests({ transport: clientSide, envelope: undefined });

    const error = await direct
      .request(call, { ...options, timeoutMs: 20 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SdkError);
    expect((error as SdkError).code).toBe(SdkErrorCode.RequestTimeout);
    expect((error as SdkError).message).toContain('Request timed out');
    const cancelled = toTarget[1] as unknown as {
      method: string;
      params: { requestId: string; reason: string };
    };
    expect(cancelled.method).toBe('notifications/cancelled');
    expect(cancelled.params.requestId).toBe('direct-1');
    expect(cancelled.params.reason).toContain('Request timed out');
  });

  it("rejects with the caller's reason when it cancels, and fails what is under way when the transport closes", async () => {
    const { clientSide, toTarget } = await linked(() => undefined);
    const direct = new DirectRequests({ transport: clientSide, envelope: undefined });
    const controller = new AbortController();

    const cancelled = direct.request(call, { ...options, signal: controller.signal });
    controller.abort('client gave up');
    await expect(cancelled).rejects.toThrow('client gave up');
    expect(toTarget[1]).toMatchObject({
      method: 'notifications/cancelled',
      params: { reason: 'client gave up' },
    });

    const pending = direct.request(call, options);
    await clientSide.close();
    await expect(pending).rejects.toMatchObject({ code: SdkErrorCode.ConnectionClosed });
    await expect(direct.request(call, options)).rejects.toMatchObject({
      code: SdkErrorCode.ConnectionClosed,
    });
  });

  it("puts a 2026-07-28 session's envelope under the request's own _meta and reads the result as the SDK does", async () => {
    const answers = [
      { content: [], resultType: 'complete' },
      { resultType: 'input_required', requestState: 'r1' },
      { content: [] },
    ];
    const { clientSide, toTarget } = await linked((message, reply) => {
      if ('id' in message && 'method' in message)
        reply({ jsonrpc: '2.0', id: message.id, result: answers.shift()! });
    });
    const direct = new DirectRequests({ transport: clientSide, envelope: ENVELOPE });
    const own = {
      ...call,
      params: { ...call.params, _meta: { [CLIENT_INFO_META_KEY]: 'the caller wins' } },
    };

    await expect(direct.request(own, options)).resolves.toEqual({ content: [] });
    expect(toTarget[0]).toMatchObject({
      params: {
        _meta: {
          [PROTOCOL_VERSION_META_KEY]: '2026-07-28',
          [CLIENT_INFO_META_KEY]: 'the caller wins',
        },
      },
    });
    await expect(direct.request(call, options)).resolves.toEqual({
      resultType: 'input_required',
      inputRequests: {},
      requestState: 'r1',
    });
    await expect(direct.request(call, options)).rejects.toMatchObject({
      code: SdkErrorCode.InvalidResult,
    });
  });

  it('refuses a result its schema refuses', async () => {
    const { clientSide } = await linked((message, reply) => {
      if ('id' in message && 'method' in message)
        reply({ jsonrpc: '2.0', id: message.id, result: { content: 'no' } });
    });
    const direct = new DirectRequests({ transport: clientSide, envelope: undefined });
    const schema = z.object({ content: z.array(z.unknown()) });

    const error = await direct
      .request(call, { ...options, schema })
      .catch((caught: unknown) => caught);
    expect((error as SdkError).code).toBe(SdkErrorCode.InvalidResult);
    expect((error as SdkError).message).toMatch(/^Invalid result for tools\/call: /);
  });
});
