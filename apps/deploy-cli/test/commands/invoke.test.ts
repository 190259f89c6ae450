import {
  type AgentCoreServer,
  createAgentCoreServer,
  definePrompt,
  defineResource,
  defineResourceTemplate,
  defineTool,
  ToolError,
} from '@agentcore-mcp/server-kit';
import {
  type CognitoLocal,
  signCognitoLocalToken,
  startCognitoLocal,
} from '@agentcore-mcp/test-support';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';

import {
  createRuntimeEmulator,
  type RuntimeEmulator,
} from '../../src/local/createRuntimeEmulator.js';
import { type EraServer, startLegacyOnlyServer } from '../doctor/eraServers.js';
import { runCli } from '../runCli.js';

const ARN = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/invoke_test-AbCdEf1234';
const CLIENT = 'invoke-client';
/** What a successful run prints on stderr: the MCP revision it spoke (server-kit serves both). */
const MODERN = '  protocol: 2026-07-28\n';
const LEGACY = '  protocol: 2025-11-25\n';
/** The part of a 2026-07-28 result that a 2025 one lacks: the server's identity. */
const SERVER_INFO = {
  _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'invoke-target', version: '1.0.0' } },
};

const tools = [
  defineTool({
    name: 'add',
    description: 'Add two numbers',
    input: { a: z.number(), b: z.number() },
    handler: ({ a, b }) => a + b,
  }),
  defineTool({
    name: 'refuse',
    description: 'Always fails',
    handler: () => {
      throw new ToolError('Refused on purpose');
    },
  }),
];

const resources = [
  defineResource({
    uri: 'docs://readme',
    name: 'readme',
    description: 'The README',
    mimeType: 'text/markdown',
    read: () => '# Invoke target\nIt adds numbers.',
  }),
  defineResource({
    uri: 'data://logo',
    name: 'logo',
    mimeType: 'image/png',
    read: () => new Uint8Array([137, 80, 78]),
  }),
];
const resourceTemplates = [
  defineResourceTemplate({
    uriTemplate: 'users://{id}/profile',
    name: 'user-profile',
    read: (_uri, { id }) => JSON.stringify({ id }),
    list: () => [{ uri: 'users://42/profile', name: 'user 42' }],
  }),
];
const prompts = [
  definePrompt({
    name: 'review_code',
    description: 'Review some code',
    args: { code: z.string(), style: z.string().optional() },
    render: ({ code, style }) => `Please review this code${style ? ` (${style})` : ''}:\n${code}`,
  }),
  definePrompt({ name: 'greet', render: () => 'Say hello' }),
];

