import { McpServer } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';

import { createMcpHttpServer, type McpHttpServer } from '../src/index.js';
import { findFreePort } from '../src/process/index.js';
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

/** Retries `probe` until it resolves (the port may not be bound yet), for up to 20 s. */
async function waitFor<T>(probe: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
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

  it('serves requests during warmUp, /ping saying what pingStatus says, and logs listening after it', async () => {
    let finishWarmUp: () => void = () => undefined;
    let busy = true;
    const port = await findFreePort();
    const { server, lines } = create({
      port,
      warmUp: () => new Promise<void>((resolve) => (finishWarmUp = resolve)),
      pingStatus: () => (busy ? 'HealthyBusy' : 'Healthy'),
    });
    let listened = false;
    const listening = server.listen().then((address) => {
      listened = true;
      return address;
    });
    const ping = async () =>
      (await fetch(`http://127.0.0.1:${port}/ping`)).json() as Promise<Record<string, unknown>>;
    // Bound before warmUp ends: /ping answers, listen() has not resolved, nothing said "listening".
    expect(await waitFor(ping)).toMatchObject({ status: 'HealthyBusy' });
    expect(listened).toBe(false);
    expect(server.address).toBeUndefined();
    expect(lines.some((line) => line.msg === 'listening')).toBe(false);

    busy = false;
    finishWarmUp();
    const address = await listening;
    expect(address.port).toBe(port);
    expect(lines.filter((line) => line.msg === 'listening')).toHaveLength(1);
    const healthy = await ping();
    expect(healthy).toMatchObject({ status: 'Healthy' });
    // The time of the last change, in unix seconds.
    expect(healthy.time_of_last_update).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) - 60);
  });

  it('closed during warmUp: listen says why and the port is released', async () => {
    let finishWarmUp: () => void = () => undefined;
    const port = await findFreePort();
    const { server } = create({
      port,
      warmUp: () => new Promise<void>((resolve) => (finishWarmUp = resolve)),
    });
    const listening = server.listen();
    await waitFor(() => fetch(`http://127.0.0.1:${port}/ping`));
    await server.close();
    finishWarmUp();
    await expect(listening).rejects.toMatchObject({ code: 'ERR_LISTEN_FAILED' });
    await expect(fetch(`http://127.0.0.1:${port}/ping`)).rejects.toThrow();
  });

  it('ends the no-auth warning with the caller’s hint', async () => {
    const { server, lines } = create({ authHint: 'set gateway.auth in gateway.json' });
    await server.listen();
    expect(lines.find((line) => line.level === 40)?.msg).toBe(
      'authentication is off: anyone who can reach this port can call every tool; set gateway.auth in gateway.json',
    );
  });
});
