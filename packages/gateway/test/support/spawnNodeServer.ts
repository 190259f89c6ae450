import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A server child process started by {@link spawnNodeServer}. */
export interface NodeServerProcess {
  /** The port from its listening line. */
  readonly port: number;
  /** Every stdout line so far (JSON log lines for server-kit apps). */
  readonly stdout: readonly string[];
  /** Resolves with the first stdout line `matches` accepts, or rejects after `timeoutMs`. */
  waitForLine(matches: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/** Options of {@link spawnNodeServer}. */
export interface SpawnNodeServerOptions {
  /** Environment added to the test's own (HOST=127.0.0.1 and PORT=0 are always set). */
  env?: Record<string, string>;
  /** How long to wait for the listening line; default 30000 ms (2 busy cores). */
  startTimeoutMs?: number;
}

/**
 * Runs `node <args…>` on 127.0.0.1 with a free port and resolves once it prints a JSON line with
 * `"msg":"listening"` and a numeric `port` (server-kit apps do; see `loopbackListen.ts` for others).
 * Rejects with its output when it exits or stays silent.
 */
export function spawnNodeServer(
  args: readonly string[],
  options: SpawnNodeServerOptions = {},
): Promise<NodeServerProcess> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...options.env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const watchers = new Set<(line: string) => void>();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdout.push(line);
    for (const watcher of watchers) watcher(line);
  });

  const waitForLine = (matches: (line: string) => boolean, timeoutMs = 15_000) =>
    new Promise<string>((resolve, reject) => {
      const found = stdout.find(matches);
      if (found !== undefined) {
        resolve(found);
        return;
      }
      const watcher = (line: string) => {
        if (!matches(line)) return;
        finish();
        resolve(line);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no matching line within ${timeoutMs} ms; output:\n${dump()}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        watchers.delete(watcher);
      };
      watchers.add(watcher);
    });
  const dump = () => [...stdout, ...stderr].slice(-40).join('\n');
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= stopChild(child, exited));

  return new Promise((resolve, reject) => {
    const failed = (why: string) => {
      void stop();
      reject(new Error(`node ${args.join(' ')} ${why}:\n${dump()}`));
    };
    void exited.then(() => failed('exited before listening'));
    waitForLine((line) => listeningPort(line) !== undefined, options.startTimeoutMs ?? 30_000)
      .then((line) => resolve({ port: listeningPort(line) ?? 0, stdout, waitForLine, stop }))
      .catch(() => failed('printed no listening line'));
  });
}

function listeningPort(line: string): number | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(line) as { msg?: unknown; port?: unknown };
    return parsed.msg === 'listening' && typeof parsed.port === 'number' ? parsed.port : undefined;
  } catch {
    return undefined;
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
