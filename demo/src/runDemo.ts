import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { connectMcpClient, spawnApp, type SpawnedApp } from '@agentcore-mcp/test-support';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';

import { DEMO_CALLS, type DemoCall } from './demoCalls.js';

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
 * Starts example-server and external-server as real processes on 127.0.0.1, connects the MCP SDK
 * client to each, lists and calls every tool, prints what happens, and stops everything.
 *
 * @param print - Receives the transcript, line by line.
 * @throws {@link DemoStepError} naming the step that failed.
 */
export async function runDemo(print: DemoOutput): Promise<void> {
  const running = new Map<string, SpawnedApp>();
  try {
    for (const name of APPS) {
      const app = await step(`Starting ${name}`, () => spawnApp(entryOf(name)));
      running.set(name, app);
      print(`▶ ${name} listening on ${app.url}`);
    }
    for (const [name, app] of running) {
      await demonstrateServer(name, app.url, print);
    }
    print('');
    print('✅ All tests completed successfully.');
  } finally {
    await Promise.all([...running.values()].map((app) => app.stop()));
  }
}

async function demonstrateServer(name: string, url: string, print: DemoOutput): Promise<void> {
  print('');
  const client = await step(`Connecting to ${name}`, () => connectMcpClient(url));
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
  const text = (result.content as { type: string; text?: string }[])
    .map((block) => block.text ?? `[${block.type}]`)
    .join(' ');
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
