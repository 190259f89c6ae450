import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { type AgentCoreServer, createAgentCoreServer, defineTool } from '@agentcore-mcp/server-kit';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';

import type { SetupCognitoResult } from '../../src/cognito/setupCognitoReport.js';
import { type GatewaySetupOptions, setUpGateway } from '../../src/gateway/setUpGateway.js';
import type { Prompts } from '../../src/prompts.js';
import { testContext, type TestContextOptions } from '../testContext.js';

const AUTHORIZER = {
  customJWTAuthorizer: {
    discoveryUrl: 'https://issuer.example.com/pool/.well-known/openid-configuration',
    allowedClients: ['client-1'],
  },
};

/** A port nothing listens on: bound once on 127.0.0.1, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function setupContext(options: TestContextOptions = {}) {
  const context = testContext(options);
  return { context, stdout: context.stdout, stderr: context.stderr };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

describe('gateway setup', () => {
  let server: AgentCoreServer;
  let url: string;
  let deadUrl: string;

  beforeAll(async () => {
    server = createAgentCoreServer({
      name: 'setup-target',
      version: '1.0.0',
      tools: [
        defineTool({
          name: 'add',
          description: 'Add two numbers',
          input: { a: z.number(), b: z.number() },
          handler: ({ a, b }) => a + b,
        }),
        defineTool({ name: 'ping', description: 'Answer pong', handler: () => 'pong' }),
      ],
      host: '127.0.0.1',
      port: 0,
      logger: pino({ level: 'silent' }),
    });
    url = (await server.listen()).url;
    deadUrl = `http://127.0.0.1:${await deadPort()}/mcp`;
  });
  afterAll(async () => {
    await server.close();
  });

  it('tests each HTTP target with MCP, reports the dead one on one line, and writes the config with the authorizer', async () => {
    const { context, stdout, stderr } = setupContext();
    writeFileSync(join(context.cwd, 'authorizer_config.json'), JSON.stringify(AUTHORIZER));

    const result = await setUpGateway(
      {
        target: [`local=${url}`, `dead=${deadUrl}`],
        stdio: ["files=node 'my server.js' --root /data"],
        header: ['local:X-Api-Key=${LOCAL_KEY:-none}'],
      },
      context,
    );

    expect(readJson(join(context.cwd, 'gateway.json'))).toEqual({
      mcpServers: {
        local: { url, headers: { 'X-Api-Key': '${LOCAL_KEY:-none}' } },
        dead: { url: deadUrl },
        files: { command: 'node', args: ['my server.js', '--root', '/data'] },
      },
      gateway: { auth: AUTHORIZER },
    });
    expect(result.targets.map(({ target, probe }) => [target.name, probe?.ok])).toEqual([
      ['local', true],
      ['dead', false],
      ['files', undefined],
    ]);
    expect(stdout[0]).toBe(
      'Testing 2 HTTP targets (MCP server/discover or initialize, then tools/list, 10 s timeout):',
    );
    expect(stdout[1]).toBe(`  ✓ local (${url}): 2 tools: add, ping`);
    expect(stdout[2]).toBe(
      `  ✗ dead (${deadUrl}) failed: Could not reach ${new URL(deadUrl).origin} for server/discover (connection refused, 1 attempt); check the URL or endpoint and that the server is running`,
    );
    expect(stdout[3]).toBe(
      '  - files: stdio (node my server.js --root /data), started by the gateway; not tested here',
    );
    expect(stdout.slice(4)).toEqual([
      'Wrote gateway.json: 3 targets, inbound JWT auth from authorizer_config.json',
      '1 target failed the test: start the server, fix the URL or set the variable, then run gateway setup again',
      'Run it locally: npx @agentcore-mcp/gateway-service --config gateway.json',
      'Or register it as a managed AgentCore Gateway: agentcore-mcp gateway register-managed --config gateway.json',
    ]);
    expect(stderr).toEqual([]);
  });

  it('without an authorizer config, tells the user to run setup-cognito and writes nothing', async () => {
    const { context } = setupContext();

    await expect(setUpGateway({ target: [`local=${url}`] }, context)).rejects.toThrow(
      `No authorizer_config.json in ${context.cwd}: run agentcore-mcp setup-cognito first (or add --create-cognito to do it now), pass --auth FILE, or --no-auth for a gateway without inbound auth`,
    );
  });

  it('--no-auth writes mcpServers only; --out picks the file', async () => {
    const { context, stdout } = setupContext();

    await setUpGateway({ target: [`local=${url}`], auth: false, out: 'config/gw.json' }, context);

    expect(readJson(join(context.cwd, 'config/gw.json'))).toEqual({
      mcpServers: { local: { url } },
    });
    expect(stdout).toContain(
      'Wrote config/gw.json: 1 target, no inbound auth (--no-auth): anyone who can reach the gateway can call its tools',
    );
  });

  it('--create-cognito runs setup-cognito and uses the authorizer it wrote', async () => {
    const calls: unknown[] = [];
    const { context } = setupContext();
    const setupCognito = (options: unknown) => {
      calls.push(options);
      const path = join(context.cwd, 'authorizer_config.json');
      writeFileSync(path, JSON.stringify(AUTHORIZER));
      return Promise.resolve({ files: { authorizerConfig: path } } as SetupCognitoResult);
    };

    await setUpGateway(
      { target: [`local=${url}`], createCognito: true, region: 'eu-west-1' },
      context,
      { setupCognito },
    );

    expect(calls).toEqual([{ region: 'eu-west-1', outDir: '.' }]);
    expect(readJson(join(context.cwd, 'gateway.json'))).toEqual({
      mcpServers: { local: { url } },
      gateway: { auth: AUTHORIZER },
    });
  });

  it('asks for targets on a terminal when no flag names one', async () => {
    const answers = ['local', 'http', url, 'files', 'stdio', 'npx -y server-files', ''];
    const asked: string[] = [];
    const prompts: Partial<Prompts> = {
      input: ({ message }) => (asked.push(message), Promise.resolve(answers.shift() ?? '')),
      select: <TValue extends string>({ message }: { message: string }) => (
        asked.push(message),
        Promise.resolve(answers.shift() as TValue)
      ),
    };
    const { context } = setupContext({ interactive: true, prompts });

    await setUpGateway({ auth: false }, context);

    expect(readJson(join(context.cwd, 'gateway.json'))).toEqual({
      mcpServers: { local: { url }, files: { command: 'npx', args: ['-y', 'server-files'] } },
    });
    expect(asked).toEqual([
      'Target name (empty when done):',
      'How does the gateway reach local?',
      'MCP URL of local, e.g. http://127.0.0.1:8000/mcp:',
      'Target name (empty when done):',
      'How does the gateway reach files?',
      'Command that starts files, with its arguments:',
      'Target name (empty when done):',
    ]);
  });

  it.each<[GatewaySetupOptions, string]>([
    [
      {},
      "No targets: pass --target name=url or --stdio name='command args' (repeatable); without them gateway setup asks on a terminal",
    ],
    [{ target: ['weather'] }, '--target "weather": expected name=url'],
    [
      { target: ['weather=ftp://x'] },
      '--target weather: "ftp://x" is not an http:// or https:// URL',
    ],
    [{ target: ['bad___name=http://127.0.0.1/mcp'] }, 'Invalid target name "bad___name"'],
    [{ target: ['a=http://127.0.0.1/mcp', 'a=http://127.0.0.1/x'] }, 'Target "a" is given twice'],
    [{ stdio: ["files=node 'x"] }, "Unterminated ' quote"],
    [
      { target: ['a=http://127.0.0.1/mcp'], header: ['a:Authorization=Bearer secret'] },
      '--header a:Authorization: the value is written to the config file, so give secrets as ${VAR}',
    ],
    [
      { target: ['a=http://127.0.0.1/mcp'], header: ['b:Authorization=${T}'] },
      '--header b:Authorization: no HTTP target "b"; add --target b=URL',
    ],
    [
      { target: ['a=http://127.0.0.1/mcp'], createCognito: true, auth: false },
      '--create-cognito writes a new authorizer_config.json; do not combine it with --auth or --no-auth',
    ],
  ])('refuses %j with one line', async (options, message) => {
    const { context } = setupContext();

    const failure = await setUpGateway({ auth: false, ...options }, context).catch(
      (error: unknown) => error as Error,
    );

    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain(message);
    expect((failure as Error).message).not.toContain('\n');
  });

  it('tests a target with its expanded headers, and reports an unset variable instead of sending it', async () => {
    const { context, stdout } = setupContext({ env: {} });

    await setUpGateway(
      {
        target: [`local=${url}`],
        header: ['local:Authorization=Bearer ${LOCAL_TOKEN}'],
        auth: false,
      },
      context,
    );

    expect(stdout[1]).toBe(
      `  ✗ local (${url}) failed: header Authorization needs environment variable LOCAL_TOKEN, which is not set; set it to test the target`,
    );
    expect(readJson(join(context.cwd, 'gateway.json'))).toEqual({
      mcpServers: { local: { url, headers: { Authorization: 'Bearer ${LOCAL_TOKEN}' } } },
    });
  });
});
