import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import type { JSONRPCMessage } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';

import {
  describeUpstreamError,
  isSessionExpired,
} from '../../../../src/upstream/describeUpstreamError.js';
import { createOutboundAuthorization } from '../../../../src/upstream/transport/outboundAuthorization.js';
import { StreamableHttpTransport } from '../../../../src/upstream/transport/streamableHttp/streamableHttpTransport.js';
import { UpstreamNetworkError } from '../../../../src/upstream/transport/streamableHttp/upstreamNetworkError.js';
import { UpstreamRequests } from '../../../../src/upstream/transport/upstreamRequests.js';
import { httpTarget } from '../../../support/httpTarget.js';

interface Seen {
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Handler = (seen: Seen, res: ServerResponse) => void;

const servers: Server[] = [];
const transports: StreamableHttpTransport[] = [];

async function serve(handler: Handler): Promise<{ url: URL; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method ?? '', headers: req.headers, body };
      seen.push(request);
      handler(request, res);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}/mcp`), seen };
}

async function open(
  url: URL,
  options?: ConstructorParameters<typeof StreamableHttpTransport>[1],
): Promise<{ transport: StreamableHttpTransport; messages: JSONRPCMessage[]; errors: Error[] }> {
  const transport = new StreamableHttpTransport(url, options);
  transports.push(transport);
  const messages: JSONRPCMessage[] = [];
  const errors: Error[] = [];
  transport.onmessage = (message) => messages.push(message);
  transport.onerror = (error) => errors.push(error);
  await transport.start();
  return { transport, messages, errors };
}

function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (condition() ? resolve() : setTimeout(check, 5));
    check();
  });
}

const ping = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });
const result = (id: number) => ({ jsonrpc: '2.0', id, result: {} });

afterEach(async () => {
  for (const transport of transports.splice(0)) await transport.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('StreamableHttpTransport', () => {
  it('POSTs JSON with the MCP headers, keeps the session id from the answer and sends it back', async () => {
    const { url, seen } = await serve(({ body }, res) => {
      const { id } = JSON.parse(body) as { id: number };
      res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': 'sess-1' });
      res.end(JSON.stringify(result(id)));
    });
    const { transport, messages } = await open(url, { headers: { 'X-Static': 'yes' } });
    await transport.send(ping(1));
    expect(transport.sessionId).toBe('sess-1');
    transport.setProtocolVersion('2025-06-18');
    await transport.send(ping(2));
    expect(messages).toEqual([result(1), result(2)]);
    expect(seen[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'x-static': 'yes',
    });
    expect(seen[0]?.headers['mcp-session-id']).toBeUndefined();
    expect(seen[1]?.headers).toMatchObject({
      'mcp-session-id': 'sess-1',
      'mcp-protocol-version': '2025-06-18',
    });
    expect(JSON.parse(seen[1]?.body ?? '')).toEqual(ping(2));
  });

  it('delivers every message of a JSON array answer', async () => {
    const { url } = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify([{ jsonrpc: '2.0', method: 'notifications/message' }, result(1)]));
    });
    const { transport, messages } = await open(url);
    await transport.send(ping(1));
    expect(messages).toEqual([{ jsonrpc: '2.0', method: 'notifications/message' }, result(1)]);
  });

  it('delivers the messages of an SSE answer written in pieces, skipping other event types', async () => {
    const { url } = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': hello\r\n\r\nevent: message\r\ndata: {"jsonrpc":"2.0",');
      setTimeout(() => {
        res.write('"method":"notifications/progress"}\r\n\r\nevent: other\ndata: {}\n\n');
        res.end(`data: ${JSON.stringify(result(1))}\n\n`);
      }, 10);
    });
    const { transport, messages, errors } = await open(url);
    await transport.send(ping(1));
    await until(() => messages.length === 2);
    expect(messages).toEqual([{ jsonrpc: '2.0', method: 'notifications/progress' }, result(1)]);
    expect(errors).toEqual([]);
  });

  it('hands over each message of one chunk after the work the previous one queued (as the SDK expects)', async () => {
    const progress = { jsonrpc: '2.0', method: 'notifications/progress' };
    const { url } = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: ${JSON.stringify(progress)}\n\ndata: ${JSON.stringify(result(1))}\n\n`);
    });
    const { transport } = await open(url);
    const order: string[] = [];
    transport.onmessage = (message) => {
      const name = 'method' in message ? message.method : 'answer';
      order.push(name);
      void Promise.resolve().then(() => order.push(`handled ${name}`));
    };
    await transport.send(ping(1));
    await until(() => order.length === 4);
    expect(order).toEqual([
      'notifications/progress',
      'handled notifications/progress',
      'answer',
      'handled answer',
    ]);
  });

  it('accepts 202 with no message, then opens the GET stream after notifications/initialized', async () => {
    const { url, seen } = await serve(({ method }, res) => {
      if (method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(
          `data: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/tools/list_changed' })}\n\n`,
        );
        return;
      }
      res.writeHead(202).end();
    });
    const { transport, messages, errors } = await open(url);
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await until(() => messages.length === 1);
    expect(messages).toEqual([{ jsonrpc: '2.0', method: 'notifications/tools/list_changed' }]);
    expect(seen.map((request) => request.method)).toEqual(['POST', 'GET']);
    expect(seen[1]?.headers.accept).toBe('text/event-stream');
    await transport.close();
    expect(errors).toEqual([]);
  });

  it('reopens the GET stream when it drops, resuming after the last event id', async () => {
    let gets = 0;
    const { url, seen } = await serve(({ method }, res) => {
      if (method === 'POST') return void res.writeHead(202).end();
      gets += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const note = { jsonrpc: '2.0', method: `notifications/n${gets}` };
      res.write(`id: e${gets}\ndata: ${JSON.stringify(note)}\n\n`);
      if (gets === 1) res.end();
    });
    const { transport, messages } = await open(url, { reconnect: { initialDelayMs: 1 } });
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await until(() => messages.length === 2);
    expect(messages.map((message) => 'method' in message && message.method)).toEqual([
      'notifications/n1',
      'notifications/n2',
    ]);
    expect(seen[2]?.headers['last-event-id']).toBe('e1');
  });

  it('takes a 405 on the GET stream as "not offered"', async () => {
    const { url, seen } = await serve(({ method }, res) => {
      res.writeHead(method === 'GET' ? 405 : 202).end();
    });
    const { transport, errors } = await open(url);
    await transport.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    await until(() => seen.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(errors).toEqual([]);
  });

  it('rejects a 404 on a request with a session id as an expired session', async () => {
    const { url } = await serve(({ headers, body }, res) => {
      if (headers['mcp-session-id'] === undefined) {
        const { id } = JSON.parse(body) as { id: number };
        res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': 'old' });
        return void res.end(JSON.stringify(result(id)));
      }
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":"Session not found"}');
    });
    const { transport, errors } = await open(url);
    await transport.send(ping(1));
    const failure: unknown = await transport.send(ping(2)).catch((error: unknown) => error);
    expect(isSessionExpired(failure)).toBe(true);
    expect(describeUpstreamError(failure)).toBe(
      'HTTP 404: Error POSTing to endpoint: {"error":"Session not found"}',
    );
    expect(errors).toEqual([failure]);
  });

  it('rejects other HTTP errors with their status and body, and unexpected content types', async () => {
    const { url } = await serve(({ body }, res) => {
      if (body.includes('"id":1')) return void res.writeHead(500).end('boom\nstack');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('hi');
    });
    const { transport } = await open(url);
    const failure: unknown = await transport.send(ping(1)).catch((error: unknown) => error);
    expect(isSessionExpired(failure)).toBe(false);
    expect(describeUpstreamError(failure)).toBe('HTTP 500: Error POSTing to endpoint: boom');
    const wrongType: unknown = await transport.send(ping(2)).catch((error: unknown) => error);
    expect(describeUpstreamError(wrongType)).toBe('Unexpected content type: text/plain');
  });

  it('names the network cause when the target cannot be reached', async () => {
    const { url } = await serve(() => undefined);
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    const { transport } = await open(url);
    const failure: unknown = await transport.send(ping(1)).catch((error: unknown) => error);
    expect(describeUpstreamError(failure)).toMatch(
      /^request failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
    );
    expect(failure).toBeInstanceOf(UpstreamNetworkError);
    expect(failure).toBeInstanceOf(AgentCoreMcpError);
    expect(failure).toMatchObject({ code: 'ERR_TARGET_FAILED', networkCode: 'ECONNREFUSED' });
  });

  it('sends the outbound credential, and once more with a fresh token after a 401', async () => {
    const { url, seen } = await serve(({ headers, body }, res) => {
      if (headers.authorization !== 'Bearer fresh') return void res.writeHead(401).end();
      const { id } = JSON.parse(body) as { id: number };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result(id)));
    });
    const asked: boolean[] = [];
    const { transport, messages } = await open(url, {
      authorization: {
        retriesUnauthorized: true,
        header: (_request, forceRefresh) => {
          asked.push(forceRefresh);
          return Promise.resolve(forceRefresh ? 'Bearer fresh' : 'Bearer stale');
        },
      },
    });
    await transport.send(ping(1));
    expect(messages).toEqual([result(1)]);
    expect(asked).toEqual([false, true]);
    expect(seen.map((request) => request.headers.authorization)).toEqual([
      'Bearer stale',
      'Bearer fresh',
    ]);
  });

  it("sends a caller's token only with that caller's request, never with the gateway's own", async () => {
    const { url, seen } = await serve(({ body }, res) => {
      const { id } = JSON.parse(body) as { id: number };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result(id)));
    });
    const requests = new UpstreamRequests();
    const authorization = createOutboundAuthorization(
      httpTarget({ url: url.href, forwardClientToken: true }),
      undefined,
    );
    const { transport } = await open(url, { authorization, requests });
    const alice = requests.open({ token: 'alice' });
    await transport.send(ping(1), { relatedRequestId: alice.id });
    await transport.send(ping(2));
    alice.close();
    await transport.send(ping(3), { relatedRequestId: alice.id });
    expect(seen.map((request) => request.headers.authorization)).toEqual([
      'Bearer alice',
      undefined,
      undefined,
    ]);
  });

  it('follows a same-origin 307 and keeps the POST', async () => {
    const { url, seen } = await serve(({ body }, res) => {
      if (seen.length === 1) return void res.writeHead(307, { location: '/other' }).end();
      const { id } = JSON.parse(body) as { id: number };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result(id)));
    });
    const { transport, messages } = await open(url);
    await transport.send(ping(1));
    expect(messages).toEqual([result(1)]);
    expect(seen.map((request) => request.method)).toEqual(['POST', 'POST']);
  });

  it('close() ends the streams under way and reports nothing more', async () => {
    const { url } = await serve((_seen, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': open\n\n');
    });
    const { transport, errors } = await open(url);
    let closed = 0;
    transport.onclose = () => (closed += 1);
    await transport.send(ping(1));
    await transport.close();
    await transport.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closed).toBe(1);
    expect(errors).toEqual([]);
    await expect(transport.send(ping(2))).rejects.toThrow('closed');
  });

  describe('MCP 2026-07-28 messages', () => {
    const ENVELOPE = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientCapabilities': {},
    };
    const call = (id: number, name: string): JSONRPCMessage => ({
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name, arguments: {}, _meta: ENVELOPE },
    });

    it('carry the standard headers and the Mcp-Param-* ones, and never a session id', async () => {
      const { url, seen } = await serve(({ body }, res) => {
        const { id } = JSON.parse(body) as { id: number };
        // A server that hands out session ids anyway (as some mocks do) must not get one back.
        res.writeHead(200, { 'content-type': 'application/json', 'mcp-session-id': 'nope' });
        res.end(JSON.stringify(result(id)));
      });
      const { transport } = await open(url, { headers: { 'Mcp-Method': 'static wins not' } });
      transport.setProtocolVersion('2026-07-28');
      await transport.send(call(1, 'Grüße'), {
        headers: { 'Mcp-Param-Region': 'us-west1', 'Mcp-Name': 'ignored' },
      });
      await transport.send(call(2, 'plain'));
      expect(transport.sessionId).toBeUndefined();
      expect(seen[0]?.headers).toMatchObject({
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'tools/call',
        'mcp-name': '=?base64?R3LDvMOfZQ==?=',
        'mcp-param-region': 'us-west1',
      });
      expect(seen[1]?.headers['mcp-name']).toBe('plain');
      expect(seen.map((request) => request.headers['mcp-session-id'])).toEqual([
        undefined,
        undefined,
      ]);
    });

    it('take a 4xx whose body is their JSON-RPC error as their answer', async () => {
      const { url } = await serve(({ body }, res) => {
        const { id } = JSON.parse(body) as { id: number };
        const error = { code: -32_020, message: 'Mcp-Name does not match the body' };
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', id, error }));
      });
      const { transport, messages, errors } = await open(url);
      await transport.send(call(7, 'x'));
      expect(messages).toEqual([
        {
          jsonrpc: '2.0',
          id: 7,
          error: { code: -32_020, message: 'Mcp-Name does not match the body' },
        },
      ]);
      expect(errors).toEqual([]);
    });

    it('close only their own stream when their requestSignal aborts, and open no GET stream', async () => {
      const { url, seen } = await serve(({ method }, res) => {
        if (method === 'POST') {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(': working\n\n');
        } else res.writeHead(405).end();
      });
      const closed: string[] = [];
      const server = servers.at(-1);
      server?.on('request', (req: IncomingMessage) =>
        req.socket.once('close', () => closed.push('stream')),
      );
      const { transport, errors } = await open(url);
      transport.setProtocolVersion('2026-07-28');
      const controller = new AbortController();
      let ended = 0;
      await transport.send(call(1, 'hold'), {
        requestSignal: controller.signal,
        onRequestStreamEnd: () => (ended += 1),
      });
      controller.abort();
      await until(() => closed.length === 1);
      expect(seen.map((request) => request.method)).toEqual(['POST']);
      expect(ended).toBe(0);
      expect(errors).toEqual([]);
    });

    it('report the end of a stream the server closed through onRequestStreamEnd, without resuming it', async () => {
      const { url, seen } = await serve((_seen, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('id: e1\ndata: {"jsonrpc":"2.0","method":"notifications/tools/list_changed"}\n\n');
      });
      const { transport, messages } = await open(url, { reconnect: { initialDelayMs: 1 } });
      transport.setProtocolVersion('2026-07-28');
      let ended!: () => void;
      const end = new Promise<void>((resolve) => (ended = resolve));
      await transport.send(call(1, 'listen'), { onRequestStreamEnd: () => ended() });
      await end;
      expect(messages).toHaveLength(1);
      expect(seen.map((request) => request.method)).toEqual(['POST']);
    });
  });
});
