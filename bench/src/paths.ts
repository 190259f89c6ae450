import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The bench workspace directory (`bench/`). */
export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));

/**
 * The directory of one of the repository's apps (its package.json, Dockerfile and `dist/`),
 * through the bench's own dependency on it.
 *
 * @param app - The app's name without the scope.
 * @returns The absolute path of the app's directory.
 */
export function appDir(app: 'example-server' | 'gateway-service'): string {
  return dirname(require.resolve(`@agentcore-mcp/${app}/package.json`));
}

/**
 * The built entry of one of the repository's apps.
 *
 * @param app - The app's name without the scope.
 * @returns The absolute path of its `dist/main.js`.
 */
export function appEntry(app: 'example-server' | 'gateway-service'): string {
  return join(appDir(app), 'dist', 'main.js');
}

/**
 * The built entry of one of the bench's own server processes.
 *
 * @param name - The file name in `src/servers/` without extension.
 * @returns The absolute path of `dist/servers/<name>.js`.
 */
export function benchServerEntry(
  name:
    | 'referenceServer'
    | 'referenceServerV2'
    | 'fastmcpServer'
    | 'stdioServer'
    | 'aggregationTargets'
    | 'bareProxy',
): string {
  return join(BENCH_DIR, 'dist', 'servers', `${name}.js`);
}
