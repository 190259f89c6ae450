// The public API of @agentcore-mcp/server-kit/metadata: the RFC 9728 protected-resource metadata
// document, framework-free; this entry loads neither express nor the MCP SDK.
export type {
  ProtectedResourceMetadata,
  ProtectedResourceOptions,
} from './buildProtectedResourceMetadata.js';
export {
  buildProtectedResourceMetadata,
  PROTECTED_RESOURCE_METADATA_PATH,
} from './buildProtectedResourceMetadata.js';
