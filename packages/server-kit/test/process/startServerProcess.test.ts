import { afterEach, describe, expect, it } from 'vitest';

import {
  findFreePort as freePort,
  type OutputStream,
  type ServerProcess,
  ServerProcessError,
  startServerProcess,
} from '../../src/process/index.js';

/** A node -e script: listens on HOST:PORT, prints its listening line, exits 0 on SIGTERM. */
const LISTENER = `
const server = require('node:http').createServer((_req, res) => res.end('ok'));
server.listen(Number(process.env.PORT), process.env.HOST, () => {
  console.log('starting up');
  console.error('a warning on stderr');
  const url = 'http://' + process.env.HOST + ':' + server.address().port + '/mcp';
  console.log(JSON.stringify({ level: 30, msg: 'listening', url }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;
/** Fails before listening, the way a misconfigured app does. */
const CRASHER = `
console.error('loading config');
console.error('error: PORT is invalid');
console.error('  (details on a second line)');
process.exit(3);
`;
/** Runs but never prints a listening line, like an app stuck during start-up. */
const SILENT = `console.error('still thinking'); setInterval(() => undefined, 1000);`;

const node = (script: string) => [process.execPath, ['-e', script]] as const;

describe('startServerProcess', () => {
  let started: ServerProcess | undefined;
  afterEach(async () => {
    await started?.stop({ signal: 'SIGKILL' });
    started = undefined;
  });

  it('resolves with the URL of the listening line, on 127.0.0.1 and a free port', async () => {
    const lines: [string, OutputStream][] = [];
    started = await startServerProcess(...node(LISTENER), {
      onOutput: (line, stream) => lines.push([line, stream]),
    });

    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(started.port).toBe(Number(new URL(started.url).port));
    expect(started.port).toBeGreaterThan(0);
    expect(started.pid).toBe(started.child.pid);
    expect(started.readyAfterMs).toBeGreaterThan(0);
    expect(await (await fetch(started.url)).text()).toBe('ok');
    expect(lines).toContainEqual(['starting up', 'stdout']);
    expect(lines).toContainEqual(['a warning on stderr', 'stderr']);
    expect(started.stderrTail).toEqual(['a warning on stderr']);
    expect(await started.stop()).toBe(0);
    expect(await started.exited).toBe(0);
    expect(await started.stop()).toBe(0);
  });

  it('rejects at once with ERR_PROCESS_EXITED, the exit code and the last stderr lines', async () => {
    const began = Date.now();
    const error = await startServerProcess(...node(CRASHER), { readyTimeoutMs: 20_000 }).catch(
      (caught: unknown) => caught,
    );

    expect(Date.now() - began).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(ServerProcessError);
    expect(error).toMatchObject({
      code: 'ERR_PROCESS_EXITED',
      exitCode: 3,
      stderr: ['loading config', 'error: PORT is invalid', '  (details on a second line)'],
    });
    expect((error as Error).message).toMatch(
      /^node -e .* exited with code 3 before it was ready; stderr: error: PORT is invalid$/,
    );
  });

  it('rejects with ERR_TIMEOUT and kills a process that never becomes ready', async () => {
    const lines: string[] = [];
    // Long enough for a loaded machine to start node and print its line (at 300 ms a busy CI
    // runner sometimes had printed nothing yet); the process never becomes ready either way.
    const error = await startServerProcess(...node(SILENT), {
      readyTimeoutMs: 3_000,
      onOutput: (line) => lines.push(line),
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServerProcessError);
    expect(error).toMatchObject({ code: 'ERR_TIMEOUT', exitCode: undefined });
    expect((error as Error).message).toMatch(
      /^node -e .* did not print its listening line within 3000 ms, so it was killed; stderr: still thinking$/,
    );
    expect(lines).toEqual(['still thinking']);
  });

  it('kills the process it gave up on', async () => {
    const script = `console.error(process.pid); setInterval(() => undefined, 1000);`;
    // Long enough for the child to start and print its pid on a loaded machine (300 ms was not).
    const error = await startServerProcess(...node(script), { readyTimeoutMs: 3000 }).catch(
      (caught: unknown) => caught as ServerProcessError,
    );

    const pid = Number((error as ServerProcessError).stderr[0]);
    expect(pid).toBeGreaterThan(0);
    await waitUntil(() => !isAlive(pid));
  });

  it('rejects with ERR_PROCESS_EXITED when the command cannot be spawned', async () => {
    const error = await startServerProcess('/nonexistent/agentcore-mcp-server', []).catch(
      (caught: unknown) => caught,
    );

    expect(error).toBeInstanceOf(ServerProcessError);
    expect(error).toMatchObject({ code: 'ERR_PROCESS_EXITED', stderr: [] });
    expect((error as Error).message).toBe(
      '/nonexistent/agentcore-mcp-server could not be started (ENOENT)',
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('passes env over process.env, and undefined removes a variable', async () => {
    const script = `console.log(JSON.stringify({ msg: 'listening', url: 'http://x/' + [process.env.HOST, process.env.PORT, process.env.EXTRA, process.env.PATH === undefined].join('/') })); setInterval(() => {}, 1000);`;
    started = await startServerProcess(...node(script), {
      env: { EXTRA: 'yes', PATH: undefined },
    });

    expect(started.url).toBe('http://x/127.0.0.1/0/yes/true');
  });

  it('reads another ready line with kind "line"', async () => {
    const script = `console.log('Emulator on http://127.0.0.1:1234'); setInterval(() => {}, 1000);`;
    started = await startServerProcess(...node(script), {
      ready: { kind: 'line', parse: (line) => /^Emulator on (\S+)/.exec(line)?.[1] },
    });

    expect(started.url).toBe('http://127.0.0.1:1234');
  });

  it('waits until the port accepts connections with kind "port"', async () => {
    const port = await freePort();
    const script = `setTimeout(() => require('node:http').createServer((_q, s) => s.end('up')).listen(${port}, '127.0.0.1'), 200);`;
    started = await startServerProcess(...node(script), {
      ready: { kind: 'port', port, path: '/sse' },
    });

    expect(started.url).toBe(`http://127.0.0.1:${port}/sse`);
    expect(await (await fetch(started.url)).text()).toBe('up');
  });

  it('names the port in the timeout of kind "port"', async () => {
    const port = await freePort();
    await expect(
      startServerProcess(...node(SILENT), { ready: { kind: 'port', port }, readyTimeoutMs: 300 }),
    ).rejects.toThrow(`did not accept connections on 127.0.0.1:${port} within 300 ms`);
  });

  it('kills a process that is still starting when the signal aborts, and rejects at once', async () => {
    const controller = new AbortController();
    let pid = 0;
    const starting = startServerProcess(
      ...node(`console.error('pid ' + process.pid); setInterval(() => undefined, 1000);`),
      {
        signal: controller.signal,
        onOutput: (line) => {
          pid = Number(/^pid (\d+)$/.exec(line)?.[1] ?? pid);
          if (pid > 0) controller.abort();
        },
      },
    );
    const error = await starting.catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ServerProcessError);
    expect(error).toMatchObject({ code: 'ERR_PROCESS_EXITED' });
    expect((error as Error).message).toMatch(/was stopped before it was ready; stderr: pid \d+$/);
    await expect.poll(() => isAlive(pid)).toBe(false);
  });

  it('stops the whole process group, children included, with processGroup', async () => {
    const childScript = `setInterval(() => {}, 1000)`;
    const script = `
      process.on('SIGTERM', () => {});
      setInterval(() => {}, 1000);
      const child = require('node:child_process').spawn(process.execPath, ['-e', ${JSON.stringify(childScript)}], { stdio: 'ignore' });
      console.log(JSON.stringify({ msg: 'listening', url: 'http://127.0.0.1:1/' + child.pid }));`;
    started = await startServerProcess(...node(script), { processGroup: true });
    const grandchild = Number(new URL(started.url).pathname.slice(1));
    expect(isAlive(grandchild)).toBe(true);

    expect(await started.stop({ timeoutMs: 200 })).toBe('SIGKILL');
    await waitUntil(() => !isAlive(grandchild));
  });

  it('sends SIGTERM once when stop is called twice, so a graceful shutdown is not cut short', async () => {
    const script = `
      let terms = 0;
      process.on('SIGTERM', () => { terms += 1; setTimeout(() => process.exit(terms), 200); });
      console.log(JSON.stringify({ msg: 'listening', url: 'http://127.0.0.1:1/' }));
      setInterval(() => {}, 1000);`;
    started = await startServerProcess(...node(script));

    const [first, second] = await Promise.all([started.stop(), started.stop()]);
    expect([first, second]).toEqual([1, 1]);
  });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 100) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
