import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

import { spawnApp, type SpawnedApp } from '@agentcore-mcp/test-support';

/** The gateway package root: fixture children resolve `tsx` from here. */
const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/upstreamServer.ts', import.meta.url));

/** Options of {@link launchFixtureUpstream}. */
export interface LaunchFixtureUpstreamOptions {
  /** The server name; echo answers start with it. */
  name: string;
  /** Default `stateless`. */
  mode?: 'stateless' | 'stateful';
  /** Serve only these tools; default all but `pid`. */
  tools?: readonly string[];
  /** The port to bind, e.g. the one of a server that was killed; default 0 (a free one). */
  port?: number;
}

/** An HTTP fixture upstream run as its own process. */
export interface FixtureUpstream {
  /** Its MCP endpoint, `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  readonly port: number;
  /** SIGKILL (a crash, no graceful shutdown); resolves once the process has exited. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Runs `test/fixtures/upstreamServer.ts` as a streamable HTTP server on 127.0.0.1, on a free port
 * or on a given one (to restart a killed target where the gateway expects it).
 */
export async function launchFixtureUpstream(
  options: LaunchFixtureUpstreamOptions,
): Promise<FixtureUpstream> {
  const app: SpawnedApp = await spawnApp(FIXTURE, {
    cwd: PACKAGE_DIR,
    startTimeoutMs: 30_000,
    env: {
      NODE_OPTIONS: '--import tsx',
      NAME: options.name,
      MODE: options.mode ?? 'stateless',
      TOOLS: options.tools?.join(','),
      PORT: String(options.port ?? 0),
      LOG_LEVEL: 'info',
    },
  });
  const exited = async () => {
    await app.exited;
  };
  return {
    url: app.url,
    port: app.port,
    kill: async () => {
      if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
      await exited();
    },
    stop: async () => {
      if (app.child.exitCode === null && app.child.signalCode === null) await app.stop();
      await exited();
    },
  };
}

/** Options of {@link stdioFixtureTarget}. */
export interface StdioFixtureTargetOptions {
  /** The server name; echo answers start with it. */
  name: string;
  /** Serve only these tools; default all but `pid`. */
  tools?: readonly string[];
  /** Exit at start-up while this file exists (the fixture's `EXIT_IF_FILE`), to fail restarts. */
  exitIfFile?: string;
  /** Answer nothing until this file exists (the fixture's `START_WHEN_FILE`): a slow start. */
  startWhenFile?: string;
}

/** The `mcpServers` entry of a stdio target running the fixture as the gateway's child process. */
export function stdioFixtureTarget(options: StdioFixtureTargetOptions): {
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
} {
  return {
    command: process.execPath,
    args: ['--import', 'tsx', FIXTURE, '--stdio'],
    env: {
      NAME: options.name,
      // Its log lines would go to stdout, which is the MCP channel.
      LOG_LEVEL: 'silent',
      ...(options.tools ? { TOOLS: options.tools.join(',') } : {}),
      ...(options.exitIfFile ? { EXIT_IF_FILE: options.exitIfFile } : {}),
      ...(options.startWhenFile ? { START_WHEN_FILE: options.startWhenFile } : {}),
    },
    cwd: PACKAGE_DIR,
  };
}

/** A port on 127.0.0.1 with nothing listening on it (it was free a moment ago). */
export async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
