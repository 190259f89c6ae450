// The public API of @agentcore-mcp/server-kit. Everything a consumer may import is exported here, by name.
export type { AgentCoreServer } from './createAgentCoreServer.js';
export { createAgentCoreServer } from './createAgentCoreServer.js';
export type { CreateLoggerOptions } from './createLogger.js';
export { createLogger } from './createLogger.js';
export type {
  McpHttpServer,
  McpHttpServerOptions,
  McpServerBuildContext,
} from './createMcpHttpServer.js';
export { createMcpHttpServer } from './createMcpHttpServer.js';
export type { PromptArgsShape, PromptDefinition } from './definitions/definePrompt.js';
export { definePrompt } from './definitions/definePrompt.js';
export type {
  ResourceContent,
  ResourceDefinition,
  ResourceTemplateDefinition,
} from './definitions/defineResource.js';
export { defineResource, defineResourceTemplate } from './definitions/defineResource.js';
export type {
  ToolArgs,
  ToolDefinition,
  ToolInput,
  ToolReturn,
  ZodShape,
} from './definitions/defineTool.js';
export { defineTool } from './definitions/defineTool.js';
export type {
  ClientInfo,
  RuntimeRequestInfo,
  ToolContext,
  ToolLogger,
} from './definitions/toolContext.js';
export type { ToolErrorCode } from './definitions/toolError.js';
export { ToolError } from './definitions/toolError.js';
export type { DnsRebindingOptions } from './http/dnsRebindingGuard.js';
export { LOOPBACK_HOSTNAMES } from './http/dnsRebindingGuard.js';
export type { FastLaneHandlers, FastLaneToolCall } from './http/fastLane/fastLaneHandlers.js';
export type { InMemoryEventStoreOptions } from './http/inMemoryEventStore.js';
export { createInMemoryEventStore } from './http/inMemoryEventStore.js';
export type { PingResponse, PingStatus } from './http/ping.js';
export type { JsonRpcErrorCodeValue } from './http/sendJsonRpcError.js';
export { JsonRpcErrorCode } from './http/sendJsonRpcError.js';
export { applyLeanHeap, LEAN_HEAP_GROWING_PERCENT } from './leanHeap.js';
export type { RequestHeaders } from './mcp/createToolContext.js';
export type {
  ProtectedResourceMetadata,
  ProtectedResourceOptions,
} from './metadata/buildProtectedResourceMetadata.js';
export {
  buildProtectedResourceMetadata,
  PROTECTED_RESOURCE_METADATA_PATH,
} from './metadata/buildProtectedResourceMetadata.js';
export type {
  AgentCoreServerOptions,
  AuthOptions,
  ResolvedServerOptions,
  SessionMode,
} from './options.js';
export { readPackageVersion } from './readPackageVersion.js';
export { runAgentCoreServer, type RunAgentCoreServerOptions } from './runAgentCoreServer.js';
export type { ListeningAddress } from './serverLifecycle.js';
/** Reads env `AUTHORIZER_CONFIG` (inline JSON or a file path); re-exported from `@agentcore-mcp/core`. */
export { loadAuthorizerConfig } from '@agentcore-mcp/core';
/** The wire error: a JSON-RPC error object as an exception; re-exported from `@agentcore-mcp/core`. */
export { JsonRpcError } from '@agentcore-mcp/core';
