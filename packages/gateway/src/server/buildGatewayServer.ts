import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';

import { CancellationAwareServer } from './cancellationAwareServer.js';
import type { ForwardingContext } from './forwardToTarget.js';
import { installForwardingHandlers } from './installForwardingHandlers.js';
import { SessionUpstreams } from './sessionUpstreams.js';
import type { StatelessCancellation } from './statelessCancellation.js';

/** What {@link buildGatewayServer} needs from the running gateway. */
export interface GatewayServerParts extends Omit<ForwardingContext, 'session' | 'cancellation'> {
  readonly version: string;
  readonly jsonSchemaValidator: jsonSchemaValidator;
  /** Joins cancellations to calls across stateless requests. */
  readonly cancellation: StatelessCancellation;
  /** The open sessions' servers (stateful mode): each is added when built, removed when closed. */
  readonly sessions: Set<McpServer>;
}

/**
 * Builds the downstream MCP server of one request (stateless) or one session (stateful): the
 * gateway's capabilities and forwarding handlers, plus in stateful mode the session's own upstream
 * sessions (closed with it) and in stateless mode the cancellation watch.
 *
 * @param parts - See {@link GatewayServerParts}.
 * @param mode - `stateless: true` for one request.
 * @returns The SDK server, not yet connected.
 * @example
 * ```ts
 * createMcpHttpServer({ ...options, buildServer: (mode) => buildGatewayServer(parts, mode) });
 * ```
 */
export function buildGatewayServer(
  parts: GatewayServerParts,
  mode: { stateless: boolean },
): McpServer {
  const info = {
    name: 'agentcore-mcp-gateway',
    title: 'AgentCore MCP gateway',
    version: parts.version,
  };
  const options = {
    capabilities: {
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
      logging: {},
    },
    jsonSchemaValidator: parts.jsonSchemaValidator,
  };
  if (mode.stateless) {
    const server = new CancellationAwareServer(info, options, parts.cancellation);
    installForwardingHandlers(server.server, {
      ...parts,
      session: undefined,
      cancellation: parts.cancellation,
    });
    return server;
  }
  const server = new McpServer(info, options);
  const session = new SessionUpstreams(server.server);
  installForwardingHandlers(server.server, { ...parts, session, cancellation: undefined });
  parts.sessions.add(server);
  server.server.onclose = () => {
    parts.sessions.delete(server);
    void session.closeAll();
  };
  return server;
}
