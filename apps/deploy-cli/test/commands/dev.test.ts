import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

import { afterEach, describe, expect, it } from 'vitest';

import { cleanEnv, CLI, errorLine, runCli } from '../runCli.js';
import { createTempProject, TINY_SERVER, write } from '../tempProject.js';

const PLACEHOLDER_ARN =
  'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/tiny_dev-local00000';

describe('agentcore-mcp dev (a real process)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });
  const project = (options: Parameters<typeof createTempProject>[0]) => {
    const created = createTempProject(options);
    cleanups.push(created.remove);
    return created.dir;
  };

  it('serves src/main.ts behind the emulator, reloads it when it changes, and exits 0 on SIGINT', async () => {
    const dir = project({ files: { 'src/main.ts': TINY_SERVER } });
    const dev = await startDev(dir);
    try {
      expect(dev.lines[0]).toMatch(
        /^agentcore-mcp dev: tiny_dev, src\/main\.ts \(with tsx\) on http:\/\/127\.0\.0\.1:\d+\/mcp, restarted when src\/, package\.json, tsconfig\.json change$/,
      );
      expect(dev.lines).toContain(`  runtime ARN     ${PLACEHOLDER_ARN}`);
      expect(dev.lines.join('\n')).toContain(
        'account 123456789012 is a local placeholder, not yours',
      );
      expect(dev.invocationUrl).toContain(
        `/runtimes/${encodeURIComponent(PLACEHOLDER_ARN)}/invocations?qualifier=DEFAULT`,
      );
      expect(await callEcho(dev.invocationUrl)).toBe('tiny: hi');
      expect(dev.errors.some((line) => line.startsWith('  [tiny_dev] {'))).toBe(true);

      const main = join(dir, 'src', 'main.ts');
      writeFileSync(main, readFileSync(main, 'utf8').replace('tiny: ', 'reloaded: '));
      await expect
        .poll(() => callEcho(dev.invocationUrl), { timeout: 20_000 })
        .toBe('reloaded: hi');
      expect(dev.errors).toContain('  [dev] src/main.ts changed: restarting tiny_dev');
      expect(
        dev.errors.some((line) => /^ {2}\[dev\] tiny_dev restarted in \d+ ms$/.test(line)),
      ).toBe(true);
    } finally {
      dev.child.kill('SIGINT');
    }
    expect(await dev.exited).toBe(0);
    const target = /on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(dev.lines[0]!)![1]!;
    await expect(fetch(target)).rejects.toThrow();
  });

  it('serves the runtime of .agentcore-mcp.yaml under its name and region, with its authorizer', async () => {
    const dir = project({ files: { 'src/main.ts': TINY_SERVER } });
    write(
      dir,
      '.agentcore-mcp.yaml',
      [
        'version: 1',
        'default: weather',
        'runtimes:',
        '  weather:',
        '    name: weather',
        '    entrypoint: .',
        '    dockerfile: Dockerfile',
        '    protocol: MCP',
        '    region: eu-west-1',
        '    authorizer:',
        '      customJWTAuthorizer:',
        '        discoveryUrl: http://127.0.0.1:9/pool/.well-known/openid-configuration',
        '        allowedClients: [client]',
        '    environment:',
        '      GREETING: hello',
        '',
      ].join('\n'),
    );
    const dev = await startDev(dir);
    try {
      const arn = 'arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/weather-local00000';
      expect(dev.lines).toContain(`  runtime ARN     ${arn}`);
      expect(dev.lines.join('\n')).toContain(
        'name and region from .agentcore-mcp.yaml; account 123456789012 is a local placeholder',
      );
      expect(dev.lines.join('\n')).toContain('JWT, the authorizer of .agentcore-mcp.yaml');
      const response = await postEcho(dev.invocationUrl);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    } finally {
      dev.child.kill('SIGINT');
    }
    expect(await dev.exited).toBe(0);
  });

  it('--local-auth starts cognito-local, enforces its tokens and prints one', async () => {
    const dir = project({
      files: { 'src/main.ts': TINY_SERVER },
      links: { 'cognito-local': cognitoLocalDirectory() },
    });
    const dev = await startDev(dir, ['--local-auth']);
    try {
      const output = dev.lines.join('\n');
      expect(output).toMatch(
        / {2}auth {12}JWT, local Cognito \(cognito-local\) on http:\/\/127\.0\.0\.1:\d+/,
      );
      const token = /^ {2}token {11}(\S+)$/m.exec(output)?.[1] ?? '';
      expect(token.split('.')).toHaveLength(3);
      expect((await postEcho(dev.invocationUrl)).status).toBe(401);
      expect(await callEcho(dev.invocationUrl, { authorization: `Bearer ${token}` })).toBe(
        'tiny: hi',
      );

      const credentials = /token --credentials (\S+)\)$/m.exec(output)?.[1] ?? '';
      const another = await runCli(['token', '--credentials', credentials], {
        cwd: dir,
        env: cleanEnv(dir),
      });
      expect(another.code).toBe(0);
      const fresh = another.stdout.trim();
      expect(await callEcho(dev.invocationUrl, { authorization: `Bearer ${fresh}` })).toBe(
        'tiny: hi',
      );
    } finally {
      dev.child.kill('SIGINT');
    }
    expect(await dev.exited).toBe(0);
  });

  it('reports a server that crashes at start in one line with its exit code and stderr, exit 1', async () => {
    const dir = project({
      files: {
        'src/main.ts': "console.log('starting');\nthrow new Error('cannot load config.json');\n",
      },
    });
    const run = await runCli(['dev', '--port', '0'], { cwd: dir, env: cleanEnv(dir) });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toContain('  [tiny_dev] starting');
    expect(lines.at(-1)).toBe(
      'error: src/main.ts (with tsx) exited with code 1 at start; stderr: Error: cannot load config.json: fix it and run agentcore-mcp dev again',
    );
  });

  it.each([
    [
      'no entry',
      {},
      [],
      /^error: No server entry in .*: expected src\/main\.ts \(as agentcore-mcp init writes it\), or pass --entry <file>$/,
    ],
    [
      'no tsx',
      { files: { 'src/main.ts': TINY_SERVER }, packages: ['@agentcore-mcp/server-kit', 'zod'] },
      [],
      /^error: tsx is not installed in .*, and src\/main\.ts is TypeScript: run npm install .*npm install -D tsx$/,
    ],
    [
      'a gateway project whose gateway-service is not installed',
      {
        packageJson: { name: 'edge', dependencies: { '@agentcore-mcp/gateway-service': '^0.1.0' } },
        files: { 'gateway.json': '{}' },
        packages: [],
      },
      [],
      /^error: @agentcore-mcp\/gateway-service is not installed in .*: run npm install there$/,
    ],
    [
      'no cognito-local for --local-auth',
      { files: { 'src/main.ts': TINY_SERVER } },
      ['--local-auth'],
      /^error: --local-auth runs cognito-local, which is not installed: npm install -D cognito-local@5\.3\.0 in .*, then run agentcore-mcp dev --local-auth again$/,
    ],
  ])('refuses to start with %s, in one error line', async (_what, options, args, message) => {
    const dir = project(options);
    const run = await runCli(['dev', '--port', '0', ...args], { cwd: dir, env: cleanEnv(dir) });
    expect(errorLine(run)).toMatch(message);
  });
});