describe('agentcore-mcp invoke', () => {
  let server: AgentCoreServer;
  let url: string;
  let cognito: CognitoLocal;
  let emulator: RuntimeEmulator;
  let issuer: string;
  const env = (extra: Record<string, string> = {}) => ({
    PATH: process.env.PATH,
    HOME: '/nonexistent',
    ...extra,
  });

  beforeAll(async () => {
    server = createAgentCoreServer({
      name: 'invoke-target',
      version: '1.0.0',
      tools,
      resources,
      resourceTemplates,
      prompts,
      host: '127.0.0.1',
      port: 0,
      logger: pino({ level: 'silent' }),
    });
    url = (await server.listen()).url;
    cognito = await startCognitoLocal();
    const discoveryUrl = cognito.discoveryUrl('local_invokepool');
    issuer = discoveryUrl.replace('/.well-known/openid-configuration', '');
    emulator = await createRuntimeEmulator({
      port: 0,
      runtimes: [{ arn: ARN, target: url, authorizer: { discoveryUrl, allowedClients: [CLIENT] } }],
    });
  });
  afterAll(async () => {
    await emulator.close();
    await cognito.stop();
    await server.close();
  });

  it('lists tools readably', async () => {
    const run = await runCli(['invoke', '--url', url, 'tools/list'], { env: env() });
    expect(run).toMatchObject({ code: 0, stderr: MODERN });
    expect(run.stdout).toBe('add  Add two numbers\nrefuse  Always fails\n');
  });

  it('calls a tool and prints its text, or the raw result with --json', async () => {
    const text = await runCli(
      ['invoke', '--url', url, 'tools/call', 'add', '--args', '{"a":2,"b":3}'],
      { env: env() },
    );
    expect(text).toMatchObject({ code: 0, stdout: '5\n', stderr: MODERN });
    const json = await runCli(
      ['invoke', '--url', url, 'tools/call', 'add', '--args', '{"a":2,"b":3}', '--json'],
      { env: env() },
    );
    expect(json).toMatchObject({ code: 0, stderr: MODERN });
    expect(JSON.parse(json.stdout)).toEqual({
      content: [{ type: 'text', text: '5' }],
      ...SERVER_INFO,
    });
    const legacy = await runCli(
      [
        ...['invoke', '--url', url, '--protocol', 'legacy', 'tools/call', 'add'],
        ...['--args', '{"a":2,"b":3}', '--json'],
      ],
      { env: env() },
    );
    expect(legacy).toMatchObject({ code: 0, stderr: LEGACY });
    expect(JSON.parse(legacy.stdout)).toEqual({ content: [{ type: 'text', text: '5' }] });
  });

  it.each([
    [['tools/call', 'refuse'], /^error: Tool "refuse" reported an error: Refused on purpose\n$/],
    [
      ['tools/call', 'add', '--args', '{"a":"x","b":1}'],
      /^error: .*Invalid arguments for tool "add": a: /,
    ],
    [['tools/call', 'add', '--args', 'not json'], /^error: Invalid --args: not JSON/],
    [['tools/call', 'add', '--args', '[1,2]'], /^error: Invalid --args: expected a JSON object/],
    [['tools/call'], /^error: tools\/call needs the tool's name/],
    [
      ['resources/subscribe', 'docs://readme'],
      /^error: Unknown method "resources\/subscribe": use tools\/list, tools\/call NAME --args '\{…\}', resources\/list, resources\/read URI, prompts\/list or prompts\/get NAME --args '\{…\}'\n$/,
    ],
    [
      ['resources/read'],
      /^error: resources\/read needs the resource URI: agentcore-mcp invoke … resources\/read URI\n$/,
    ],
    [
      ['resources/read', 'docs://nope'],
      /^error: The MCP server answered with JSON-RPC error -32602: .*Resource not found: docs:\/\/nope\n$/,
    ],
    [['prompts/get'], /^error: prompts\/get needs the prompt's name/],
    [
      ['prompts/get', 'review_code', '--args', '{"code":1}'],
      /^error: Invalid --args for prompts\/get: "code" is 1, but prompt arguments are strings; pass e\.g\. '\{"code":"1"\}'\n$/,
    ],
    [
      ['prompts/get', 'review_code', '--args', '{}'],
      /^error: The MCP server answered with JSON-RPC error -32602: .*Invalid arguments for prompt review_code: code: .*\n$/,
    ],
    [
      ['prompts/get', 'nope'],
      /^error: The MCP server answered with JSON-RPC error -32602: .*Prompt nope not found\n$/,
    ],
  ])('fails with one error line and exit 1: %j', async (args, message) => {
    const run = await runCli(['invoke', '--url', url, ...args], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('lists resources (fixed and from templates) readably, or every field with --json', async () => {
    const text = await runCli(['invoke', '--url', url, 'resources/list'], { env: env() });
    expect(text).toMatchObject({ code: 0, stderr: MODERN });
    expect(text.stdout).toBe(
      'docs://readme  readme  The README\ndata://logo  logo\nusers://42/profile  user 42\n',
    );
    const json = await runCli(['invoke', '--url', url, 'resources/list', '--json'], {
      env: env(),
    });
    expect(JSON.parse(json.stdout)).toEqual([
      {
        uri: 'docs://readme',
        name: 'readme',
        description: 'The README',
        mimeType: 'text/markdown',
      },
      { uri: 'data://logo', name: 'logo', mimeType: 'image/png' },
      { uri: 'users://42/profile', name: 'user 42' },
    ]);
  });

  it('reads a resource: its text, a blob by type and size, or the raw result with --json', async () => {
    const text = await runCli(['invoke', '--url', url, 'resources/read', 'docs://readme'], {
      env: env(),
    });
    expect(text).toMatchObject({
      code: 0,
      stdout: '# Invoke target\nIt adds numbers.\n',
      stderr: MODERN,
    });
    const blob = await runCli(['invoke', '--url', url, 'resources/read', 'data://logo'], {
      env: env(),
    });
    expect(blob).toMatchObject({ code: 0, stdout: '[blob image/png, 3 bytes]\n' });
    const templated = await runCli(
      ['invoke', '--url', url, 'resources/read', 'users://7/profile', '--json'],
      { env: env() },
    );
    // The raw 2026-07-28 result, with its caching fields (server-kit's default: not cacheable).
    expect(JSON.parse(templated.stdout)).toEqual({
      contents: [{ uri: 'users://7/profile', mimeType: 'text/plain', text: '{"id":"7"}' }],
      ttlMs: 0,
      cacheScope: 'private',
      ...SERVER_INFO,
    });
  });

  it('lists prompts with their arguments and renders one with --args', async () => {
    const list = await runCli(['invoke', '--url', url, 'prompts/list'], { env: env() });
    expect(list).toMatchObject({
      code: 0,
      stdout: 'review_code(code, style?)  Review some code\ngreet()\n',
      stderr: MODERN,
    });
    const rendered = await runCli(
      [
        'invoke',
        '--url',
        url,
        'prompts/get',
        'review_code',
        '--args',
        '{"code":"1+1","style":"terse"}',
      ],
      { env: env() },
    );
    expect(rendered).toMatchObject({
      code: 0,
      stdout: 'user: Please review this code (terse):\n1+1\n',
      stderr: MODERN,
    });
    const json = await runCli(['invoke', '--url', url, 'prompts/get', 'greet', '--json'], {
      env: env(),
    });
    expect(JSON.parse(json.stdout)).toEqual({
      messages: [{ role: 'user', content: { type: 'text', text: 'Say hello' } }],
      ...SERVER_INFO,
    });
  });

  it('calls a runtime by ARN through the emulator: refused without a token, served with BEARER_TOKEN', async () => {
    const args = [
      'invoke',
      '--arn',
      ARN,
      '--endpoint',
      emulator.endpoint,
      'tools/call',
      'add',
      '--args',
      '{"a":40,"b":2}',
    ];
    const refused = await runCli(args, { env: env() });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: .*agentcore-mcp token/);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);

    const token = await signCognitoLocalToken(
      { sub: 'u', client_id: CLIENT, token_use: 'access' },
      { issuer },
    );
    const served = await runCli(args, { env: env({ BEARER_TOKEN: token }) });
    expect(served).toMatchObject({ code: 0, stdout: '42\n', stderr: MODERN });
    const legacy = await runCli([...args, '--protocol', 'legacy'], {
      env: env({ BEARER_TOKEN: token }),
    });
    expect(legacy).toMatchObject({ code: 0, stdout: '42\n', stderr: LEGACY });

    const read = await runCli(
      ['invoke', '--arn', ARN, '--endpoint', emulator.endpoint, 'resources/read', 'docs://readme'],
      { env: env({ BEARER_TOKEN: token }) },
    );
    expect(read).toMatchObject({
      code: 0,
      stdout: '# Invoke target\nIt adds numbers.\n',
      stderr: MODERN,
    });
  });

  it('refuses a token together with --sigv4', async () => {
    const run = await runCli(['invoke', '--arn', ARN, '--sigv4', '--token', 'x', 'tools/list'], {
      env: env(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: Pass either a token .* or --sigv4, not both/);
  });

  describe('--protocol', () => {
    let legacyOnly: EraServer;
    beforeAll(async () => {
      legacyOnly = await startLegacyOnlyServer();
    });
    afterAll(async () => {
      await legacyOnly.close();
    });
    const add = (target: string, ...flags: string[]) =>
      runCli(
        ['invoke', '--url', target, ...flags, 'tools/call', 'add', '--args', '{"a":2,"b":3}'],
        {
          env: env(),
        },
      );

    it.each([
      [[], MODERN],
      [['--protocol', 'auto'], MODERN],
      [['--protocol', '2026-07-28'], MODERN],
      [['--protocol', 'legacy'], LEGACY],
    ])(
      'speaks the era %j asks for to a server of both eras, and says which',
      async (flags, era) => {
        expect(await add(url, ...flags)).toEqual({ code: 0, stdout: '5\n', stderr: era });
      },
    );

    it('falls back to 2025 with auto against a 2025-only server', async () => {
      expect(await add(legacyOnly.url)).toEqual({ code: 0, stdout: '5\n', stderr: LEGACY });
      expect(await add(legacyOnly.url, '--protocol', 'legacy')).toEqual({
        code: 0,
        stdout: '5\n',
        stderr: LEGACY,
      });
    });

    it('fails with one line when 2026-07-28 is asked of a 2025-only server', async () => {
      const run = await add(legacyOnly.url, '--protocol', '2026-07-28');
      expect(run).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr).toBe(
        `error: ${legacyOnly.url} does not offer MCP 2026-07-28 (its answer to server/discover is not a 2026-07-28 one, as from an MCP 2025 server); connect with protocol: 'auto' to fall back to initialize, or 'legacy'\n`,
      );
    });

    it('refuses an unknown era with one line and exit 1', async () => {
      const run = await add(url, '--protocol', '2025-11-25');
      expect(run).toEqual({
        code: 1,
        stdout: '',
        stderr:
          'error: Invalid --protocol "2025-11-25": use auto (2026-07-28 when the server offers it, else 2025), legacy (2025\'s initialize) or 2026-07-28\n',
      });
    });
  });
});
