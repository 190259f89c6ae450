// The public API of @agentcore-mcp/gateway. Everything a consumer may import is exported here, by name.
export type { ParseGatewayToolNameResult } from './toolNames.js';
export {
  assertTargetName,
  formatGatewayToolName,
  GATEWAY_TOOL_NAME_SEPARATOR,
  MAX_TOOL_NAME_LENGTH,
  parseGatewayToolName,
} from './toolNames.js';
