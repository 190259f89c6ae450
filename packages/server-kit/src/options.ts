import {
  AgentCoreMcpError,
  type JwtAuthorizerConfig,
  type JwtAuthorizerOptions,
  readListenAddress,
} from '@agentcore-mcp/core';
import type { EventStore } from '@modelcontextprotocol/server';
import type { Logger } from 'pino';

import type { PromptDefinition } from './definitions/definePrompt.js';
import type {
  ResourceDefinition,
  ResourceTemplateDefinition,
} from './definitions/defineResource.js';
import type { ToolDefinition } from './definitions/defineTool.js';
import type { DnsRebindingOptions } from './http/dnsRebindingGuard.js';
import type { ProtectedResourceOptions } from './metadata/buildProtectedResourceMetadata.js';

/** How the server keeps MCP sessions. */
export type SessionMode = 'stateless' | 'stateful';

/** Inbound authentication: AgentCore's customJWTAuthorizer semantics. */
export interface AuthOptions {
  /** The authorizer, in the shape of AgentCore's `customJWTAuthorizer` (see `parseAuthorizerConfig`). */
  jwt: JwtAuthorizerConfig;
  /** Clock tolerance, JWKS refetch cooldown, discovery timeout. Default: core's defaults. */
  verify?: JwtAuthorizerOptions;
  /** What the RFC 9728 metadata document says. Default: derived from the request and `jwt`. */
  protectedResource?: ProtectedResourceOptions;
}

/** Options of {@link createAgentCoreServer}. */
export interface AgentCoreServerOptions {
  /** The server's name, sent in `initialize` and written in every log line. */
  name: string;
  /** The server's version, sent in `initialize`. */
  version: string;
  /** A human-readable title. Default: none. */
  title?: string;
  /** Instructions for the model on how to use this server. Default: none. */
  instructions?: string;
  /** Tools (see `defineTool`). Default: none. */
  tools?: readonly ToolDefinition[];
  /** Resources at fixed URIs (see `defineResource`). Default: none. */
  resources?: readonly ResourceDefinition[];
  /** Resource templates (see `defineResourceTemplate`). Default: none. */
  resourceTemplates?: readonly ResourceTemplateDefinition[];
  /** Prompts (see `definePrompt`). Default: none. */
  prompts?: readonly PromptDefinition[];
  /**
   * `stateless` (AgentCore's default): any request can go to any replica; no sampling or
   * elicitation. `stateful`: one session per client, needed for sampling and elicitation.
   * Default: `stateless`.
   */
  mode?: SessionMode;
  /** The address to bind. Default: env `HOST`, else `0.0.0.0` (AgentCore's contract). */
  host?: string;
  /** The port to bind; 0 picks a free one. Default: env `PORT`, else `8000`. */
  port?: number;
  /** The MCP endpoint's path. Default: `/mcp`. */
  path?: string;
  /** The largest request body accepted, in bytes; larger ones get HTTP 413. Default: 10 MiB. */
  bodyLimit?: number;
  /**
   * DNS rebinding protection (`Host`/`Origin` checks). Default: on with loopback hostnames when
   * `host` is a loopback address, off otherwise (AgentCore sends its own `Host`). `false` turns it off.
   */
  dnsRebindingProtection?: DnsRebindingOptions | false;
  /** Answer with plain JSON rather than SSE streams; tools then cannot stream logs or progress. Default: false. */
  jsonResponse?: boolean;
  /**
   * `createAgentCoreServer` only: answer `tools/call` and `tools/list` without a session (2026-07-28
   * requests, and 2025 requests in stateless mode) on server-kit's fast lane, straight from the
   * compiled tools, instead of through a new SDK server per request. Same answers, several times
   * the throughput (see the bench). `false` sends every request through the SDK. Default: true.
   */
  fastLane?: boolean;
  /** Stateful mode: close sessions idle for this long, in ms. Default: 900000 (AgentCore's idle timeout). */
  sessionIdleTimeoutMs?: number;
  /**
   * Stateful mode: an event store that lets clients resume SSE streams with `Last-Event-ID`, e.g.
   * `createInMemoryEventStore()`. Default: none.
   */
  eventStore?: EventStore;
  /** Stateful mode: the SSE `retry` hint, in ms. Default: the SDK's. */
  retryInterval?: number;
  /** On shutdown, how long to wait for in-flight requests, in ms. Default: 10000. */
  shutdownTimeoutMs?: number;
  /**
   * Require a bearer token on every MCP request. Default: none (the server is open, and says so
   * in its start-up log). Apps read it from env `AUTHORIZER_CONFIG` with `loadAuthorizerConfig`.
   */
  auth?: AuthOptions;
  /** The logger. Default: a JSON pino logger at env `LOG_LEVEL` (else `info`). */
  logger?: Logger;
  /**
   * MCP 2026-07-28: the secret (at least 32 bytes) that signs the `requestState` of multi
   * round-trip requests (tools that ask the client for input). AgentCore may send the retry to
   * another replica, so every replica needs the same one. Default: env `MCP_REQUEST_STATE_SECRET`,
   * else a random key per process (retries that reach another process are then refused, and the
   * start-up log says so).
   */
  requestStateSecret?: string;
  /**
   * MCP 2026-07-28: how long clients and intermediaries may cache the results of `tools/list`,
   * `prompts/list`, `resources/list`, `resources/templates/list` and `server/discover`, and who
   * may share them. Default: 5 minutes (the lists only change when the server is redeployed);
   * scope `private` when `auth` is set (a shared cache must not hand them to callers without a
   * token), else `public`. `resources/read` results are never cached unless a resource says so.
   */
  cache?: ListCacheOptions;
}

