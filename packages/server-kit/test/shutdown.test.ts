import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, it } from 'vitest';

import { type ServerProcess, startServerProcess } from '../src/process/index.js';
import { MCP_POST_HEADERS, readJsonRpc } from './helpers.js';

const fixture = fileURLToPath(new URL('./fixtures/shutdownFixture.mjs', import.meta.url));

const callSlow = (url: string, ms: number) =>
  fetch(url, {
    method: 'POST',
    headers: MCP_POST_HEADERS,
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'slow', arguments: { ms } },
    }),
  });

/** The fixture as a real process, with every stdout line it printed. */
interface FixtureApp extends ServerProcess {
  readonly stdout: string[];
}

async function startFixture(env: Record<string, string> = {}): Promise<FixtureApp> {
  const stdout: string[] = [];
  const started = await startServerProcess(process.execPath, [fixture], {
    env,
    onOutput: (line, stream) => {
      if (stream === 'stdout') stdout.push(line);
    },
  });
  return Object.assign(started, { stdout });
}

async function waitForLine(app: FixtureApp, msg: string): Promise<void> {
  while (!app.stdout.some((line) => line.includes(`"msg":"${msg}"`))) {
    if (app.child.exitCode !== null) throw new Error(`exited before logging "${msg}"`);
    await sleep(10);
  }
}

describe('graceful shutdown (a real process)', () => {
  let app: FixtureApp | undefined;
  afterEach(async () => {
    await app?.stop({ signal: 'SIGKILL' });
  });

  it('on SIGTERM stops accepting, finishes the in-flight call, then exits 0', async () => {
    app = await startFixture();
    const inFlight = callSlow(app.url, 800);
    await waitForLine(app, 'slow started');

    app.child.kill('SIGTERM');
    await waitForLine(app, 'shutting down');
    await expect(fetch(app.url.replace('/mcp', '/ping'))).rejects.toThrow();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await readJsonRpc(response)).toMatchObject({
      id: 1,
      result: { content: [{ text: 'slept 800 ms' }] },
    });
    expect(await app.exited).toBe(0);
    const messages = app.stdout.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages.slice(messages.indexOf('shutting down'))).toEqual([
      'shutting down',
      'tools/call',
      'stopped',
    ]);
  });

  it('on SIGINT with nothing in flight exits 0 at once', async () => {
    app = await startFixture();
    app.child.kill('SIGINT');
    expect(await app.exited).toBe(0);
  });

  it('gives up on calls that outlive shutdownTimeoutMs, and still exits 0', async () => {
    app = await startFixture({ SHUTDOWN_TIMEOUT_MS: '200' });
    const inFlight = callSlow(app.url, 30_000)
      .then((response) => response.text())
      .catch((error: unknown) => error);
    await waitForLine(app, 'slow started');
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(app.stdout.join('\n')).toContain(
      '"msg":"shutdown timeout: closing requests still in flight"',
    );
    expect(await inFlight).toBeInstanceOf(Error);
  });
});
