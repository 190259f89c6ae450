// The public API of @agentcore-mcp/core. Everything a consumer may import is exported here, by name.
export type { AgentCoreMcpErrorOptions, ErrorCode } from './errors.js';
export { AgentCoreMcpError, toAgentCoreMcpError } from './errors.js';
