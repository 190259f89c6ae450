// The public API of @agentcore-mcp/core. Everything a consumer may import is exported here, by name.
export { AGENTCORE_RULES } from './agentCoreRules.js';
export type { AwsPartition, FormatRuntimeArnOptions, RuntimeArn } from './arn.js';
export { formatRuntimeArn, isRuntimeArn, parseRuntimeArn } from './arn.js';
export type { CustomClaimRule, JwtAuthorizerConfig } from './auth/authorizerConfig.js';
export { parseAuthorizerConfig } from './auth/authorizerConfig.js';
export type { JwtAuthorizer, JwtAuthorizerOptions, Principal } from './auth/createJwtAuthorizer.js';
export { createJwtAuthorizer } from './auth/createJwtAuthorizer.js';
export { loadAuthorizerConfig } from './auth/loadAuthorizerConfig.js';
export { readBearerToken } from './auth/readBearerToken.js';
export type { BearerRejection } from './auth/toBearerRejection.js';
export { toBearerRejection } from './auth/toBearerRejection.js';
export type { AwsStringRule } from './awsStringRule.js';
export { findAwsStringProblem } from './awsStringRule.js';
export type { AgentCoreMcpErrorOptions, ErrorCode } from './errors.js';
export { AgentCoreMcpError, firstLine, toAgentCoreMcpError } from './errors.js';
export {
  CUSTOM_HEADER_PREFIX,
  isHeaderAllowed,
  MAX_HEADER_ALLOWLIST_SIZE,
  MAX_HEADER_NAME_LENGTH,
  parseHeaderAllowlist,
  RESTRICTED_REQUEST_HEADER_PREFIXES,
  RESTRICTED_REQUEST_HEADERS,
} from './headerAllowlist.js';
export type { BuildInvocationUrlOptions, ParseInvocationUrlResult } from './invocationUrl.js';
export {
  buildInvocationUrl,
  buildProtectedResourceMetadataUrl,
  parseInvocationUrl,
} from './invocationUrl.js';
export type { ListenAddress } from './net/listenAddress.js';
export { parsePort, readListenAddress } from './net/listenAddress.js';
export { assertQualifier, DEFAULT_QUALIFIER, isQualifier } from './qualifier.js';
export { isAwsRegion, parseRegion, resolveRegion } from './region.js';
export type { BackoffPolicy } from './retry/backoff.js';
export { backoffDelayMs, parseRetryAfter, sleep } from './retry/backoff.js';
export type { ResendWithFreshTokenSteps } from './retry/resendWithFreshToken.js';
export { resendWithFreshToken } from './retry/resendWithFreshToken.js';
export {
  assertRuntimeName,
  isRuntimeName,
  MAX_RUNTIME_NAME_LENGTH,
  toRuntimeName,
} from './runtimeName.js';
export type { ToJsonRpcErrorOptions, WireCodes } from './wire/errorWireCodes.js';
export {
  ERROR_WIRE_CODES,
  httpStatusOf,
  JSON_RPC_CODES,
  toJsonRpcError,
} from './wire/errorWireCodes.js';
export { JsonRpcError } from './wire/jsonRpcError.js';
export {
  decodeMcpHeaderValue,
  encodeMcpHeaderValue,
  MCP_MODERN_REVISION,
  mcpNameHeader,
} from './wire/mcpRequestHeaders.js';
