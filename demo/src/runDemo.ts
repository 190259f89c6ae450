import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { connectAgentCore, createStaticTokenProvider } from '@agentcore-mcp/client';
import {
  type RuntimeEmulatorProcess,
  spawnApp,
  type SpawnedApp,
  startRuntimeEmulator,
} from '@agentcore-mcp/test-support';

import { callDemoTool } from './callDemoTool.js';
import { DEMO_CALLS } from './demoCalls.js';
import { demonstrateGateway } from './demonstrateGateway.js';
import { demonstrateRefusal } from './demonstrateRefusal.js';
import { type DemoOutput, DemoStepError, step } from './demoStep.js';
import { appEntry } from './resolveEntry.js';
import { type DemoAuth, describeAuthorizerConfig, setUpAuth } from './setUpAuth.js';
import { DEMO_GATEWAY_TARGETS, startDemoGateway } from './startDemoGateway.js';

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
 * 5. starts gateway-service (behind the same authorizer) in front of external-server over HTTP and
 *    server-everything over stdio, shows that it refuses a call without a token, and with the
 *    token prints its status, the tools it discovered, and calls through it;
 * 6. stops everything.
 *
 * @param print - Receives the transcript, line by line.
 * @param options - `keep` to leave it running for MCP Inspector.
 * @throws {@link DemoStepError} naming the step that failed.
 */
export async function runDemo(print: DemoOutput, options: DemoOptions = {}): Promise<void> {
  const running = new Map<(typeof APPS)[number], SpawnedApp>();
  let auth: DemoAuth | undefined;
  let emulator: RuntimeEmulatorProcess | undefined;
  let gateway: SpawnedApp | undefined;
  try {
    auth = await step('Starting cognito-local and running agentcore-mcp setup-cognito', setUpAuth);
    print(
      `🔐 cognito-local on ${auth.cognito.endpoint}; setup-cognito created pool ${auth.userPoolId}`,
    );
    print(`   authorizer: ${describeAuthorizerConfig(auth.authorizerConfigFile)}`);
    for (const name of APPS) {
      const app = await step(`Starting ${name}`, () => spawnApp(appEntry(name)));
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

    const externalServerUrl = running.get('external-server')?.url ?? '';
    gateway = await step(
      'Starting gateway-service in front of external-server and server-everything',
      () => startDemoGateway({ authorizerConfigFile, externalServerUrl }),
    );
    print('');
    print(
      `🌉 gateway-service on ${gateway.url}, JWT authorizer on (the same Cognito pool), in front of:`,
    );
    for (const [name, what] of Object.entries(DEMO_GATEWAY_TARGETS)) print(`   - ${name}: ${what}`);
    print(await demonstrateRefusal(gateway.url, 'Gateway'));
    await demonstrateGateway(gateway.url, { token, print });

    print('');
    print('✅ All tests completed successfully.');
    if (options.keep) await keepRunning(print, { emulator, gatewayUrl: gateway.url, token });
  } finally {
    await gateway?.stop();
    await emulator?.stop();
    await Promise.all([...running.values()].map((app) => app.stop()));
    await auth?.stop();
  }
}

async function keepRunning(
  print: DemoOutput,
  {
    emulator,
    gatewayUrl,
    token,
  }: { emulator: RuntimeEmulatorProcess; gatewayUrl: string; token: string },
): Promise<void> {
  print('');
  print('Still running (--keep). In MCP Inspector (npx @modelcontextprotocol/inspector), choose');
  print(
    '"Streamable HTTP", paste one of these URLs, and add the header Authorization: Bearer <token>:',
  );
  for (const [arn, url] of emulator.invocationUrls) print(`   ${arn}\n   ${url}`);
  print(`   the gateway (gateway-service)\n   ${gatewayUrl}`);
  print(`Token (valid about an hour): ${token}`);
  print('Press Ctrl-C to stop everything.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
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
    print(
      client.getProtocolEra() === 'modern'
        ? `✓ MCP ${client.getNegotiatedProtocolVersion()} (server/discover, no session)`
        : `✓ Session initialized (MCP ${client.getNegotiatedProtocolVersion()})`,
    );
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
    for (const call of calls) print(await callDemoTool(client, call));
  } finally {
    await client.close();
  }
}

function cliPath(): string {
  const manifest = createRequire(import.meta.url).resolve('@agentcore-mcp/cli/package.json');
  return join(dirname(manifest), 'dist', 'cli.js');
}
