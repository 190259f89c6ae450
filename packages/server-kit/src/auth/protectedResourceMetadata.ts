import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';
import type { Request, RequestHandler } from 'express';

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

/** The origin the client used, honouring `X-Forwarded-Proto` from a proxy in front. */
export function requestOrigin(req: Request): string {
  const forwarded = req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  const protocol = forwarded === 'https' || forwarded === 'http' ? forwarded : req.protocol;
  return `${protocol}://${req.header('host') ?? 'localhost'}`;
}

/**
 * Serves the Protected Resource Metadata document that MCP clients discover from the
 * `resource_metadata` parameter of a 401's `WWW-Authenticate` header.
 *
 * @param config - The JWT authorizer configuration (issuer and scopes come from it).
 * @param options - Overrides for `resource`, `authorization_servers` and `scopes_supported`.
 * @param mcpPath - The MCP endpoint's path, for the default `resource`.
 * @returns An express handler.
 */
export function createProtectedResourceMetadataHandler(
  config: JwtAuthorizerConfig,
  options: ProtectedResourceOptions,
  mcpPath: string,
): RequestHandler {
  const issuer = config.discoveryUrl.replace(/\/\.well-known\/openid-configuration$/, '');
  const scopes = options.scopesSupported ?? config.allowedScopes;
  return (req, res) => {
    const document: ProtectedResourceMetadata = {
      resource: options.resource ?? `${requestOrigin(req)}${mcpPath}`,
      authorization_servers: options.authorizationServers ?? [issuer],
      ...(scopes ? { scopes_supported: scopes } : {}),
      bearer_methods_supported: ['header'],
    };
    res.json(document);
  };
}
