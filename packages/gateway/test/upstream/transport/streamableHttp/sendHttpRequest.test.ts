import { type ClientRequest, createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import {
  readResponseBody,
  sendHttpRequest,
} from '../../../../src/upstream/transport/streamableHttp/sendHttpRequest.js';

/**
 * A server on 127.0.0.1 that answers every request with `ok <n>`, except on connections marked
 * stale: those it resets as soon as a request arrives, like a server that closed an idle
 * keep-alive connection just as the client reused it.
 */
async function startServer(): Promise<{
  url: URL;
  server: Server;
  markAllStale: () => void;
  connections: () => number;
}> {
  const stale = new Set<Socket>();
  const sockets = new Set<Socket>();
  let answered = 0;
  const server = createServer((request, response) => {
    if (stale.has(request.socket)) {
      request.socket.resetAndDestroy();
      return;
    }
    answered += 1;
    response.end(`ok ${answered}`);
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/mcp`),
    server,
    markAllStale: () => sockets.forEach((socket) => stale.add(socket)),
    connections: () => sockets.size,
  };
}

async function get(url: URL, inFlight: Set<ClientRequest>): Promise<string> {
  const response = await sendHttpRequest(url, {
    method: 'POST',
    headers: {},
    body: '{}',
    inFlight,
  });
  return (await readResponseBody(response)).toString('utf8');
}

describe('sendHttpRequest over the keep-alive pool', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('resends a request the server reset on a reused connection on a new connection, even when every pooled connection is stale', async () => {
    const started = await startServer();
    server = started.server;
    const inFlight = new Set<ClientRequest>();
    // Two requests at once leave two idle connections in the pool.
    expect(await Promise.all([get(started.url, inFlight), get(started.url, inFlight)])).toEqual([
      'ok 1',
      'ok 2',
    ]);
    expect(started.connections()).toBe(2);
    started.markAllStale();

    expect(await get(started.url, inFlight)).toBe('ok 3');
    expect(started.connections()).toBe(3);
  });
});
