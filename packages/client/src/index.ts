// The public API of @agentcore-mcp/client. Everything a consumer may import is exported here, by name.
export { MCP_ACCEPT_HEADER } from './mcpHeaders.js';
export type { McpArnTarget, McpEndpointTarget, McpUrlTarget } from './resolveMcpEndpoint.js';
export { resolveMcpEndpoint } from './resolveMcpEndpoint.js';
