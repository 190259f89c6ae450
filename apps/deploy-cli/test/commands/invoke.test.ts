import {
  type AgentCoreServer,
  createAgentCoreServer,
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
import { runCli } from '../runCli.js';

const ARN = 'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/invoke_test-AbCdEf1234';
const CLIENT = 'invoke-client';

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
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('add  Add two numbers\nrefuse  Always fails\n');
  });

  it('calls a tool and prints its text, or the raw result with --json', async () => {
    const text = await runCli(
      ['invoke', '--url', url, 'tools/call', 'add', '--args', '{"a":2,"b":3}'],
      { env: env() },
    );
    expect(text).toMatchObject({ code: 0, stdout: '5\n' });
    const json = await runCli(
      ['invoke', '--url', url, 'tools/call', 'add', '--args', '{"a":2,"b":3}', '--json'],
      { env: env() },
    );
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ content: [{ type: 'text', text: '5' }] });
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
      ['resources/list'],
      /^error: Unknown method "resources\/list": use tools\/list or tools\/call NAME/,
    ],
  ])('fails with one error line and exit 1: %j', async (args, message) => {
    const run = await runCli(['invoke', '--url', url, ...args], { env: env() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
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
    expect(served).toMatchObject({ code: 0, stdout: '42\n' });
    expect(served.stderr).not.toContain(token);
  });

  it('refuses a token together with --sigv4', async () => {
    const run = await runCli(['invoke', '--arn', ARN, '--sigv4', '--token', 'x', 'tools/list'], {
      env: env(),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: Pass either a token .* or --sigv4, not both/);
  });
});
