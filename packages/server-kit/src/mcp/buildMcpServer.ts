import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { type ServerCapabilities, SetLevelRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import type { Logger } from 'pino';

import type {
  ResourceDefinition,
  ResourceTemplateDefinition,
} from '../definitions/defineResource.js';
import type { CompiledTools } from './compileTools.js';
import { installToolHandlers } from './installToolHandlers.js';
import { type CompiledPrompt, registerPrompts } from './registerPrompts.js';
import { registerResources } from './registerResources.js';
import type { SessionState } from './sessionState.js';

/** Everything an MCP server instance is built from, compiled once at start-up. */
export interface CompiledServerDefinition {
  readonly name: string;
  readonly version: string;
  readonly title: string | undefined;
  readonly instructions: string | undefined;
  readonly tools: CompiledTools;
  readonly resources: readonly ResourceDefinition[];
  readonly resourceTemplates: readonly ResourceTemplateDefinition[];
  readonly prompts: readonly CompiledPrompt[];
  /**
   * One JSON Schema validator (Ajv) shared by every server instance. The SDK would otherwise build
   * a new Ajv per `Server`, i.e. per request in stateless mode: a quarter of the CPU of a tools/call.
   */
  readonly jsonSchemaValidator: jsonSchemaValidator;
}

/**
 * Builds one SDK `McpServer` for one session (stateful) or one request (stateless). The heavy work,
 * schema conversion, happened once in {@link CompiledServerDefinition}; this only wires handlers.
 */
export function buildMcpServer(
  definition: CompiledServerDefinition,
  { state, logger }: { state: SessionState; logger: Logger },
): McpServer {
  const hasResources = definition.resources.length + definition.resourceTemplates.length > 0;
  const capabilities: ServerCapabilities = {
    logging: {},
    ...(definition.tools.listing.length > 0 ? { tools: {} } : {}),
    ...(hasResources ? { resources: { subscribe: true } } : {}),
    ...(definition.prompts.length > 0 ? { prompts: {} } : {}),
  };
  const server = new McpServer(
    {
      name: definition.name,
      version: definition.version,
      ...(definition.title ? { title: definition.title } : {}),
    },
    {
      capabilities,
      // Fail sampling/elicitation at once, with a message naming the capability, when the client
      // did not declare it (rather than a confusing "Method not found" from the client).
      enforceStrictCapabilities: true,
      jsonSchemaValidator: definition.jsonSchemaValidator,
      ...(definition.instructions ? { instructions: definition.instructions } : {}),
    },
  );

  server.server.setRequestHandler(SetLevelRequestSchema, ({ params }) => {
    state.logLevel = params.level;
    return {};
  });
  if (definition.tools.listing.length > 0)
    installToolHandlers(server.server, definition.tools, { state, logger });
  registerResources(server, {
    resources: definition.resources,
    templates: definition.resourceTemplates,
    state,
  });
  registerPrompts(server, { prompts: definition.prompts, state });
  return server;
}
