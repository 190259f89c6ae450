import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import pino from 'pino';

import {
  type AgentCoreServer,
  type AgentCoreServerOptions,
  createAgentCoreServer,
} from '../src/index.js';
import {
  fixturePrompts,
  fixtureResources,
  fixtureTemplates,
  fixtureTools,
} from './fixtures/fixtureTools.js';

/** A silent logger that records every line, so tests can assert on what was logged. */
export function createRecordingLogger(): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug', base: undefined },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return { logger, lines };
}

/** Starts the fixture server on 127.0.0.1 with a free port. */
export async function startFixtureServer(
  overrides: Partial<AgentCoreServerOptions> = {},
): Promise<{ server: AgentCoreServer; url: string; lines: Record<string, unknown>[] }> {
  const { logger, lines } = createRecordingLogger();
  const server = createAgentCoreServer({
    name: 'fixture',
    version: '1.2.3',
    host: '127.0.0.1',
    port: 0,
    tools: fixtureTools,
    resources: fixtureResources,
    resourceTemplates: fixtureTemplates,
    prompts: fixturePrompts,
    logger,
    ...overrides,
  });
  const { url } = await server.listen();
  return { server, url, lines };
}

/** Connects the real MCP SDK client over streamable HTTP. */
export async function connectClient(
  url: string,
  options: { capabilities?: ClientCapabilities; headers?: Record<string, string> } = {},
): Promise<Client> {
  const client = new Client(
    { name: 'test-client', version: '1.0.0' },
    { capabilities: options.capabilities ?? {} },
  );
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: options.headers } }),
  );
  return client;
}

/** The headers a spec-compliant MCP client sends with a POST. */
export const MCP_POST_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
};

/** Parses a JSON or single-event SSE response body into its JSON-RPC message. */
export async function readJsonRpc(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  const data = text.startsWith('{')
    ? text
    : text
        .split('\n')
        .find((line) => line.startsWith('data: '))
        ?.slice(6);
  if (data === undefined) throw new Error(`no JSON-RPC message in: ${text}`);
  return JSON.parse(data) as Record<string, unknown>;
}
