import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';

import type { AgentCoreServer } from '../src/index.js';
import { connectClient, startFixtureServer } from './helpers.js';

// notifyResourceUpdated reaches the subscribers of both eras: 2025 sessions that sent
// resources/subscribe, and 2026-07-28 clients listening with subscriptions/listen.

const URI = 'test://readme';
let server: AgentCoreServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('notifyResourceUpdated', () => {
  it('tells a 2025 session that subscribed to the resource, and no other', async () => {
    const started = await startFixtureServer({ mode: 'stateful' });
    server = started.server;
    const subscriber = await connectClient(started.url);
    const bystander = await connectClient(started.url);
    const received = new Promise<string>((resolve) => {
      subscriber.setNotificationHandler(ResourceUpdatedNotificationSchema, ({ params }) => {
        resolve(params.uri);
      });
    });
    const unexpected: string[] = [];
    bystander.setNotificationHandler(ResourceUpdatedNotificationSchema, ({ params }) => {
      unexpected.push(params.uri);
    });
    await subscriber.subscribeResource({ uri: URI });
    // The session's GET stream must be open before the server can push to it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.notifyResourceUpdated(URI);
    expect(await received).toBe(URI);
    expect(unexpected).toEqual([]);
    await Promise.all([subscriber.close(), bystander.close()]);
  });

  it('tells a 2026-07-28 client listening for that resource', async () => {
    const started = await startFixtureServer();
    server = started.server;
    const response = await fetch(started.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'subscriptions/listen',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 'listen-1',
        method: 'subscriptions/listen',
        params: {
          notifications: { resourceSubscriptions: [URI] },
          _meta: {
            'io.modelcontextprotocol/protocolVersion': '2026-07-28',
            'io.modelcontextprotocol/clientCapabilities': {},
          },
        },
      }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readSseMessages(response);
    expect((await events.next()).value).toMatchObject({
      method: 'notifications/subscriptions/acknowledged',
    });
    server.notifyResourceUpdated(URI);
    expect((await events.next()).value).toMatchObject({
      method: 'notifications/resources/updated',
      params: {
        uri: URI,
        _meta: { 'io.modelcontextprotocol/subscriptionId': 'listen-1' },
      },
    });
    await events.return(undefined);
  });
});

/** The JSON-RPC messages of an SSE response, one `data:` event at a time. */
async function* readSseMessages(response: Response): AsyncGenerator<unknown> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += value;
      let end: number;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const event = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = event
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n');
        if (data !== '') yield JSON.parse(data);
      }
    }
  } finally {
    await reader.cancel();
  }
}
