import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The built entry of one of the repository's apps, through the demo's own dependency on it.
 *
 * @param app - The app's name without the scope, e.g. `gateway-service`.
 * @returns The absolute path of its `dist/main.js`.
 */
export function appEntry(app: 'example-server' | 'external-server' | 'gateway-service'): string {
  return join(dirname(require.resolve(`@agentcore-mcp/${app}/package.json`)), 'dist', 'main.js');
}

/**
 * The entry of `@modelcontextprotocol/server-everything` (run with `stdio` to speak MCP over stdio).
 *
 * @returns The absolute path of its `dist/index.js`.
 */
export function everythingEntry(): string {
  const manifest = require.resolve('@modelcontextprotocol/server-everything/package.json');
  return join(dirname(manifest), 'dist', 'index.js');
}
