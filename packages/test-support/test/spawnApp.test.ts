import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { spawnApp } from '../src/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

describe('spawnApp', () => {
  it('resolves with the URL from the listening line on 127.0.0.1 and a free port', async () => {
    const app = await spawnApp(fixture('listener.mjs'));
    try {
      expect(app.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      expect(app.port).toBeGreaterThan(0);
      expect(app.stdout).toContain('starting up');
      expect(await (await fetch(app.url)).text()).toBe('ok');
    } finally {
      expect(await app.stop()).toBe(0);
    }
  });

  it('rejects with the exit code and stderr when the app dies before listening', async () => {
    const error = await spawnApp(fixture('crasher.mjs')).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'ERR_PROCESS_EXITED',
      exitCode: 3,
      stderr: ['error: PORT is invalid'],
    });
    expect((error as Error).message).toMatch(
      /crasher\.mjs exited with code 3 before it was ready; stderr: error: PORT is invalid$/,
    );
  });

  it('rejects and kills the app when no listening line comes in time', async () => {
    const error = await spawnApp(fixture('silent.mjs'), { startTimeoutMs: 300 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'ERR_TIMEOUT' });
    expect((error as Error).message).toMatch(
      /silent\.mjs did not print its listening line within 300 ms, so it was killed$/,
    );
  });
});
