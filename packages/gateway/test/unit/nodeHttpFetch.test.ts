import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { nodeHttpFetch } from '../../src/upstream/nodeHttpFetch.js';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

const servers: Server[] = [];

async function serve(handler: Handler): Promise<{ url: string; sockets: Set<Socket> }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => handler(req, res, body));
  });
  server.on('connection', (socket) => sockets.add(socket));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`, sockets };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('nodeHttpFetch', () => {
  it('sends method, headers and a string body, and returns status, headers and body', async () => {
    const { url } = await serve((req, res, body) => {
      res.writeHead(201, { 'content-type': 'application/json', 'mcp-session-id': 's1' });
      res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body }));
    });
    const response = await nodeHttpFetch(url, {
      method: 'POST',
      headers: new Headers({ authorization: 'Bearer t' }),
      body: 'héllo',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('mcp-session-id')).toBe('s1');
    expect(await response.json()).toEqual({ method: 'POST', auth: 'Bearer t', body: 'héllo' });
  });

  it('streams the body as it arrives (an SSE event before the response ends)', async () => {
    let finish: (() => void) | undefined;
    const { url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: first\n\n');
      finish = () => res.end('data: last\n\n');
    });
    const response = await nodeHttpFetch(url, { method: 'POST', body: '{}' });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: first\n\n');
    finish?.();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toBe('data: last\n\n');
  });

  it('reuses the connection after a cancelled body and answers 202 with no body', async () => {
    const { url, sockets } = await serve((_req, res) => {
      res.writeHead(202).end();
    });
    for (let call = 0; call < 3; call += 1) {
      const response = await nodeHttpFetch(url, { method: 'POST', body: '{}' });
      expect(response.status).toBe(202);
      await response.body?.cancel();
    }
    expect(sockets.size).toBe(1);
  });

  it('rejects with the signal’s reason when aborted, and removes its abort listener', async () => {
    const { url } = await serve(() => undefined);
    const controller = new AbortController();
    const pending = nodeHttpFetch(url, { method: 'POST', body: '{}', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 20);
    await expect(pending).rejects.toThrow('stop');

    const shared = new AbortController();
    const { url: quick } = await serve((_req, res) => res.end('ok'));
    for (let call = 0; call < 20; call += 1) {
      await (await nodeHttpFetch(quick, { signal: shared.signal })).text();
    }
    expect(getEventListeners(shared.signal, 'abort')).toHaveLength(0);
  });

  it('rejects like fetch when the target cannot be reached', async () => {
    const { url } = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const failure = await nodeHttpFetch(url, { method: 'POST', body: '{}' }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect((failure as TypeError).message).toBe('fetch failed');
    expect(((failure as TypeError).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });

  it('still answers after the server closed the idle keep-alive connection', async () => {
    let requests = 0;
    const { url, sockets } = await serve((_req, res) => {
      requests += 1;
      res.end('ok');
    });
    expect(await (await nodeHttpFetch(url, { method: 'POST', body: '1' })).text()).toBe('ok');
    // The server drops the idle keep-alive connection without the client noticing yet.
    for (const socket of sockets) socket.resetAndDestroy();
    expect(await (await nodeHttpFetch(url, { method: 'POST', body: '2' })).text()).toBe('ok');
    expect(requests).toBe(2);
  });
});
