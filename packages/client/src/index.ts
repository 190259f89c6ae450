// The public API of @agentcore-mcp/client. Everything a consumer may import is exported here, by name.
export type {
  AgentCoreClientErrorCode,
  AgentCoreClientErrorOptions,
} from './agentCoreClientError.js';
export { AgentCoreClientError } from './agentCoreClientError.js';
export type { ClientCredentialsTokenProviderOptions } from './auth/createClientCredentialsTokenProvider.js';
export { createClientCredentialsTokenProvider } from './auth/createClientCredentialsTokenProvider.js';
export type { CognitoTokenProviderOptions } from './auth/createCognitoTokenProvider.js';
export { createCognitoTokenProvider } from './auth/createCognitoTokenProvider.js';
export { createStaticTokenProvider } from './auth/createStaticTokenProvider.js';
export type {
  CognitoAuthFlow,
  CognitoAuthTarget,
  CognitoSignIn,
  CognitoTokens,
} from './auth/initiateCognitoAuth.js';
export { initiateCognitoAuth } from './auth/initiateCognitoAuth.js';
export type {
  ClientCredentialsToken,
  ClientCredentialsTokenRequest,
} from './auth/requestClientCredentialsToken.js';
export { requestClientCredentialsToken } from './auth/requestClientCredentialsToken.js';
export type { GetTokenOptions, TokenProvider } from './auth/tokenProvider.js';
export type {
  TokenProviderErrorCode,
  TokenProviderErrorOptions,
} from './auth/tokenProviderError.js';
export { TokenProviderError } from './auth/tokenProviderError.js';
export type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
} from './connect/createSigV4Signer.js';
export type { SignRequest } from './connect/createSigV4Signer.js';
export { AGENTCORE_SIGNING_SERVICE, createSigV4Signer } from './connect/createSigV4Signer.js';
export type { ConnectAgentCoreOptions, SigV4Options } from './connectAgentCore.js';
export { connectAgentCore, RUNTIME_USER_ID_HEADER } from './connectAgentCore.js';
export { MCP_ACCEPT_HEADER } from './mcpHeaders.js';
export type { ModernRequest, ModernRequestOptions } from './modernRequest.js';
export { modernRequest } from './modernRequest.js';
export type { ProtocolMode } from './protocolMode.js';
export { isProtocolMode, MODERN_PROTOCOL_VERSION } from './protocolMode.js';
export type { McpArnTarget, McpEndpointTarget, McpUrlTarget } from './resolveMcpEndpoint.js';
export { resolveMcpEndpoint } from './resolveMcpEndpoint.js';
// The MCP SDK v2 client that connectAgentCore returns, so consumers need not import the SDK for it.
export type { Client } from '@modelcontextprotocol/client';
