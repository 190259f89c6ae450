import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';

import { createLogger } from './createLogger.js';
import { createMcpHttpServer, type McpHttpServer } from './createMcpHttpServer.js';
import { buildMcpServer, type CompiledServerDefinition } from './mcp/buildMcpServer.js';
import { compileTools } from './mcp/compileTools.js';
import { compilePrompts } from './mcp/registerPrompts.js';
import { createSessionState } from './mcp/sessionState.js';
import { type AgentCoreServerOptions, resolveServerOptions } from './options.js';

/** An MCP server on the AgentCore Runtime contract, ready to listen. */
export interface AgentCoreServer extends McpHttpServer {
  /** Builds a standalone SDK `McpServer` with the same tools, e.g. to serve over stdio. */
  createMcpServer(): McpServer;
}

/**
 * Creates an MCP server that meets the AgentCore Runtime contract: streamable HTTP on
 * `0.0.0.0:8000/mcp`, stateless by default, `GET /ping`, a body limit, DNS-rebinding protection
 * on loopback binds, JSON logs, and graceful shutdown.
 *
 * @param options - Tools, resources, prompts and transport options; see {@link AgentCoreServerOptions}.
 * @returns The server, not yet listening.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` or `ERR_DUPLICATE_DEFINITION` for bad options.
 * @example
 * ```ts
 * const server = createAgentCoreServer({
 *   name: 'calculator',
 *   version: '1.0.0',
 *   tools: [defineTool({ name: 'add', description: 'Add', input: { a: z.number(), b: z.number() }, handler: ({ a, b }) => a + b })],
 * });
 * await server.run();
 * ```
 */
export function createAgentCoreServer(options: AgentCoreServerOptions): AgentCoreServer {
  const resolved = resolveServerOptions(options);
  const logger = options.logger ?? createLogger({ name: resolved.name });
  const definition: CompiledServerDefinition = {
    name: resolved.name,
    version: resolved.version,
    title: resolved.title,
    instructions: resolved.instructions,
    tools: compileTools(resolved.tools),
    resources: resolved.resources,
    resourceTemplates: resolved.resourceTemplates,
    prompts: compilePrompts(resolved.prompts),
    jsonSchemaValidator: new AjvJsonSchemaValidator(),
  };
  const http = createMcpHttpServer({
    ...options,
    logger,
    buildServer: ({ stateless }) =>
      buildMcpServer(definition, { state: createSessionState({ stateless }), logger }),
  });
  return Object.assign(http, {
    createMcpServer: () => buildMcpServer(definition, { state: createSessionState(), logger }),
  });
}