/** The cognito-local that test-support installs (the CLI's optional peer, not its dependency). */
function cognitoLocalDirectory(): string {
  const testSupport = createRequire(import.meta.url).resolve(
    '@agentcore-mcp/test-support/package.json',
  );
  return dirname(createRequire(testSupport).resolve('cognito-local/package.json'));
}

/** A running `agentcore-mcp dev`, once it printed its invocation URL. */
async function startDev(cwd: string, args: string[] = []) {
  const child = spawn(process.execPath, [CLI, 'dev', '--port', '0', ...args], {
    cwd,
    env: cleanEnv(cwd),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const errors: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => errors.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const invocationUrl = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      if (line === 'Stop with Ctrl-C.') {
        const url = /^ {2}invocation URL {2}(\S+)$/m.exec(lines.join('\n'))?.[1];
        if (url) resolve(url);
        else reject(new Error(`no invocation URL in ${lines.join('\n')}`));
      }
    });
    void exited.then(() =>
      reject(new Error(`dev exited early: ${[...lines, ...errors].join('\n')}`)),
    );
  });
  return { child, lines, errors, exited, invocationUrl };
}

function postEcho(invocationUrl: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(invocationUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...headers,
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'echo', arguments: { text: 'hi' } },
    }),
  });
}

/** Calls the tiny server's `echo` tool through the emulator and returns its text. */
async function callEcho(invocationUrl: string, headers?: Record<string, string>): Promise<string> {
  const response = await postEcho(invocationUrl, headers);
  const text = await response.text();
  return /"text":"([^"]*)"/.exec(text)?.[1] ?? `HTTP ${response.status}: ${text}`;
}
