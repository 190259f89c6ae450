import { AgentCoreMcpError, parseAuthorizerConfig } from '@agentcore-mcp/core';

import { failConfig } from './configError.js';
import { GATEWAY_CONFIG_DEFAULTS } from './defaults.js';
import type { GatewaySectionEntry } from './documentTypes.js';
import { gatewaySectionSchema } from './schema.js';
import type { GatewayOptionsConfig } from './types.js';
import { validate } from './validate.js';

const CORE_PREFIX = 'Invalid authorizer config: ';
const CORE_PATH = /^([A-Za-z_][\w.[\]]*): (.*)$/s;

/**
 * Validates the optional `gateway` section as written. `auth` is checked by core's
 * `parseAuthorizerConfig`, the same rules as AgentCore's `customJWTAuthorizer`.
 *
 * @internal Not part of the public API.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` naming the key path and what is expected.
 */
export function readGatewaySection(value: unknown): GatewaySectionEntry {
  const checked = validate(gatewaySectionSchema, value ?? {}, ['gateway']);
  // A copy of the input (keys in document order); `auth` as core's parser returns it.
  const section = structuredClone(value ?? {}) as Omit<GatewaySectionEntry, 'auth'>;
  if (checked.auth === undefined) return section;
  return { ...section, auth: { customJWTAuthorizer: resolveAuth(checked.auth) } };
}

/**
 * Applies the defaults to a `gateway` section read by {@link readGatewaySection}. The host is
 * `gateway.host` when written, else `127.0.0.1` without `auth` and `0.0.0.0` with it.
 *
 * @internal Not part of the public API.
 */
export function resolveGatewaySection(input: GatewaySectionEntry = {}): GatewayOptionsConfig {
  const defaults = GATEWAY_CONFIG_DEFAULTS.gateway;
  return {
    host: input.host ?? (input.auth === undefined ? defaults.host : defaults.authenticatedHost),
    port: input.port ?? defaults.port,
    path: input.path ?? defaults.path,
    mode: input.mode ?? defaults.mode,
    toolNamePrefix: input.toolNamePrefix ?? defaults.toolNamePrefix,
    auth: input.auth === undefined ? undefined : { jwt: input.auth.customJWTAuthorizer },
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
