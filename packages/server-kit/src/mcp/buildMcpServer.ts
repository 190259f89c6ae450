import type { jsonSchemaValidator } from '@modelcontextprotocol/server';
import {
  type CacheHint,
  McpServer,
  Server,
  type ServerCapabilities,
  type ServerOptions,
} from '@modelcontextprotocol/server';
import type { Logger } from 'pino';

import type {
  ResourceDefinition,
  ResourceTemplateDefinition,
} from '../definitions/defineResource.js';
import type { CompiledTools } from './compileTools.js';
import { installToolHandlers } from './installToolHandlers.js';
import { innerServer, type McpServerInstance } from './mcpServerInstance.js';
import { type CompiledPrompt, registerPrompts } from './registerPrompts.js';
import { registerResources } from './registerResources.js';
import type { RequestStateCodec } from './requestStateCodec.js';
import type { SessionState } from './sessionState.js';

/** The results MCP 2026-07-28 lets clients and intermediaries cache, with `ttlMs`/`cacheScope`. */
export type CacheableMethod = NonNullable<keyof NonNullable<ServerOptions['cacheHints']>>;

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
  /** Signs and verifies the `requestState` of multi round-trip requests (2026-07-28). */
  readonly requestState: RequestStateCodec;
  /** `ttlMs`/`cacheScope` of the cacheable 2026-07-28 results. */
  readonly cacheHints: Partial<Record<CacheableMethod, CacheHint>>;
}

/** Which connection a server instance is built for. */
export interface BuildTarget {
  /** `modern`: one 2026-07-28 request; `legacy`: one 2025 session or stateless 2025 request. */
  readonly era: 'legacy' | 'modern';
  readonly state: SessionState;
  readonly logger: Logger;
}

/**
 * Builds one SDK server for one 2025 session (stateful), one stateless 2025 request or one
 * 2026-07-28 request. The heavy work, schema conversion, happened once in
 * {@link CompiledServerDefinition}; this only wires handlers. A server with tools only is the
 * SDK's low-level `Server` (about 3× cheaper to build per request than an `McpServer`); resources
 * and prompts are registered on an `McpServer`.
 */
export function buildMcpServer(
  definition: CompiledServerDefinition,
  { era, state, logger }: BuildTarget,
): McpServerInstance {
  const hasResources = definition.resources.length + definition.resourceTemplates.length > 0;
  const capabilities: ServerCapabilities = {
    logging: {},
    ...(definition.tools.listing.length > 0 ? { tools: {} } : {}),
    // `subscribe`: resources/subscribe on 2025, `resourceSubscriptions` of subscriptions/listen
    // on 2026-07-28 (see notifyResourceUpdated).
    ...(hasResources ? { resources: { subscribe: true } } : {}),
    ...(definition.prompts.length > 0 ? { prompts: {} } : {}),
  };
  const info = {
    name: definition.name,
    version: definition.version,
    ...(definition.title ? { title: definition.title } : {}),
  };
  const requestState = era === 'modern' ? definition.requestState : undefined;
  const options: ServerOptions = {
    capabilities,
    // Fail sampling/elicitation at once, with a message naming the capability, when a 2025
    // client did not declare it (rather than a confusing "Method not found" from the client).
    enforceStrictCapabilities: true,
    jsonSchemaValidator: definition.jsonSchemaValidator,
    cacheHints: definition.cacheHints,
    ...(requestState
      ? { requestState: { verify: (state, ctx) => requestState.verify(state, ctx) } }
      : {}),
    ...(definition.instructions ? { instructions: definition.instructions } : {}),
  };

  const checksParamHeaders = era === 'modern' && definition.tools.declaresParamHeaders;
  const withRegistry = hasResources || definition.prompts.length > 0 || checksParamHeaders;
  const product = withRegistry ? new McpServer(info, options) : new Server(info, options);
  const server = innerServer(product);
  if (checksParamHeaders && product instanceof McpServer) {
    answerInputSchemas(product, definition.tools);
  }
  if (definition.tools.listing.length > 0)
    installToolHandlers(server, definition.tools, { state, logger, requestState });
  if (product instanceof McpServer) {
    const scope = { server, state, requestState };
    registerResources(product, {
      resources: definition.resources,
      templates: definition.resourceTemplates,
      ...scope,
    });
    registerPrompts(product, { prompts: definition.prompts, ...scope });
  }
  return product;
}

/**
 * Lets the SDK check `Mcp-Param-*` headers against a tool's `x-mcp-header` arguments (MCP
 * 2026-07-28, HTTP 400 -32020 before the tool runs). The SDK's HTTP entry does that only for an
 * `McpServer`, reading the schema of tools registered with `registerTool` through its (internal)
 * `toolInputSchemaJson`; server-kit's tools are precompiled low-level handlers, so the instance
 * answers from the precompiled listing instead. The SDK version is pinned exactly; the test
 * "refuses a tools/call whose Mcp-Param header disagrees" fails if this seam moves.
 */
function answerInputSchemas(product: McpServer, tools: CompiledTools): void {
  Object.assign(product, {
    toolInputSchemaJson: (name: string) => tools.byName.get(name)?.listing.inputSchema,
  });
}
