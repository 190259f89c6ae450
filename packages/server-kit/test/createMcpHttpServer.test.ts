import { McpServer } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';

import { createMcpHttpServer, type McpHttpServer } from '../src/index.js';
import { createRecordingLogger } from './helpers.js';

const servers: McpHttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function create(options: Partial<Parameters<typeof createMcpHttpServer>[0]> = {}) {
  const { logger, lines } = createRecordingLogger();
  const server = createMcpHttpServer({
    name: 'host',
    version: '1.0.0',
    host: '127.0.0.1',
    port: 0,
    logger,
    buildServer: () => new McpServer({ name: 'host', version: '1.0.0' }),
    ...options,
  });
  servers.push(server);
  return { server, lines };
}

describe('createMcpHttpServer', () => {
  it('runs prepare before binding and mounts extra routes before the catch-all 404', async () => {
    const order: string[] = [];
    const { server } = create({
      prepare: () => {
        order.push(`prepare (bound: ${String(server.address !== undefined)})`);
        return Promise.resolve();
      },
      routes: (app) => app.get('/extra', (_req, res) => void res.json({ ok: true })),
    });
    const { url } = await server.listen();
    expect(order).toEqual(['prepare (bound: false)']);
    const origin = new URL(url).origin;
    expect(await (await fetch(`${origin}/extra`)).json()).toEqual({ ok: true });
    expect((await fetch(`${origin}/nothing`)).status).toBe(404);
  });

  it('closed while preparing: runs onClose, never binds, and listen says why', async () => {
    let finishPrepare: () => void = () => undefined;
    let closed = 0;
    const { server } = create({
      prepare: () => new Promise<void>((resolve) => (finishPrepare = resolve)),
      onClose: () => {
        closed += 1;
        return Promise.resolve();
      },
    });
    const listening = server.listen();
    await server.close();
    finishPrepare();
    await expect(listening).rejects.toMatchObject({ code: 'ERR_LISTEN_FAILED' });
    expect(closed).toBe(1);
    expect(server.address).toBeUndefined();
  });

  it('ends the no-auth warning with the caller’s hint', async () => {
    const { server, lines } = create({ authHint: 'set gateway.auth in gateway.json' });
    await server.listen();
    expect(lines.find((line) => line.level === 40)?.msg).toBe(
      'authentication is off: anyone who can reach this port can call every tool; set gateway.auth in gateway.json',
    );
  });
});
