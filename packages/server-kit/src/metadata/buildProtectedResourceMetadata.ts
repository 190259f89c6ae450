import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';

/** The well-known path of the OAuth 2.0 Protected Resource Metadata document (RFC 9728). */
export const PROTECTED_RESOURCE_METADATA_PATH = '/.well-known/oauth-protected-resource';

/** How the server describes itself as an OAuth protected resource. */
export interface ProtectedResourceOptions {
  /** The resource identifier. Default: the MCP endpoint's URL as the request reached it. */
  resource?: string;
  /** Authorization servers. Default: the issuer, i.e. the discovery URL without `/.well-known/openid-configuration`. */
  authorizationServers?: string[];
  /** Scopes to advertise. Default: the authorizer's `allowedScopes`, when set. */
  scopesSupported?: string[];
}

/** The RFC 9728 document served at {@link PROTECTED_RESOURCE_METADATA_PATH}. */
export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers: string[];
  scopes_supported?: string[];
  bearer_methods_supported: ['header'];
}

/**
 * Builds the RFC 9728 Protected Resource Metadata document of an MCP endpoint guarded by a JWT
 * authorizer, the document MCP clients discover from the `resource_metadata` parameter of a 401's
 * `WWW-Authenticate` header. Framework-free: server-kit serves it, and so can any HTTP server (the
 * local AgentCore emulator).
 *
 * @param resource - The resource identifier: the MCP endpoint's URL as clients reach it.
 * @param authorizer - The JWT authorizer: its issuer (from `discoveryUrl`) and `allowedScopes`.
 * @param options - Overrides of `authorization_servers` and `scopes_supported` (`resource` here
 *   wins over the first argument). Default: none.
 * @returns The document, ready for `JSON.stringify`.
 * @example
 * ```ts
 * buildProtectedResourceMetadata('https://example.com/mcp', {
 *   discoveryUrl: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc/.well-known/openid-configuration',
 *   allowedScopes: ['mcp/invoke'],
 * });
 * // { resource: 'https://example.com/mcp',
 * //   authorization_servers: ['https://cognito-idp.us-east-1.amazonaws.com/us-east-1_abc'],
 * //   scopes_supported: ['mcp/invoke'], bearer_methods_supported: ['header'] }
 * ```
 */
export function buildProtectedResourceMetadata(
  resource: string,
  authorizer: Pick<JwtAuthorizerConfig, 'discoveryUrl' | 'allowedScopes'>,
  options: ProtectedResourceOptions = {},
): ProtectedResourceMetadata {
  const issuer = authorizer.discoveryUrl.replace(/\/\.well-known\/openid-configuration$/, '');
  const scopes = options.scopesSupported ?? authorizer.allowedScopes;
  return {
    resource: options.resource ?? resource,
    authorization_servers: options.authorizationServers ?? [issuer],
    ...(scopes ? { scopes_supported: scopes } : {}),
    bearer_methods_supported: ['header'],
  };
}
