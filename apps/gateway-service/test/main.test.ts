import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { spawnApp, type SpawnedApp } from '@agentcore-mcp/test-support';
import { afterEach, describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../dist/main.js', import.meta.url));

const running: SpawnedApp[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop('SIGKILL')));
});

async function start(env?: Record<string, string>): Promise<SpawnedApp> {
  const app = await spawnApp(entry, { env });
  running.push(app);
  return app;
}

describe('gateway-service main', () => {
  it('prints exactly one JSON listening line with the bound port', async () => {
    const app = await start();
    expect(app.port).toBeGreaterThan(0);
    expect(app.stdout).toHaveLength(1);
    expect(JSON.parse(app.stdout[0]!)).toEqual({
      level: 'info',
      msg: 'listening',
      url: `http://127.0.0.1:${app.port}/mcp`,
      port: app.port,
    });
  });

  it('prints 127.0.0.1 in the url when bound to 0.0.0.0', async () => {
    const app = await start({ HOST: '0.0.0.0' });
    expect(app.url).toBe(`http://127.0.0.1:${app.port}/mcp`);
    expect((await fetch(app.url.replace(/\/mcp$/, '/ping'))).status).toBe(200);
  });

  it('serves GET /ping and POST /mcp from the built entry', async () => {
    const before = Math.floor(Date.now() / 1000);
    const app = await start();
    const ping = await fetch(app.url.replace(/\/mcp$/, '/ping'));
    expect(ping.status).toBe(200);
    const body = (await ping.json()) as { status: string; time_of_last_update: number };
    expect(body.status).toBe('Healthy');
    expect(body.time_of_last_update).toBeGreaterThanOrEqual(before);
    expect(body.time_of_last_update).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));

    const mcp = await fetch(app.url, { method: 'POST', body: '{}' });
    expect(mcp.status).toBe(503);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('exits 0 on %s', async (signal) => {
    const app = await start();
    expect(await app.stop(signal)).toBe(0);
  });

  it.each(['abc', '-1', '70000', '1.5', ''])(
    'exits 1 with a one-line JSON error for PORT=%j',
    (port) => {
      // spawnSync, not spawnApp: it waits for the streams to close, so stderr is complete.
      const result = spawnSync(process.execPath, [entry], {
        env: { ...process.env, HOST: '127.0.0.1', PORT: port },
        encoding: 'utf8',
        timeout: 10_000,
      });
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toEqual({
        level: 'error',
        msg: `Invalid PORT "${port}": expected an integer from 0 to 65535`,
      });
    },
  );
});
