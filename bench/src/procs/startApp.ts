import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** An app started by {@link startApp}. */
export interface StartedApp {
  readonly pid: number;
  /** The MCP URL from its listening line. */
  readonly url: string;
  /** Milliseconds from spawn to the listening line. */
  readonly listeningAfterMs: number;
  /** SIGTERM (SIGKILL after `timeoutMs`, default 5000) and wait for exit. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Options of {@link startApp}. */
export interface StartAppOptions {
  /** Extra environment; `HOST=127.0.0.1`, `PORT=0` and `LOG_LEVEL=info` are set unless given. */
  readonly env?: Readonly<Record<string, string>>;
  /** Arguments after the entry file. */
  readonly args?: readonly string[];
  /** How long to wait for the listening line, in ms. Default 30000. */
  readonly timeoutMs?: number;
}

/**
 * Starts `node <entry>` (one of our apps, or a bench server that prints the same JSON
 * `{"msg":"listening","url":…}` line) and resolves once it listens. Later output is read and
 * dropped, so a long run's request logs cost the bench no memory (the app still writes them).
 *
 * @param entry - Path of the entry file.
 * @param options - Environment, arguments, timeout.
 * @returns The running app.
 * @throws Error with the app's output when it exits or does not listen in time.
 */
export function startApp(entry: string, options: StartAppOptions = {}): Promise<StartedApp> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [entry, ...(options.args ?? [])], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr.on('data', (chunk: Buffer) => {
    if (output.length < 50) output.push(chunk.toString('utf8'));
  });
  const stop = async (timeoutMs = 5000) => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      void stop(0);
      reject(new Error(`${entry} ${why}:\n${output.join('\n')}`));
    };
    const timer = setTimeout(
      () => fail('printed no listening line in time'),
      options.timeoutMs ?? 30_000,
    );
    void exited.then(() => {
      clearTimeout(timer);
      fail(`exited (${child.exitCode ?? child.signalCode}) before listening`);
    });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (output.length < 50) output.push(line);
      const url = listeningUrl(line);
      if (url === undefined) return;
      clearTimeout(timer);
      settled = true;
      lines.close();
      child.stdout.on('data', () => undefined).resume();
      resolve({ pid: child.pid ?? -1, url, listeningAfterMs: performance.now() - startedAt, stop });
    });
  });
}

function listeningUrl(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return parsed.msg === 'listening' && typeof parsed.url === 'string' ? parsed.url : undefined;
  } catch {
    return undefined;
  }
}