/** How list results may be cached (MCP 2026-07-28 `ttlMs` / `cacheScope`). */
export interface ListCacheOptions {
  /** Milliseconds a result stays fresh; 0 means always revalidate. Default: 300000. */
  ttlMs?: number;
  /** `public`: any cache may share it; `private`: one caller's only. Default: see `cache`. */
  scope?: 'public' | 'private';
}

/** {@link AgentCoreServerOptions} with every default applied. */
export type ResolvedServerOptions = Required<
  Omit<
    AgentCoreServerOptions,
    | 'title'
    | 'instructions'
    | 'eventStore'
    | 'retryInterval'
    | 'logger'
    | 'dnsRebindingProtection'
    | 'auth'
    | 'requestStateSecret'
    | 'cache'
  >
> &
  Pick<
    AgentCoreServerOptions,
    'title' | 'instructions' | 'eventStore' | 'retryInterval' | 'auth' | 'requestStateSecret'
  > & {
    dnsRebindingProtection: DnsRebindingOptions | false;
    cache: Required<ListCacheOptions>;
  };

const LOOPBACK_BINDS = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Applies defaults, reading env `HOST` and `PORT` when the options leave them out.
 *
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for a bad port, path or limit.
 */
export function resolveServerOptions(
  options: AgentCoreServerOptions,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedServerOptions {
  // Each variable is read only when its option is left out, so a bad PORT cannot fail a server
  // that was given its port.
  const host = options.host ?? readListenAddress({ HOST: env.HOST }).host ?? '0.0.0.0';
  const port = options.port ?? readListenAddress({ PORT: env.PORT }).port ?? 8000;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid port ${port}: use an integer from 0 to 65535`,
    );
  }
  const path = options.path ?? '/mcp';
  if (!path.startsWith('/')) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid path "${path}": it must start with "/", e.g. "/mcp"`,
    );
  }
  const bodyLimit = options.bodyLimit ?? 10 * 1024 * 1024;
  if (!Number.isInteger(bodyLimit) || bodyLimit <= 0) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid bodyLimit ${bodyLimit}: use a positive number of bytes`,
    );
  }
  const cacheTtlMs = options.cache?.ttlMs ?? 300_000;
  if (!Number.isInteger(cacheTtlMs) || cacheTtlMs < 0) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid cache.ttlMs ${cacheTtlMs}: use a whole number of milliseconds, 0 or more`,
    );
  }
  return {
    name: options.name,
    version: options.version,
    title: options.title,
    instructions: options.instructions,
    tools: options.tools ?? [],
    resources: options.resources ?? [],
    resourceTemplates: options.resourceTemplates ?? [],
    prompts: options.prompts ?? [],
    mode: options.mode ?? 'stateless',
    host,
    port,
    path,
    bodyLimit,
    dnsRebindingProtection:
      options.dnsRebindingProtection ?? (LOOPBACK_BINDS.has(host) ? {} : false),
    jsonResponse: options.jsonResponse ?? false,
    fastLane: options.fastLane ?? true,
    sessionIdleTimeoutMs: options.sessionIdleTimeoutMs ?? 900_000,
    eventStore: options.eventStore,
    retryInterval: options.retryInterval,
    auth: options.auth,
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? 10_000,
    requestStateSecret: options.requestStateSecret,
    cache: {
      ttlMs: cacheTtlMs,
      scope: options.cache?.scope ?? (options.auth ? 'private' : 'public'),
    },
  };
}
