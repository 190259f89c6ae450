import {
  Client,
  type ClientCapabilities,
  type Implementation,
  type jsonSchemaValidator,
  type Transport,
} from '@modelcontextprotocol/client';

import type { TargetConfig } from '../config/types.js';
import { GatewayError } from '../gatewayError.js';
import { describeUpstreamError } from './describeUpstreamError.js';
import type { TargetEra } from './targetEra.js';
import type { StderrTail } from './transport/stdio/stderrTail.js';
import { installUpstreamEvents, type UpstreamEvents } from './upstreamEvents.js';
import type { DownstreamCall } from './upstreamRequest.js';

/** What {@link createUpstreamClient} needs. */
export interface UpstreamClientOptions {
  /** The target's name, for messages. */
  readonly target: string;
  /** The name and version the gateway introduces itself with. */
  readonly clientInfo: Implementation;
  /** What this session declares (a stateful client's sampling, elicitation, roots; else none). */
  readonly capabilities: ClientCapabilities;
  /** Shared JSON Schema validator, so a client does not compile its own Ajv. */
  readonly jsonSchemaValidator: jsonSchemaValidator;
  /** The target's era verdict: how a client without a verdict negotiates. */
  readonly era: TargetEra;
  /** Where the target's messages go, if anywhere. */
  readonly events: UpstreamEvents | undefined;
  /** The downstream call a message of the target belongs to, when it can be told. */
  readonly soleCall: () => DownstreamCall | undefined;
}

/**
 * The SDK (v2) client of one upstream session, not yet connected: the target's era negotiation
 * (`auto`: `server/discover` with fallback to `initialize`; a pin; or plain 2025), manual multi
 * round-trips (`autoFulfill: false`: an `input_required` answer is handed back, never answered by
 * the gateway on its own), and the session's events installed.
 *
 * @param options - See {@link UpstreamClientOptions}.
 * @returns The client; connect it with the target's `prior` verdict.
 * @example
 * ```ts
 * const client = createUpstreamClient({ target: 'hr', clientInfo, capabilities: {}, jsonSchemaValidator, era, events, soleCall });
 * await client.connect(transport, { prior: era.prior, timeout: 30_000 });
 * ```
 */
export function createUpstreamClient(options: UpstreamClientOptions): Client {
  const { capabilities, era, events } = options;
  const negotiation = era.negotiation;
  const client = new Client(options.clientInfo, {
    capabilities,
    jsonSchemaValidator: options.jsonSchemaValidator,
    inputRequired: { autoFulfill: false },
    ...(negotiation === undefined ? {} : { versionNegotiation: negotiation }),
  });
  installUpstreamEvents(client, events ?? {}, {
    target: options.target,
    capabilities,
    soleCall: options.soleCall,
  });
  return client;
}

/**
 * Connects a new upstream client in the target's era: with the cached verdict when there is one
 * (`prior`: no round trip), else negotiating as the client was configured (`server/discover`
 * first for `auto`), and keeps the outcome as the target's verdict. On failure the verdict is
 * dropped (the next attempt probes again) and the client closed.
 *
 * @param client - A client from {@link createUpstreamClient}.
 * @param transport - Its transport, not yet started.
 * @param target - The target, its era verdict and (stdio) the child's stderr, for the message.
 * @throws {@link GatewayError} `ERR_TARGET_UNAVAILABLE` naming the target, where it is and why
 *   (with the child's last stderr line).
 * @example
 * ```ts
 * await connectUpstreamClient(client, transport, { config, era, stderr });
 * ```
 */
export async function connectUpstreamClient(
  client: Client,
  transport: Transport,
  target: { config: TargetConfig; era: TargetEra; stderr: StderrTail },
): Promise<void> {
  const { config, era } = target;
  try {
    await client.connect(transport, { timeout: config.timeoutMs, prior: era.prior });
    era.record(client);
  } catch (error) {
    era.forget();
    client.onclose = undefined;
    await client.close().catch(() => undefined);
    const where = config.kind === 'http' ? config.url : `"${config.command}"`;
    const lastLine = target.stderr.lastLine;
    const stderr = lastLine === undefined ? '' : `; its stderr says: ${lastLine}`;
    throw new GatewayError(
      'ERR_TARGET_UNAVAILABLE',
      `Cannot connect to target "${config.name}" (${where}): ${describeUpstreamError(error)}${stderr}`,
      { target: config.name, cause: error },
    );
  }
}
