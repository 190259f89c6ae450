import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { type NodeServerProcess, spawnNodeServer } from './spawnNodeServer.js';

const require = createRequire(import.meta.url);
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = join(PACKAGE_DIR, 'test/fixtures/upstreamServer.ts');
const LOOPBACK_PRELOAD = pathToFileURL(join(PACKAGE_DIR, 'test/support/loopbackListen.ts')).href;

/** `dist/index.js` of the installed `@modelcontextprotocol/server-everything`. */
export const EVERYTHING_ENTRY = join(
  dirname(require.resolve('@modelcontextprotocol/server-everything/package.json')),
  'dist/index.js',
);

const EVERYTHING_SSE_ARGS = [
  '--import',
  'tsx',
  '--import',
  LOOPBACK_PRELOAD,
  EVERYTHING_ENTRY,
  'sse',
];

/** Options of {@link startUpstreamFixture}. */
export interface UpstreamFixtureOptions {
  /** The server name; echo answers start with it. Default `upstream`. */
  name?: string;
  /** Default `stateless`. */
  mode?: 'stateless' | 'stateful';
  /** Serve only these tools; default all. */
  tools?: readonly string[];
}

/** Runs `test/fixtures/upstreamServer.ts` as a streamable HTTP server on 127.0.0.1. */
export async function startUpstreamFixture(
  options: UpstreamFixtureOptions = {},
): Promise<NodeServerProcess & { url: string }> {
  const server = await spawnNodeServer(['--import', 'tsx', FIXTURE], {
    env: {
      NAME: options.name ?? 'upstream',
      MODE: options.mode ?? 'stateless',
      ...(options.tools ? { TOOLS: options.tools.join(',') } : {}),
    },
  });
  return Object.assign(server, { url: `http://127.0.0.1:${server.port}/mcp` });
}

/** Runs server-everything's legacy SSE transport on 127.0.0.1 (its `/sse` + `/message` routes). */
export async function startEverythingSse(): Promise<NodeServerProcess & { url: string }> {
  const server = await spawnNodeServer(EVERYTHING_SSE_ARGS);
  return Object.assign(server, { url: `http://127.0.0.1:${server.port}/sse` });
}
