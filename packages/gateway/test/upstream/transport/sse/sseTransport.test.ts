import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { TokenProvider } from '@agentcore-mcp/client';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';

import { createOutboundAuthorization } from '../../../../src/upstream/transport/outboundAuthorization.js';
import { SseTransport } from '../../../../src/upstream/transport/sse/sseTransport.js';
import { UpstreamRequests } from '../../../../src/upstream/transport/upstreamRequests.js';
import { httpTarget } from '../../../support/httpTarget.js';

const servers: Server[] = [];
const transports: SseTransport[] = [];

/** A legacy HTTP+SSE endpoint: GET /sse names /messages, which answers POSTs with `status`. */
async function serveSse(status: (request: IncomingMessage) => number) {
  const posts: { authorization: string | undefined; body: string }[] = [];
  const gets: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    if (req.method === 'GET') {
      gets.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: endpoint\ndata: /messages?sessionId=1\n\n');
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      posts.push({ authorization: req.headers.authorization, body });
      res.writeHead(status(req)).end();
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}/sse`), posts, gets };
}

async function start(transport: SseTransport): Promise<SseTransport> {
  transports.push(transport);
  await transport.start();
  return transport;
}

const ping = (id: number): JSONRPCMessage => ({ jsonrpc: '2.0', id, method: 'ping' });

afterEach(async () => {
  for (const transport of transports.splice(0)) await transport.close();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('SseTransport', () => {
  it("posts a caller's token with that caller's message only, never with the gateway's own", async () => {
    const { url, posts, gets } = await serveSse(() => 202);
    const requests = new UpstreamRequests();
    const authorization = createOutboundAuthorization(
      httpTarget({ url: url.href, transport: 'sse', forwardClientToken: true }),
      undefined,
    );
    const transport = await start(new SseTransport(url, { authorization, requests }));
    const alice = requests.open({ token: 'alice' });
    const bob = requests.open({ token: 'bob' });
    await Promise.all([
      transport.send(ping(1), { relatedRequestId: alice.id }),
      transport.send(ping(2), { relatedRequestId: bob.id }),
      transport.send(ping(3)),
    ]);
    const byId = Object.fromEntries(
      posts.map((post) => [(JSON.parse(post.body) as { id: number }).id, post.authorization]),
    );
    expect(byId).toEqual({ 1: 'Bearer alice', 2: 'Bearer bob', 3: undefined });
    expect(gets).toEqual([undefined]);
  });

  it("sends a token provider's token with static headers, and once more fresh after a 401", async () => {
    const { url, posts } = await serveSse((request) =>
      request.headers.authorization === 'Bearer fresh' ? 202 : 401,
    );
    const provider: TokenProvider = {
      getToken: (options) => Promise.resolve(options?.forceRefresh ? 'fresh' : 'stale'),
    };
    const authorization = createOutboundAuthorization(httpTarget(), provider);
    const transport = await start(
      new SseTransport(url, { authorization, headers: { 'x-static': 'yes' } }),
    );
    await transport.send(ping(1));
    expect(posts.map((post) => post.authorization)).toEqual(['Bearer stale', 'Bearer fresh']);
  });
});
