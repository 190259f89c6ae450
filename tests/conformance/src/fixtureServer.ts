import {
  type AgentCoreServer,
  type AgentCoreServerOptions,
  createAgentCoreServer,
  createInMemoryEventStore,
  type SessionMode,
} from '@agentcore-mcp/server-kit';

import { clientRequestTools } from './fixtures/clientRequestTools.js';
import { contentTools } from './fixtures/contentTools.js';
import { headerTools } from './fixtures/headerTools.js';
import { inputRequiredTools } from './fixtures/inputRequiredTools.js';
import { listChangeTools } from './fixtures/listChangeTools.js';
import { fixturePrompts } from './fixtures/prompts.js';
import { fixtureResources, fixtureResourceTemplates } from './fixtures/resources.js';
import { schemaTools } from './fixtures/schemaTools.js';
import { statelessDiagnosticTools } from './fixtures/statelessDiagnosticTools.js';
import { streamingTools } from './fixtures/streamingTools.js';

/** Options of {@link createFixtureServer}. */
export interface FixtureServerOptions {
  /** The session mode under test. */
  mode: SessionMode;
  /** The loopback address to bind. Default: `127.0.0.1`. */
  host?: string;
  /** The server's logger (see server-kit's `createLogger`). */
  logger: AgentCoreServerOptions['logger'];
}

/**
 * Creates the server the conformance suite runs against: every tool, resource and prompt the
 * scenarios of both legs (2025-11-25 and 2026-07-28) call, by their fixed names, built with
 * server-kit's public API only. One server answers both revisions, as server-kit serves them on
 * one endpoint; the 2026-07-28 fixtures are plain tools to a 2025 client. Stateful mode adds
 * an event store and a `retry` hint, so SSE streams can be resumed (SEP-1699).
 *
 * @param options - The mode, bind address and logger.
 * @returns The server on a free port (port 0), not yet listening.
 */
export function createFixtureServer(options: FixtureServerOptions): AgentCoreServer {
  const server: AgentCoreServer = createAgentCoreServer({
    name: 'agentcore-mcp-conformance-fixture',
    version: '1.0.0',
    mode: options.mode,
    host: options.host ?? '127.0.0.1',
    port: 0,
    tools: [
      ...contentTools,
      ...streamingTools,
      ...clientRequestTools,
      ...schemaTools,
      ...inputRequiredTools,
      ...statelessDiagnosticTools,
      ...headerTools,
      ...listChangeTools(() => server.notify),
    ],
    resources: fixtureResources,
    resourceTemplates: fixtureResourceTemplates,
    prompts: fixturePrompts,
    ...(options.mode === 'stateful'
      ? { eventStore: createInMemoryEventStore(), retryInterval: 1000 }
      : {}),
    logger: options.logger,
  });
  return server;
}
