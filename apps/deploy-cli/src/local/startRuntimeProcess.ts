import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** AgentCore's limit for a runtime to come up: 30 s, then HTTP 424. */
export const RUNTIME_INIT_TIMEOUT_MS = 30_000;

/** A server the emulator started itself (`agentcore-mcp local --start ARN=COMMAND`). */
export interface RuntimeProcess {
  /** Where its MCP endpoint listens: `http://127.0.0.1:<port>/mcp`. */
  readonly target: string;
  /** Resolves `true` once the port accepts connections, `false` after the init timeout or an exit. */
  readonly ready: Promise<boolean>;
  /** The last lines it printed, for error messages. */
  readonly output: readonly string[];
  stop(): Promise<void>;
}

/**
 * Starts an MCP server command through the shell with `HOST=127.0.0.1` and a free `PORT`, the
 * way AgentCore starts a container, and watches for it to accept connections.
 *
 * @param command - The shell command, e.g. `node apps/example-server/dist/main.js`.
 * @param options - The init timeout (default 30 s) and extra environment.
 * @returns The process, its target URL and its readiness.
 */
export async function startRuntimeProcess(
  command: string,
  options: { initTimeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RuntimeProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn('/bin/sh', ['-c', command], {
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 20));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + (options.initTimeoutMs ?? RUNTIME_INIT_TIMEOUT_MS);
  const ready = (async () => {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) return false;
      if (await accepts(port)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return false;
  })();
  return {
    target: `http://127.0.0.1:${port}/mcp`,
    ready,
    output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(
        () => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'),
        5_000,
      );
      await exited;
      clearTimeout(timer);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function accepts(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}
