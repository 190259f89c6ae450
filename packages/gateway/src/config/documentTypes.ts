import type { JwtAuthorizerConfig } from '@agentcore-mcp/core';

import type {
  GatewayMode,
  HttpTargetTransport,
  TargetProtocol,
  ToolNamePrefixMode,
} from './types.js';

/**
 * A gateway configuration document as written (the JSON of `gateway.json`), checked for shape but
 * with `${VAR}`s unexpanded, no defaults applied and disabled targets kept: what a tool reads to
 * inspect or rewrite a document without needing its secrets. See `parseGatewayConfigDocument`.
 */
export interface GatewayConfigDocument {
  /** Every target by name, in document order. */
  mcpServers: Record<string, TargetEntry>;
  /** The gateway's own options, when the document has them. */
  gateway?: GatewaySectionEntry | undefined;
}

/** One `mcpServers` entry as written; `url` makes it an http target, `command` a stdio one. */
export type TargetEntry = HttpTargetEntry | StdioTargetEntry;

/** What every `mcpServers` entry may set. */
export interface TargetEntryBase {
  /** The tool-name prefix; default the target name. */
  prefix?: string | undefined;
  /** Globs over upstream tool names; default every tool. */
  tools?: { allow?: string[] | undefined; deny?: string[] | undefined } | undefined;
  /** Per-request timeout in ms; default 30000. */
  timeoutMs?: number | undefined;
  /** `true` leaves the target out; default `false`. */
  disabled?: boolean | undefined;
  /** The protocol era spoken to the target; default `auto` (streamable HTTP) or `legacy`. */
  protocol?: TargetProtocol | undefined;
}

/** An `mcpServers` entry with `url`. */
export interface HttpTargetEntry extends TargetEntryBase {
  /** The MCP endpoint, possibly with `${VAR}`s. */
  url: string;
  /** The transport, as Claude Desktop and Cursor write it (`http` is streamable HTTP). */
  type?: 'http' | 'streamable-http' | 'sse' | undefined;
  /** The transport; default from `type`, else guessed from the URL (`httpTransportOf`). */
  transport?: HttpTargetTransport | undefined;
  /** Header name → value, possibly with `${VAR}`s. */
  headers?: Record<string, string> | undefined;
  /** Send the client's own token upstream; default `false`. */
  forwardClientToken?: boolean | undefined;
  /** Outbound OAuth client credentials, possibly with `${VAR}`s. */
  oauth?: OAuthEntry | undefined;
}

/** The `oauth` object of an http target as written. */
export interface OAuthEntry {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scopes?: string[] | undefined;
  authMethod?: 'client_secret_basic' | 'client_secret_post' | undefined;
}

/** An `mcpServers` entry with `command`. */
export interface StdioTargetEntry extends TargetEntryBase {
  /** The executable, possibly with `${VAR}`s. */
  command: string;
  type?: 'stdio' | undefined;
  args?: string[] | undefined;
  env?: Record<string, string> | undefined;
  cwd?: string | undefined;
}

/** The `gateway` section as written (its `auth` checked by core's `parseAuthorizerConfig`). */
export interface GatewaySectionEntry {
  host?: string | undefined;
  port?: number | undefined;
  path?: string | undefined;
  mode?: GatewayMode | undefined;
  toolNamePrefix?: ToolNamePrefixMode | undefined;
  /** Inbound JWT verification, AgentCore's `customJWTAuthorizer` shape. */
  auth?: { customJWTAuthorizer: JwtAuthorizerConfig } | undefined;
  healthCheck?:
    | {
        intervalMs?: number | undefined;
        failureThreshold?: number | undefined;
        cooldownMs?: number | undefined;
      }
    | undefined;
  discovery?:
    | {
        refreshIntervalMs?: number | undefined;
        hideUnhealthy?: boolean | undefined;
        startupWaitMs?: number | undefined;
        busyWhileStarting?: boolean | undefined;
      }
    | undefined;
}
