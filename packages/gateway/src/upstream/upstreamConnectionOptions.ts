import type {
  ClientCapabilities,
  Implementation,
  jsonSchemaValidator,
} from '@modelcontextprotocol/client';
import type { Logger } from 'pino';

import type { TargetConfig } from '../config/types.js';
import type { TargetEra } from './targetEra.js';
import type { ToolParamHeaders } from './toolParamHeaders.js';
import type { OutboundAuthorization } from './transport/outboundAuthorization.js';
import type { UpstreamEvents } from './upstreamEvents.js';

/** Options of `UpstreamConnection`. */
export interface UpstreamConnectionOptions {
  readonly target: TargetConfig;
  /** The target's outbound credential (`createOutboundAuthorization`), or `undefined` for none. */
  readonly authorization: OutboundAuthorization | undefined;
  /** The name and version the gateway introduces itself with. */
  readonly clientInfo: Implementation;
  /** The client capabilities declared upstream (sampling, elicitation, roots in stateful mode). */
  readonly capabilities: ClientCapabilities;
  /** Shared JSON Schema validator, so a connection does not compile its own Ajv. */
  readonly jsonSchemaValidator: jsonSchemaValidator;
  readonly logger: Logger;
  /** The target's protocol era verdict, shared by every connection to it. */
  readonly era: TargetEra;
  /** The target's `Mcp-Param-*` headers per tool (MCP 2026-07-28), shared likewise. */
  readonly paramHeaders: ToolParamHeaders;
  /** Where the target's notifications and requests go; default: nowhere. */
  readonly events?: UpstreamEvents | undefined;
  /** Called when a live connection ends without `close()`: a stdio child exited, for one. */
  readonly onUnexpectedClose?: ((reason: string) => void) | undefined;
  /**
   * Whether resource updates reach a client through `events` (a stateful client's own session):
   * then a `resources/subscribe` to a 2026-07-28 target opens a `subscriptions/listen` stream for
   * the URI. Otherwise (the shared session) it is accepted and nothing is delivered, as on 2025.
   * Default `false`.
   */
  readonly resourceUpdates?: boolean | undefined;
}
