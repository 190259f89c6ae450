import { AgentCoreMcpError, parseAuthorizerConfig } from '@agentcore-mcp/core';

import { failConfig } from './configError.js';
import { GATEWAY_CONFIG_DEFAULTS } from './defaults.js';
import { gatewaySectionSchema } from './schema.js';
import type { GatewayOptionsConfig } from './types.js';
import { validate } from './validate.js';

const CORE_PREFIX = 'Invalid authorizer config: ';
const CORE_PATH = /^([A-Za-z_][\w.[\]]*): (.*)$/s;

/**
 * Validates the optional `gateway` section and applies its defaults. `auth` is checked by core's
 * `parseAuthorizerConfig`, the same rules as AgentCore's `customJWTAuthorizer`.
 *
 * @internal Not part of the public API.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` naming the key path and what is expected.
 */
export function resolveGatewaySection(value: unknown): GatewayOptionsConfig {
  const input = validate(gatewaySectionSchema, value ?? {}, ['gateway']);
  const defaults = GATEWAY_CONFIG_DEFAULTS.gateway;
  return {
    host: input.host ?? defaults.host,
    port: input.port ?? defaults.port,
    path: input.path ?? defaults.path,
    mode: input.mode ?? defaults.mode,
    toolNamePrefix: input.toolNamePrefix ?? defaults.toolNamePrefix,
    auth: input.auth === undefined ? undefined : { jwt: resolveAuth(input.auth) },
    healthCheck: { ...defaults.healthCheck, ...input.healthCheck },
    discovery: { ...defaults.discovery, ...input.discovery },
  };
}

function resolveAuth(auth: {
  customJWTAuthorizer: Record<string, unknown>;
}): ReturnType<typeof parseAuthorizerConfig> {
  try {
    return parseAuthorizerConfig(auth);
  } catch (error) {
    if (!(error instanceof AgentCoreMcpError) || !error.message.startsWith(CORE_PREFIX))
      throw error;
    // Re-root core's one-line message under gateway.auth, keeping its path and wording.
    const problem = error.message.slice(CORE_PREFIX.length);
    const match = CORE_PATH.exec(problem);
    const path = match?.[1] === undefined ? 'gateway.auth' : `gateway.auth.${match[1]}`;
    failConfig(path, match?.[2] ?? problem, error);
  }
}
