// The public API of @agentcore-mcp/gateway. Everything a consumer may import is exported here, by name.
export type { Catalog, CatalogProblem, CatalogRoute } from './catalog/buildCatalog.js';
export { GATEWAY_META_KEY } from './catalog/buildCatalog.js';
export type {
  ConfigEnv,
  ConfigVariableReference,
  ExpandConfigVariablesResult,
} from './config/configVariables.js';
export { expandConfigVariables, listConfigVariables } from './config/configVariables.js';
export { GATEWAY_CONFIG_DEFAULTS } from './config/defaults.js';
export type {
  GatewayConfigDocument,
  GatewaySectionEntry,
  HttpTargetEntry,
  OAuthEntry,
  StdioTargetEntry,
  TargetEntry,
  TargetEntryBase,
} from './config/documentTypes.js';
export { guessHttpTransport, httpTransportOf } from './config/httpTransport.js';
export { loadGatewayConfig } from './config/loadGatewayConfig.js';
export { loadGatewayConfigDocument } from './config/loadGatewayConfigDocument.js';
export { parseGatewayConfig } from './config/parseGatewayConfig.js';
export { parseGatewayConfigDocument } from './config/parseGatewayConfigDocument.js';
export type {
  DiscoveryConfig,
  GatewayConfig,
  GatewayMode,
  GatewayOptionsConfig,
  HealthCheckConfig,
  HttpTargetConfig,
  HttpTargetTransport,
  OAuthClientCredentialsConfig,
  ParseGatewayConfigOptions,
  StdioTargetConfig,
  TargetConfig,
  TargetConfigBase,
  TargetProtocol,
  ToolFilterConfig,
  ToolNamePrefixMode,
} from './config/types.js';
export type { CreateGatewayOptions, Gateway } from './createGateway.js';
export { createGateway } from './createGateway.js';
export type { GatewayErrorCode, GatewayErrorOptions } from './gatewayError.js';
export { GatewayError } from './gatewayError.js';
export type { GatewayStatus } from './gatewayStatus.js';
export type { GatewayMetrics, RequestOutcome } from './observability/gatewayMetrics.js';
export { GATEWAY_STATUS_TOOL_NAME } from './server/gatewayStatusTool.js';
export type { ParseGatewayToolNameResult } from './toolNames.js';
export {
  assertTargetName,
  formatGatewayToolName,
  GATEWAY_TOOL_NAME_SEPARATOR,
  MAX_TOOL_NAME_LENGTH,
  parseGatewayToolName,
} from './toolNames.js';
export type { CircuitState } from './upstream/health/circuitBreaker.js';
export type { TargetEraStatus, UpstreamEra } from './upstream/targetEra.js';
export type { TargetStatus } from './upstream/targetStatus.js';
