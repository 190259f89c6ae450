import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { connectMcpClient, spawnApp, type SpawnedApp, toolText } from '@agentcore-mcp/test-support';
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

/**
 * The local end-to-end demo, no AWS: starts cognito-local, runs `agentcore-mcp setup-cognito`
 * against it, starts example-server and external-server with that authorizer, shows that a call
 * without a token is refused, then lists and calls every tool with a token from
 * `agentcore-mcp token`, and stops everything.
 *
 * @param print - Receives the transcript, line by line.
 * @throws {@link DemoStepError} naming the step that failed.
 */
export async function runDemo(print: DemoOutput): Promise<void> {
  const running = new Map<string, SpawnedApp>();
  let auth: DemoAuth | undefined;
  try {
    auth = await step('Starting cognito-local and running agentcore-mcp setup-cognito', setUpAuth);
    print(
      `🔐 cognito-local on ${auth.cognito.endpoint}; setup-cognito created pool ${auth.userPoolId}`,
    );
    print(`   authorizer: ${describeAuthorizerConfig(auth.authorizerConfigFile)}`);
    for (const name of APPS) {
      const env = { AUTHORIZER_CONFIG: auth.authorizerConfigFile };
      const app = await step(`Starting ${name}`, () => spawnApp(entryOf(name), { env }));
      running.set(name, app);
      print(`▶ ${name} listening on ${app.url} (bearer tokens required)`);
    }

    const first = running.get(APPS[0]);
    if (first) print(await demonstrateRefusal(first.url));
    const { getToken } = auth;
    const token = await step('Getting an access token with agentcore-mcp token', getToken);
    print('🎟  Got an access token with agentcore-mcp token');
    for (const [name, app] of running) {
      await demonstrateServer(name, app.url, { token, print });
    }
    print('');
    print('✅ All tests completed successfully.');
  } finally {
    await Promise.all([...running.values()].map((app) => app.stop()));
    await auth?.stop();
  }
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
  url: string,
  { token, print }: { token: string; print: DemoOutput },
): Promise<void> {
  print('');
  const client = await step(`Connecting to ${name}`, () =>
    connectMcpClient(url, { authorization: `Bearer ${token}` }),
  );
  try {
    const info = client.getServerVersion();
    print(`🔗 Connected to ${info?.name ?? name} ${info?.version ?? ''} at ${url}`);
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

function entryOf(app: (typeof APPS)[number]): string {
  const manifest = createRequire(import.meta.url).resolve(`@agentcore-mcp/${app}/package.json`);
  return join(dirname(manifest), 'dist', 'main.js');
}
