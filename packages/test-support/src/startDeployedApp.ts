import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { deployBundle } from './deployBundle.js';
import { spawnApp, type SpawnedApp } from './spawnApp.js';

/**
 * Builds an app's `pnpm deploy --prod` bundle (what its Dockerfile ships) in a temporary directory
 * and starts `dist/main.js` from there with `NODE_ENV=production`. `stop()` also deletes the bundle.
 *
 * @param packageName - The workspace app, e.g. `@agentcore-mcp/example-server`; it must be built.
 * @returns The running app.
 * @example
 * ```ts
 * const app = await startDeployedApp('@agentcore-mcp/example-server');
 * try { … } finally { await app.stop(); }
 * ```
 */
export async function startDeployedApp(packageName: string): Promise<SpawnedApp> {
  const dir = join(mkdtempSync(join(tmpdir(), 'agentcore-mcp-bundle-')), 'app');
  const remove = () => rmSync(dirname(dir), { recursive: true, force: true });
  try {
    await deployBundle(packageName, dir);
    const app = await spawnApp(join(dir, 'dist/main.js'), {
      cwd: dir,
      env: { NODE_ENV: 'production' },
    });
    return {
      ...app,
      stop: async (...args) => {
        try {
          return await app.stop(...args);
        } finally {
          remove();
        }
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}
