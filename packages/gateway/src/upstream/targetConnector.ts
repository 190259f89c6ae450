import type { TokenProvider } from '@agentcore-mcp/client';
import type {
  ClientCapabilities,
  Implementation,
  jsonSchemaValidator,
} from '@modelcontextprotocol/client';
import type { Logger } from 'pino';

import type { TargetConfig } from '../config/types.js';
import type { TargetEra } from './targetEra.js';
import type { ToolParamHeaders } from './toolParamHeaders.js';
import { createOutboundAuthorization } from './transport/outboundAuthorization.js';
import { UpstreamConnection } from './upstreamConnection.js';
import { refreshOnListChanged, type UpstreamEvents } from './upstreamEvents.js';

/** What every connection to one target shares. */
export interface TargetConnectorOptions {
  readonly target: TargetConfig;
  /** A token provider for the target, over its `oauth`; see `createOutboundAuthorization`. */
  readonly tokenProvider: TokenProvider | undefined;
  readonly clientInfo: Implementation;
  readonly jsonSchemaValidator: jsonSchemaValidator;
  readonly logger: Logger;
  /** Re-lists the target: what a `list_changed` from it triggers on any of its sessions. */
  readonly refresh: () => Promise<void>;
  /** The target's protocol era verdict, shared by all its sessions. */
  readonly era: TargetEra;
  /** The target's `Mcp-Param-*` headers per tool, kept up to date by its listing. */
  readonly paramHeaders: ToolParamHeaders;
}

/** One session's own part: what it declares upstream and where the target's messages go. */
export interface TargetSession {
  readonly capabilities: ClientCapabilities;
  readonly events?: UpstreamEvents | undefined;
  /** Called when the session ends without `close()` (a stdio child exited); default none. */
  readonly onUnexpectedClose?: ((reason: string) => void) | undefined;
  /** Whether the target's resource updates reach a client through `events`; default `false`. */
  readonly resourceUpdates?: boolean | undefined;
}

/**
 * Makes the connections to one target: its outbound credential is decided once (so a token
 * provider's cache serves every session), every session shares the target's era verdict (only the
 * first connection probes it) and re-lists the target on `list_changed`.
 *
 * @param options - See {@link TargetConnectorOptions}.
 * @returns A function that opens a (lazily connecting) session.
 * @example
 * ```ts
 * const connect = createTargetConnector({ target, tokenProvider, clientInfo, jsonSchemaValidator, logger, refresh, era, paramHeaders });
 * const shared = connect({ capabilities: {} });
 * ```
 */
export function createTargetConnector(
  options: TargetConnectorOptions,
): (session: TargetSession) => UpstreamConnection {
  const { target, clientInfo, jsonSchemaValidator, logger, refresh, era, paramHeaders } = options;
  const authorization = createOutboundAuthorization(target, options.tokenProvider);
  return (session) =>
    new UpstreamConnection({
      target,
      authorization,
      clientInfo,
      jsonSchemaValidator,
      logger,
      era,
      paramHeaders,
      capabilities: session.capabilities,
      events: refreshOnListChanged(session.events, refresh),
      onUnexpectedClose: session.onUnexpectedClose,
      resourceUpdates: session.resourceUpdates,
    });
}
