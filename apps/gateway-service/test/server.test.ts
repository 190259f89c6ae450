import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { createGatewayServiceApp, type GatewayServiceOptions } from '../src/server.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function start(options?: GatewayServiceOptions): Promise<string> {
  const app = createGatewayServiceApp(options);
  const listening = app.listen(0, '127.0.0.1');
  server = listening;
  await new Promise<void>((resolve, reject) => {
    listening.once('listening', resolve).once('error', reject);
  });
  return `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
}

describe('createGatewayServiceApp', () => {
  it('GET /ping answers Healthy with the creation time in unix seconds', async () => {
    const base = await start({ now: () => 1_700_000_000_999 });
    const response = await fetch(`${base}/ping`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(await response.json()).toEqual({
      status: 'Healthy',
      time_of_last_update: 1_700_000_000,
    });
  });

  it.each([
    ['a JSON-RPC request', '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'],
    ['an empty body', ''],
    ['malformed JSON', '{not json'],
  ])('POST /mcp with %s answers 503 with a JSON-RPC "not implemented" error', async (_, body) => {
    const base = await start();
    const response = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body,
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const payload = (await response.json()) as {
      error: { message: string };
    };
    expect(payload).toEqual({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32000, message: expect.stringMatching(/not implemented/i) as unknown },
    });
    expect(payload.error.message).toMatch(/no targets configured yet/);
    expect(payload.error.message).toMatch(/later release/);
  });

  it('answers 404 for unknown paths', async () => {
    const base = await start();
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
