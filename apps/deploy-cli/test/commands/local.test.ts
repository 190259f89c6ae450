import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanEnv, CLI, runCli } from '../runCli.js';
import { createTempProject, TINY_SERVER } from '../tempProject.js';

const ARN = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/example_server-AbCdEf1234';

describe('agentcore-mcp local (a real process)', () => {
  const upstream = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        result: { path: req.url, session: req.headers['mcp-session-id'] },
      }),
    );
  });
  let target: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/mcp`;
  });
  afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

  it('prints the invocation URL of each runtime, forwards calls, logs the runtime session it starts, and exits 0 on SIGINT', async () => {
    const { child, lines, errors, exited, invocationUrl } = await startLocal([
      '--runtime',
      `${ARN}=${target}`,
    ]);
    try {
      expect(lines[0]).toMatch(/^AgentCore Runtime emulator on http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines[1]).toBe(`  ${ARN} -> ${target}`);
      expect(invocationUrl).toMatch(
        new RegExp(`/runtimes/${encodeURIComponent(ARN)}/invocations\\?qualifier=DEFAULT$`),
      );
      const response = await fetch(invocationUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
      });
      const body = (await response.json()) as { result: { path: string; session: string } };
      expect(body.result.path).toBe('/mcp');
      const session = response.headers.get('mcp-session-id');
      expect(body.result.session).toBe(session);
      await expect
        .poll(() => errors)
        .toEqual([`  [emulator] new runtime session ${session} on example_server-AbCdEf1234`]);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });

  it.each([
    [
      [],
      /^error: No runtime to serve: pass --runtime <ARN>=<MCP server URL> or --start <ARN>=<command> at least once, or run it in a project configured with agentcore-mcp configure\n$/,
    ],
    [
      ['--runtime', `${ARN}=ftp://x`],
      /^error: Invalid --runtime ".*": expected <ARN>=<http\(s\) URL of the MCP server>/,
    ],
    [['--runtime', 'arn:aws:nope=http://127.0.0.1:1/mcp'], /^error: Invalid runtime ARN/],
    [
      ['--runtime', `${ARN}=http://127.0.0.1:1/mcp`, '--request-header-allowlist', 'Host'],
      /^error: .*Host/,
    ],
    [
      [
        '--runtime',
        `${ARN}=http://127.0.0.1:1/mcp`,
        '--authorizer-config',
        '{"customJWTAuthorizer":{}}',
      ],
      /^error: Invalid authorizer config: customJWTAuthorizer\.discoveryUrl/,
    ],
  ])('refuses bad options with one error line and exit 1 (%j)', async (args, message) => {
    const run = await runCli(['local', '--port', '0', ...args]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('starts a server itself with --start, shows its output, routes to it, and stops it on SIGINT', async () => {
    const fixture = fileURLToPath(new URL('../fixtures/tinyServer.mjs', import.meta.url));
    const { child, lines, errors, exited, invocationUrl } = await startLocal([
      '--start',
      `${ARN}=node ${fixture}`,
    ]);
    try {
      expect(lines[1]).toMatch(new RegExp(`^  ${ARN} -> http://127\\.0\\.0\\.1:\\d+/mcp$`));
      const response = await fetch(invocationUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'echo', arguments: { text: 'hi' } },
        }),
      });
      expect(await response.text()).toContain('"text":"tiny: hi"');
      expect(errors.some((line) => line.startsWith('  [example_server-AbCdEf1234] '))).toBe(true);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    const target = /-> (\S+)$/.exec(lines[1]!)![1]!;
    await expect(fetch(target)).rejects.toThrow();
  });

  it('without --runtime/--start, starts the runtime of .agentcore-mcp.yaml under the ARN dev uses', async () => {
    const project = createTempProject({
      files: {
        'src/main.ts': TINY_SERVER,
        '.agentcore-mcp.yaml': [
          'version: 1',
          'default: tiny',
          'runtimes:',
          '  tiny:',
          '    name: tiny',
          '    entrypoint: .',
          '    dockerfile: Dockerfile',
          '    protocol: MCP',
          '    region: ap-southeast-2',
          '',
        ].join('\n'),
      },
    });
    try {
      const arn = 'arn:aws:bedrock-agentcore:ap-southeast-2:123456789012:runtime/tiny-local00000';
      const { child, lines, errors, exited, invocationUrl } = await startLocal([], project.dir);
      try {
        expect(lines[1]).toMatch(new RegExp(`^  ${arn} -> http://127\\.0\\.0\\.1:\\d+/mcp$`));
        expect(invocationUrl).toContain(`/runtimes/${encodeURIComponent(arn)}/invocations`);
        await expect
          .poll(() => lines)
          .toContain(
            '  (name and region from .agentcore-mcp.yaml; account 123456789012 is a local placeholder, not yours)',
          );
        const response = await fetch(invocationUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            method: 'tools/call',
            params: { name: 'echo', arguments: { text: 'hi' } },
          }),
        });
        expect(await response.text()).toContain('"text":"tiny: hi"');
        expect(errors.some((line) => line.startsWith('  [tiny-local00000] '))).toBe(true);
      } finally {
        child.kill('SIGINT');
      }
      expect(await exited).toBe(0);
    } finally {
      project.remove();
    }
  });

  it('reports a started server that exits at once, with its stderr, and answers 424 like AgentCore', async () => {
    const { child, exited, invocationUrl, errors } = await startLocal([
      '--start',
      `${ARN}=echo 'cannot load config.json' >&2; exit 3`,
    ]);
    try {
      await expect
        .poll(() => errors.join('\n'))
        .toMatch(
          /\[example_server-AbCdEf1234\] cannot load config.json\n\s+runtime example_server-AbCdEf1234 did not start, so its requests get 424: .* exited with code 3 before it was ready; stderr: cannot load config.json/,
        );
      const response = await fetch(invocationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(424);
      expect(await response.json()).toEqual({
        message:
          'Runtime initialization time exceeded. Please make sure that initialization completes in 30s.',
      });
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  });
});

async function startLocal(args: string[], cwd?: string) {
  const child = spawn(process.execPath, [CLI, 'local', '--port', '0', ...args], {
    cwd,
    ...(cwd === undefined ? {} : { env: cleanEnv(cwd) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const errors: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => errors.push(line));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const invocationUrl = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      const match = /^\s+(http:\/\/127\.0\.0\.1:\d+\/runtimes\/\S+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`exited early: ${lines.join('\n')}`)));
  });
  return { child, lines, errors, exited, invocationUrl };
}
