// Real processes for this app's tests: the built service and the external-server stand-in.
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { spawnApp, type SpawnAppOptions, type SpawnedApp } from '@agentcore-mcp/test-support';
import { vi } from 'vitest';

/** This app's directory; fixtures run from here so that `--import tsx` resolves. */
export const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** The built service entry. */
export const SERVICE_ENTRY = join(PACKAGE_DIR, 'dist/main.js');

const FIXTURE = join(PACKAGE_DIR, 'test/fixtures/externalServer.ts');

/** Starts the external-server stand-in over streamable HTTP on 127.0.0.1 (a free port). */
export function startExternalServer(): Promise<SpawnedApp> {
  return spawnApp(FIXTURE, { cwd: PACKAGE_DIR, env: { NODE_OPTIONS: '--import tsx' } });
}

/** An `mcpServers` entry that runs the external-server stand-in as a stdio child. */
export function stdioExternalTarget(): Record<string, unknown> {
  return {
    command: process.execPath,
    args: ['--import', 'tsx', FIXTURE, '--stdio'],
    cwd: PACKAGE_DIR,
  };
}

/**
 * Starts the built service. `GATEWAY_CONFIG` from the test's own environment is cleared unless
 * `options.env` sets it; `HOST`/`PORT` are 127.0.0.1 and 0 (spawnApp's defaults).
 */
export function startService(options: SpawnAppOptions = {}): Promise<SpawnedApp> {
  return spawnApp(SERVICE_ENTRY, {
    ...options,
    env: { GATEWAY_CONFIG: undefined, ...options.env },
  });
}

/** A loopback URL nothing listens on (a port that was free a moment ago). */
export async function closedPortUrl(): Promise<string> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}/mcp`;
}

/** The gateway's `GET /status` body, as far as the tests read it. */
export interface StatusBody {
  status: string;
  healthyTargets: number;
  totalTargets: number;
  targets: Record<string, unknown>[];
}

/**
 * Polls `GET /status` until `healthyTargets` reaches `count`. A target slower than the gateway's
 * start-up wait (busy machines) is listed in the background; this waits for it instead of failing.
 */
export async function waitForHealthy(mcpUrl: string, count: number): Promise<StatusBody> {
  const statusUrl = mcpUrl.replace(/\/mcp$/, '/status');
  let last: StatusBody | undefined;
  await vi.waitFor(
    async () => {
      last = (await (await fetch(statusUrl)).json()) as StatusBody;
      if (last.healthyTargets < count) throw new Error(`${last.healthyTargets}/${count} healthy`);
    },
    { timeout: 30_000, interval: 200 },
  );
  return last!;
}
