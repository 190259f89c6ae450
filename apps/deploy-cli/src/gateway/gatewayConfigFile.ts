import { existsSync } from 'node:fs';

import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';
import {
  type HttpTargetEntry,
  httpTransportOf,
  listConfigVariables,
  loadGatewayConfigDocument,
} from '@agentcore-mcp/gateway';

import { CliError } from '../errors.js';

/** One `mcpServers` entry as `register-managed` sees it. */
export type GatewayConfigTarget =
  | {
      readonly kind: 'http';
      readonly name: string;
      readonly url: string;
      /** `sse` for legacy HTTP+SSE servers (the gateway's `httpTransportOf`). */
      readonly transport: 'streamable-http' | 'sse';
      /** The target sends credentials: `headers`, `oauth` or `forwardClientToken`. */
      readonly sendsCredentials: boolean;
      /** The names of the headers it sends besides `Authorization`, e.g. `['X-Tenant']`. */
      readonly otherHeaders: readonly string[];
      readonly disabled: boolean;
    }
  | { readonly kind: 'stdio'; readonly name: string; readonly disabled: boolean };

/** What `register-managed` needs from a gateway config file. */
export interface GatewayConfigSummary {
  /** Every target, in file order. */
  readonly targets: readonly GatewayConfigTarget[];
  /** `gateway.auth.customJWTAuthorizer`, when present. */
  readonly authorizer?: JwtAuthorizerConfig | undefined;
}

/**
 * Reads what a managed AgentCore Gateway uses from one of our gateway config files: each target's
 * kind, URL, transport, whether it sends credentials (and which headers besides `Authorization`),
 * and the inbound `customJWTAuthorizer`.
 * The file is read by the gateway's own `loadGatewayConfigDocument`, which keeps `${VAR}`s, so a
 * target's secrets need not be set to register the gateway; a `${VAR}` in a URL is an error here,
 * because AgentCore needs the literal URL.
 *
 * @param path - The config file, e.g. `gateway.json`.
 * @returns The targets and the authorizer.
 * @throws {@link CliError} `ERR_CONFIG_INVALID` for a missing file or a URL AgentCore cannot use;
 *   the gateway's `ERR_CONFIG_INVALID` (`Invalid gateway config: <key>: <problem>`) for a bad one.
 * @example
 * ```ts
 * const { targets, authorizer } = readGatewayConfigFile('gateway.json');
 * ```
 */
export function readGatewayConfigFile(path: string): GatewayConfigSummary {
  if (!existsSync(path)) {
    throw new CliError(
      'ERR_CONFIG_INVALID',
      `No gateway config at ${path}: run agentcore-mcp gateway setup to write one, or pass --config FILE`,
    );
  }
  const document = loadGatewayConfigDocument(path);
  const targets = Object.entries(document.mcpServers).map(([name, entry]): GatewayConfigTarget =>
    'url' in entry
      ? readHttpTarget(name, entry, path)
      : { kind: 'stdio', name, disabled: entry.disabled === true },
  );
  return { targets, authorizer: document.gateway?.auth?.customJWTAuthorizer };
}

function readHttpTarget(name: string, entry: HttpTargetEntry, path: string): GatewayConfigTarget {
  const invalid = (problem: string) =>
    new CliError(
      'ERR_CONFIG_INVALID',
      `Invalid gateway config ${path}: mcpServers.${name}.url: ${problem}`,
    );
  if (listConfigVariables(entry.url).length > 0) {
    throw invalid('AgentCore needs the literal URL; replace the ${VAR} in it');
  }
  const url = URL.canParse(entry.url) ? new URL(entry.url) : undefined;
  if (url === undefined || !/^https?:$/.test(url.protocol)) {
    throw invalid(`"${entry.url}" is not an http:// or https:// URL`);
  }
  return {
    kind: 'http',
    name,
    url: entry.url,
    transport: httpTransportOf(entry),
    sendsCredentials:
      Object.keys(entry.headers ?? {}).length > 0 ||
      entry.oauth !== undefined ||
      entry.forwardClientToken === true,
    otherHeaders: Object.keys(entry.headers ?? {}).filter(
      (header) => header.toLowerCase() !== 'authorization',
    ),
    disabled: entry.disabled === true,
  };
}
