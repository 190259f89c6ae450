import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { connectAgentCore, createStaticTokenProvider } from '@agentcore-mcp/client';
import {
  type RuntimeEmulatorProcess,
  spawnApp,
  type SpawnedApp,
  startRuntimeEmulator,
  toolText,
} from '@agentcore-mcp/test-support';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

import { DEMO_CALLS, type DemoCall } from './demoCalls.js';
import { type DemoAuth, describeAuthorizerConfig, setUpAuth } from './setUpAuth.js';

/** Where the demo writes its transcript. */
export type DemoOutput = (line: string) => void;

/** A demo step that failed, and why. */
export class DemoStepError extends Error {
  /** @param step - What the demo was doing. @param cause - Why it failed. */
  constructor(step: string, options: { cause: unknown }) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    super(`${step} failed: ${reason.split('\n')[0] ?? reason}`, options);
    this.name = 'DemoStepError';
  }
}

const APPS = ['example-server', 'external-server'] as const;

/** The runtime ARN each app is addressed by, as if it were deployed to AgentCore Runtime. */
export const DEMO_RUNTIME_ARNS: Readonly<Record<(typeof APPS)[number], string>> = {
  'example-server':
    'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/example_server-Demo000001',
  'external-server':
    'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/external_server-Demo000002',
};

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Leave everything running, print the URLs and a token, and wait for Ctrl-C. Default: false. */
  keep?: boolean;
}

/**
 * The local end-to-end demo, no AWS, the seed's client flow by ARN:
 * 1. starts cognito-local and runs `agentcore-mcp setup-cognito` against it;
 * 2. starts example-server and external-server, and `agentcore-mcp local` (the AgentCore Runtime
 *    emulator, which enforces that authorizer) in front of them;
 * 3. shows that a call without a token is refused;
 * 4. calls every tool through the emulator by runtime ARN with `connectAgentCore` and a token from
 *    `agentcore-mcp token`;
 * 5. stops everything.
 *
 * @param print - Receives the transcript, line by line.
 * @param options - `keep` to leave it running for MCP Inspector.
 * @throws {@link DemoStepError} naming the step that failed.
 */
export async function runDemo(print: DemoOutput, options: DemoOptions = {}): Promise<void> {
  const running = new Map<(typeof APPS)[number], SpawnedApp>();
  let auth: DemoAuth | undefined;
  let emulator: RuntimeEmulatorProcess | undefined;
  try {
    auth = await step('Starting cognito-local and running agentcore-mcp setup-cognito', setUpAuth);
    print(
      `🔐 cognito-local on ${auth.cognito.endpoint}; setup-cognito created pool ${auth.userPoolId}`,
    );
    print(`   authorizer: ${describeAuthorizerConfig(auth.authorizerConfigFile)}`);
    for (const name of APPS) {
      const app = await step(`Starting ${name}`, () => spawnApp(entryOf(name)));
      running.set(name, app);
      print(`▶ ${name} listening on ${app.url}`);
    }
    const targets = new Map([...running].map(([name, app]) => [DEMO_RUNTIME_ARNS[name], app.url]));
    const authorizerConfigFile = auth.authorizerConfigFile;
    emulator = await step('Starting the AgentCore Runtime emulator (agentcore-mcp local)', () =>
      startRuntimeEmulator({
        cliPath: cliPath(),
        runtimes: targets,
        authorizerConfig: authorizerConfigFile,
      }),
    );
    print(
      `🛰  AgentCore Runtime emulator (agentcore-mcp local) on ${emulator.endpoint}, JWT authorizer on`,
    );

    const firstUrl = emulator.invocationUrls.get(DEMO_RUNTIME_ARNS['example-server']) ?? '';
    print(await demonstrateRefusal(firstUrl));
    const { getToken } = auth;
    const token = await step('Getting an access token with agentcore-mcp token', getToken);
    print('🎟  Got an access token with agentcore-mcp token');
    for (const name of APPS) {
      await demonstrateServer(name, {
        arn: DEMO_RUNTIME_ARNS[name],
        endpoint: emulator.endpoint,
        token,
        print,
      });
    }
    print('');
    print('✅ All tests completed successfully.');
    if (options.keep) await keepRunning(print, { emulator, token });
  } finally {
    await emulator?.stop();
    await Promise.all([...running.values()].map((app) => app.stop()));
    await auth?.stop();
  }
}

async function keepRunning(
  print: DemoOutput,
  { emulator, token }: { emulator: RuntimeEmulatorProcess; token: string },
): Promise<void> {
  print('');
  print('Still running (--keep). In MCP Inspector (npx @modelcontextprotocol/inspector), choose');
  print(
    '"Streamable HTTP", paste one of these URLs, and add the header Authorization: Bearer <token>:',
  );
  for (const [arn, url] of emulator.invocationUrls) print(`   ${arn}\n   ${url}`);
  print(`Token (valid about an hour): ${token}`);
  print('Press Ctrl-C to stop everything.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function demonstrateRefusal(url: string): Promise<string> {
  const response = await step('Calling without a token', () =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    }),
  );
  if (response.status !== 401) {
    throw new DemoStepError('Calling without a token', {
      cause: new Error(`expected HTTP 401, got ${response.status}`),
    });
  }
  return `🚫 Without a token: HTTP 401, WWW-Authenticate: ${response.headers.get('www-authenticate') ?? '(none)'}`;
}

async function demonstrateServer(
  name: string,
  {
    arn,
    endpoint,
    token,
    print,
  }: { arn: string; endpoint: string; token: string; print: DemoOutput },
): Promise<void> {
  print('');
  const client = await step(`Connecting to ${name} by ARN`, () =>
    connectAgentCore({ arn, endpoint, tokenProvider: createStaticTokenProvider(token) }),
  );
  try {
    const info = client.getServerVersion();
    print(`🔗 Connected to ${info?.name ?? name} ${info?.version ?? ''} by ARN ${arn}`);
    print('✓ Session initialized');
    const { tools } = await step(`Listing the tools of ${name}`, () => client.listTools());
    print(`📋 Available tools (${tools.length}):`);
    for (const tool of tools) print(`   - ${tool.name}: ${tool.description ?? ''}`);

    const calls = DEMO_CALLS[name] ?? [];
    const uncalled = tools.filter((tool) => !calls.some((call) => call.tool === tool.name));
    if (uncalled.length > 0) {
      throw new DemoStepError(`Planning the calls on ${name}`, {
        cause: new Error(`no demo call for ${uncalled.map((tool) => tool.name).join(', ')}`),
      });
    }
    for (const call of calls) print(await callTool(client, call));
  } finally {
    await client.close();
  }
}

async function callTool(client: Client, call: DemoCall): Promise<string> {
  const result = await step(`Calling ${call.tool}`, () =>
    client.callTool({ name: call.tool, arguments: call.args }),
  );
  const text = toolText(result);
  if (result.isError) throw new DemoStepError(`Calling ${call.tool}`, { cause: new Error(text) });
  return `🔧 ${call.tool}(${JSON.stringify(call.args)}) → ${text}`;
}

async function step<T>(name: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DemoStepError) throw error;
    throw new DemoStepError(name, { cause: error });
  }
}

function cliPath(): string {
  const manifest = createRequire(import.meta.url).resolve('@agentcore-mcp/deploy-cli/package.json');
  return join(dirname(manifest), 'dist', 'cli.js');
}

function entryOf(app: (typeof APPS)[number]): string {
  const manifest = createRequire(import.meta.url).resolve(`@agentcore-mcp/${app}/package.json`);
  return join(dirname(manifest), 'dist', 'main.js');
}
