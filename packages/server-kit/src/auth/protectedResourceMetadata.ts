import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';
import type { Request, RequestHandler } from 'express';

import {
  buildProtectedResourceMetadata,
  type ProtectedResourceOptions,
} from '../metadata/buildProtectedResourceMetadata.js';

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
  return (req, res) => {
    res.json(buildProtectedResourceMetadata(`${requestOrigin(req)}${mcpPath}`, config, options));
  };
}
