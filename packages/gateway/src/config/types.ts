import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';

/** How an HTTP target is reached: Streamable HTTP (the current MCP transport) or legacy SSE. */
export type HttpTargetTransport = 'streamable-http' | 'sse';

/**
 * How upstream tool names are exposed: `always` as `${prefix}___${tool}` (AgentCore Gateway's
 * convention), `on-collision` only when two targets serve the same name, `never` unprefixed.
 */
export type ToolNamePrefixMode = 'always' | 'on-collision' | 'never';

/**
 * Which MCP protocol era the gateway speaks to a target: `auto` asks the target with
 * `server/discover` (MCP 2026-07-28) once and falls back to `initialize` (2025) when it gives no
 * modern answer; `legacy` always uses `initialize`; `2026-07-28` requires the target to speak
 * that revision. The verdict is kept per target and reused by every connection to it.
 */
export type TargetProtocol = 'auto' | 'legacy' | '2026-07-28';

/** `stateless`: no MCP session between requests (runs on AgentCore Runtime, needs no sticky sessions); `stateful`: sessions kept. */
export type GatewayMode = 'stateless' | 'stateful';

/**
 * Which upstream tools a target exposes. Patterns are globs over the **upstream** tool name (before
 * any prefix): `*` matches any run of characters, `?` one character, everything else itself. A
 * tool is exposed when it matches some `allow` pattern and no `deny` pattern.
 */
export interface ToolFilterConfig {
  /** Default `['*']` (every tool). */
  allow: string[];
  /** Default `[]`. */
  deny: string[];
}

/** What every target has, whatever its transport. */
export interface TargetConfigBase {
  /** The key under `mcpServers`. */
  name: string;
  /** The tool-name prefix; default the target name. */
  prefix: string;
  /** The tool filter; by default every tool is exposed. */
  tools: ToolFilterConfig;
  /** Per-request timeout towards this target in milliseconds; default 30000. */
  timeoutMs: number;
  /**
   * The protocol era spoken to the target; default `auto` for Streamable HTTP targets and
   * `legacy` for legacy SSE (2025 only) and stdio targets (an `auto` probe would spawn a second
   * child process).
   */
  protocol: TargetProtocol;
}

/** A target reached over HTTP (`url` in the configuration). */
export interface HttpTargetConfig extends TargetConfigBase {
  kind: 'http';
  /** The http(s) URL, `${VAR}`s expanded. */
  url: string;
  /** Default `streamable-http`, or `sse` when the URL path ends in `/sse`. */
  transport: HttpTargetTransport;
  /** Headers sent on every upstream request, `${VAR}`s expanded; default `{}`. */
  headers: Record<string, string>;
  /**
   * Send the client's own `Authorization` header upstream; default `false` (never sent). Cannot be
   * combined with an `Authorization` entry in `headers`.
   */
  forwardClientToken: boolean;
  /**
   * Outbound OAuth 2.0 client credentials: the gateway fetches a token from `tokenUrl`, caches it
   * and sends it as `Authorization: Bearer …` to this target; `undefined` means none.
   */
  oauth: OAuthClientCredentialsConfig | undefined;
}

/** OAuth 2.0 client-credentials settings for one target, `${VAR}`s expanded. */
export interface OAuthClientCredentialsConfig {
  /** The token endpoint, e.g. `https://<domain>.auth.<region>.amazoncognito.com/oauth2/token`. */
  tokenUrl: string;
  clientId: string;
  /** Never logged or shown in errors. */
  clientSecret: string;
  /** Scopes to request; default none (the server's default). */
  scopes: string[];
  /** Default `client_secret_basic`. */
  authMethod: 'client_secret_basic' | 'client_secret_post';
}

/** A target run as a child process speaking MCP over stdio (`command` in the configuration). */
export interface StdioTargetConfig extends TargetConfigBase {
  kind: 'stdio';
  /** The executable, `${VAR}`s expanded. */
  command: string;
  /** Its arguments; default `[]`. */
  args: string[];
  /** Variables added to the child's environment; default `{}`. */
  env: Record<string, string>;
  /** The child's working directory; `undefined` means the gateway's own. */
  cwd: string | undefined;
}

/** One resolved target; switch on `kind`. */
export type TargetConfig = HttpTargetConfig | StdioTargetConfig;

/** Health checking and circuit breaking per target. */
export interface HealthCheckConfig {
  /** Milliseconds between pings; default 15000. */
  intervalMs: number;
  /** Consecutive failures that open the circuit; default 3. */
  failureThreshold: number;
  /** Milliseconds an open circuit waits before a half-open probe; default 30000. */
  cooldownMs: number;
}

/** Tool/resource/prompt discovery across targets. */
export interface DiscoveryConfig {
  /** Milliseconds between periodic re-lists; `0` turns them off. Default 300000. */
  refreshIntervalMs: number;
  /** Hide an unhealthy target's tools (`true`) or keep them listed (`false`); default `true`. */
  hideUnhealthy: boolean;
  /**
   * How long `listen()` (and the `listening` log line) waits for every target's first discovery,
   * in ms; default 10000, `0` not at all. The port is bound before: `/ping` answers and requests
   * see the targets listed so far while the others start; a target slower than this joins the
   * catalog when it is ready (`list_changed` is sent). A dead target settles at once.
   */
  startupWaitMs: number;
  /**
   * Whether `GET /ping` reports `HealthyBusy` while a target's first discovery is under way
   * (`Healthy` once every target was listed or failed); default `true`.
   */
  busyWhileStarting: boolean;
}

/** The gateway's own options (the `gateway` section), defaults applied. */
export interface GatewayOptionsConfig {
  /**
   * Listen address; default `127.0.0.1` (loopback only) without `auth`, `0.0.0.0` with `auth`.
   */
  host: string;
  /** Listen port; default 8000. */
  port: number;
  /** The MCP endpoint path; default `/mcp`. */
  path: string;
  /** Default `stateless`. */
  mode: GatewayMode;
  /** Default `always`. */
  toolNamePrefix: ToolNamePrefixMode;
  /** Inbound JWT verification; `undefined` means no inbound auth. */
  auth: { jwt: JwtAuthorizerConfig } | undefined;
  healthCheck: HealthCheckConfig;
  discovery: DiscoveryConfig;
}

/**
 * A fully resolved gateway configuration: every default applied, every `${VAR}` expanded, disabled
 * targets left out.
 */
export interface GatewayConfig {
  /** The enabled targets, in the order of the configuration. */
  targets: TargetConfig[];
  gateway: GatewayOptionsConfig;
}

/** Options of {@link parseGatewayConfig} and {@link loadGatewayConfig}. */
export interface ParseGatewayConfigOptions {
  /** Where `${VAR}` references are looked up; default `process.env`. */
  env?: Record<string, string | undefined>;
}
