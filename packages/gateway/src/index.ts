// The public API of @agentcore-mcp/gateway. Everything a consumer may import is exported here, by name.
export { GATEWAY_CONFIG_DEFAULTS } from './config/defaults.js';
export { loadGatewayConfig } from './config/loadGatewayConfig.js';
export { parseGatewayConfig } from './config/parseGatewayConfig.js';
export type {
  DiscoveryConfig,
  GatewayConfig,
  GatewayMode,
  GatewayOptionsConfig,
  HealthCheckConfig,
  HttpTargetConfig,
  HttpTargetTransport,
  ParseGatewayConfigOptions,
  StdioTargetConfig,
  TargetConfig,
  TargetConfigBase,
  ToolFilterConfig,
  ToolNamePrefixMode,
} from './config/types.js';
export type { ParseGatewayToolNameResult } from './toolNames.js';
export {
  assertTargetName,
  formatGatewayToolName,
  GATEWAY_TOOL_NAME_SEPARATOR,
  MAX_TOOL_NAME_LENGTH,
  parseGatewayToolName,
} from './toolNames.js';
