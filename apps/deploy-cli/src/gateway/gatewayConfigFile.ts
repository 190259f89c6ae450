import { readFileSync } from 'node:fs';

import {
  AgentCoreMcpError,
  type JwtAuthorizerConfig,
  parseAuthorizerConfig,
} from '@agentcore-mcp/core';

/** One `mcpServers` entry as `register-managed` sees it. */
export type GatewayConfigTarget =
  | {
      readonly kind: 'http';
      readonly name: string;
      readonly url: string;
      /** `sse` for legacy HTTP+SSE servers (`transport`/`type` `sse`, or a URL path ending in /sse). */
      readonly transport: 'streamable-http' | 'sse';
      /** The target sends credentials: `headers`, `oauth` or `forwardClientToken`. */
      readonly sendsCredentials: boolean;
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

type JsonObject = Record<string, unknown>;

/**
 * Reads the parts of a gateway config (our gateway's format: `mcpServers` + `gateway`) that a
 * managed AgentCore Gateway uses: each target's kind, URL and whether it sends credentials, and the
 * inbound `customJWTAuthorizer`. Unlike `loadGatewayConfig` from `@agentcore-mcp/gateway`, it does
 * not expand `${VAR}`s, so a target's secrets need not be set to register the gateway; a `${VAR}` in
 * a URL is an error, because AgentCore needs the literal URL.
 *
 * @param path - The config file, e.g. `gateway.json`.
 * @returns The targets and the authorizer.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID`: `Invalid gateway config <path>: <key>: <problem>`.
 * @example
 * ```ts
 * const { targets, authorizer } = readGatewayConfigFile('gateway.json');
 * ```
 */
export function readGatewayConfigFile(path: string): GatewayConfigSummary {
  const fail = (problem: string, cause?: unknown): never => {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid gateway config ${path}: ${problem}`,
      {
        cause,
      },
    );
  };
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'read failed';
    fail(
      `cannot read it (${code}); run agentcore-mcp gateway setup to write one, or pass --config FILE`,
      error,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    fail(`not valid JSON (${(error as Error).message})`, error);
  }
  if (!isObject(document)) return fail('expected a JSON object with "mcpServers"');
  const servers = document.mcpServers;
  if (!isObject(servers) || Object.keys(servers).length === 0) {
    return fail('mcpServers: expected an object with at least one target');
  }
  const targets = Object.entries(servers).map(([name, entry]) =>
    readTarget(name, entry, (problem) => fail(`mcpServers.${name}${problem}`)),
  );
  return { targets, authorizer: readAuthorizer(document.gateway, fail) };
}

function readTarget(
  name: string,
  entry: unknown,
  fail: (problem: string) => never,
): GatewayConfigTarget {
  if (!isObject(entry)) return fail(': expected an object with "url" or "command"');
  const disabled = entry.disabled === true;
  if (typeof entry.command === 'string') return { kind: 'stdio', name, disabled };
  const { url } = entry;
  if (typeof url !== 'string' || url === '') return fail(': expected "url" or "command"');
  if (url.includes('${')) {
    return fail('.url: AgentCore needs the literal URL; replace the ${VAR} in it');
  }
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed === undefined || !/^https?:$/.test(parsed.protocol)) {
    return fail(`.url: "${url}" is not an http:// or https:// URL`);
  }
  const declared = typeof entry.transport === 'string' ? entry.transport : entry.type;
  const sse = declared === 'sse' || (declared === undefined && parsed.pathname.endsWith('/sse'));
  const sendsCredentials =
    (isObject(entry.headers) && Object.keys(entry.headers).length > 0) ||
    entry.oauth !== undefined ||
    entry.forwardClientToken === true;
  return {
    kind: 'http',
    name,
    url,
    transport: sse ? 'sse' : 'streamable-http',
    sendsCredentials,
    disabled,
  };
}

function readAuthorizer(
  gateway: unknown,
  fail: (problem: string, cause?: unknown) => never,
): JwtAuthorizerConfig | undefined {
  if (!isObject(gateway) || gateway.auth === undefined) return undefined;
  try {
    return parseAuthorizerConfig(gateway.auth);
  } catch (error) {
    return fail(`gateway.auth: ${error instanceof Error ? error.message : String(error)}`, error);
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
