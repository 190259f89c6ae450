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

  it('rejects with the exit code and output when the app dies before listening', async () => {
    await expect(spawnApp(fixture('crasher.mjs'))).rejects.toThrow(
      /exited \(3\) before listening:\nerror: PORT is invalid/,
    );
  });

  it('rejects and kills the app when no listening line comes in time', async () => {
    await expect(spawnApp(fixture('silent.mjs'), { startTimeoutMs: 300 })).rejects.toThrow(
      /silent\.mjs did not print a listening line within 300 ms/,
    );
  });
});
