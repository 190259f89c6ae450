import {
  type Client,
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  type ClientRequest,
  type DiscoverResult,
  type Implementation,
  type McpSubscription,
  PROTOCOL_VERSION_META_KEY,
  type ServerCapabilities,
  type StandardSchemaV1,
  type SubscriptionFilter,
  type Transport,
} from '@modelcontextprotocol/client';

import type { TargetConfig } from '../config/types.js';
import { GatewayError } from '../gatewayError.js';
import { connectUpstreamClient, createUpstreamClient } from './createUpstreamClient.js';
import { describeUpstreamError, isEraStale, isSessionExpired } from './describeUpstreamError.js';
import { DirectRequests } from './directRequests.js';
import { InFlightCalls } from './inFlightCalls.js';
import { ResourceSubscriptions } from './resourceSubscriptions.js';
import { sendOnSession, type SessionContext } from './sendOnSession.js';
import type { UpstreamEra } from './targetEra.js';
import { createUpstreamTransport } from './transport/createUpstreamTransport.js';
import { StderrTail } from './transport/stdio/stderrTail.js';
import { UpstreamRequests } from './transport/upstreamRequests.js';
import type { UpstreamConnectionOptions } from './upstreamConnectionOptions.js';
import type { UpstreamRequest } from './upstreamRequest.js';

/**
 * One MCP session with one target, kept open and reused by every request: the SDK client and its
 * transport (an HTTP connection pool or a child process), in the target's protocol era. It
 * connects on first use, with the target's cached era verdict when there is one. When the target
 * forgot the session (HTTP 404 on 2025) or no longer understands 2026-07-28 (a 400/404/405 that is
 * no JSON-RPC answer), the verdict is dropped, the session re-opened (probing the era again) and
 * the request sent once more: the target never processed it. Each request's
 * {@link UpstreamRequest} travels with it down to the transport, and the target's own messages go
 * to `events`.
 */
export class UpstreamConnection {
  readonly #options: UpstreamConnectionOptions;
  readonly #requests = new UpstreamRequests();
  readonly #inFlight = new InFlightCalls();
  readonly #stderr: StderrTail;
  readonly #subscriptions = new ResourceSubscriptions((filter) => this.listen(filter));
  #client: Client | undefined;
  /** Each open client's direct lane (see {@link DirectRequests}). */
  readonly #direct = new WeakMap<Client, DirectRequests>();
  #connecting: Promise<Client> | undefined;
  /** The client whose handshake is under way, and its transport, so `close()` can abort it. */
  #opening: { client: Client; transport: Transport } | undefined;
  #closed = false;
  readonly #session: SessionContext;

  /** @param options - See {@link UpstreamConnectionOptions}. */
  constructor(options: UpstreamConnectionOptions) {
    this.#options = options;
    const { target, logger } = options;
    this.#stderr = new StderrTail((line) =>
      logger.debug({ target: target.name, stderr: line }, 'target stderr'),
    );
    this.#session = {
      target,
      requests: this.#requests,
      paramHeaders: options.paramHeaders,
      relay: options.events?.request,
      subscribe: (message) => this.#subscribe(message),
    };
  }

  /** Whether a session is open right now. */
  get isConnected(): boolean {
    return this.#client !== undefined;
  }

  /** How the target is reached: `http` (Streamable HTTP or SSE) or `stdio`. */
  get transportKind(): TargetConfig['kind'] {
    return this.#options.target.kind;
  }

  /** The era the open session speaks, once connected. */
  get era(): UpstreamEra | undefined {
    return this.#client?.getProtocolEra();
  }

  /** What the target declared (`initialize` or `server/discover`), once connected. */
  get serverCapabilities(): ServerCapabilities | undefined {
    return this.#client?.getServerCapabilities();
  }

  /** The target's name and version, once connected (a 2026-07-28 target may not say). */
  get serverInfo(): Implementation | undefined {
    return this.#client?.getServerVersion();
  }

  /**
   * Opens the session if it is not open (concurrent callers share one attempt).
   *
   * @returns The connected SDK client.
   * @throws {@link GatewayError} `ERR_TARGET_UNAVAILABLE` when the target cannot be reached or its
   *   era negotiation or `initialize` fails or times out.
   */
  async connect(): Promise<Client> {
    if (this.#client) return this.#client;
    this.#connecting ??= this.#open().finally(() => {
      this.#connecting = undefined;
    });
    return this.#connecting;
  }

  /**
   * Sends one request on the session (opening it first if needed), within the target's
   * `timeoutMs` (reset by each progress notification). See the class description for the one
   * resend after a forgotten session or a stale era.
   *
   * @param message - The JSON-RPC method and params, as the target should receive them.
   * @param schema - Validates a complete result; `undefined` for the SDK's own validation.
   * @param request - The caller's token, signal, call and progress handler; default none.
   * @returns The result (or, for a 2026-07-28 client, the target's `input_required` answer).
   */
  async request<T extends StandardSchemaV1>(
    message: ClientRequest,
    schema: T | undefined,
    request: UpstreamRequest = {},
  ): Promise<StandardSchemaV1.InferOutput<T>> {
    return this.#inFlight.around(request.caller, async () => {
      const client = await this.connect();
      try {
        const direct = this.#direct.get(client);
        return await sendOnSession(client, { message, schema, request, direct }, this.#session);
      } catch (error) {
        if (!this.#isStale(client, error) || request.signal?.aborted) throw error;
        this.#options.logger.info(
          { target: this.#options.target.name, err: describeUpstreamError(error) },
          'upstream session expired or its protocol era changed; reconnecting',
        );
        this.#options.era.forget();
        this.#forget(client);
        const reopened = await this.connect();
        const direct = this.#direct.get(reopened);
        return await sendOnSession(reopened, { message, schema, request, direct }, this.#session);
      }
    });
  }

  /**
   * The health check, through {@link request} (so a forgotten session is re-opened): `ping` on a
   * 2025 session; on a 2026-07-28 one, which has no `ping`, `server/discover`, whose answer also
   * refreshes the target's era verdict.
   */
  async ping(): Promise<void> {
    const client = await this.connect();
    if (client.getProtocolEra() !== 'modern') {
      await this.request({ method: 'ping' }, undefined);
      return;
    }
    const discover = await this.request({ method: 'server/discover' }, undefined);
    this.#options.era.recordDiscover(discover as DiscoverResult);
  }

  /**
   * Opens a `subscriptions/listen` stream on a 2026-07-28 session: the target's list changes then
   * reach `events` as on a 2025 session.
   *
   * @param filter - Which notifications to receive.
   * @returns The subscription.
   */
  async listen(filter: SubscriptionFilter): Promise<McpSubscription> {
    const client = await this.connect();
    return client.listen(filter, { timeout: this.#options.target.timeoutMs });
  }

  /** Ends the session (terminating the child process of a stdio target); later calls fail. */
  async close(): Promise<void> {
    this.#closed = true;
    // Ended by the client's close below (its listen stream, its notifications), so not awaited yet.
    const unsubscribing = this.#subscriptions.close();
    // A target that never answers its handshake must not hold shutdown for its whole timeout. (The
    // transport too: during the era probe the client does not own it yet.)
    await this.#opening?.client.close().catch(() => undefined);
    await this.#opening?.transport.close().catch(() => undefined);
    const client = this.#client ?? (await this.#connecting?.catch(() => undefined));
    this.#client = undefined;
    await client?.close();
    await unsubscribing;
  }

  /** A 2025 session's (un)subscription, carried to a 2026-07-28 target; see the option. */
  async #subscribe(message: ClientRequest): Promise<Record<string, never>> {
    if (this.#options.resourceUpdates !== true) return {};
    const { uri } = message.params as { uri: string };
    if (message.method === 'resources/subscribe') await this.#subscriptions.subscribe(uri);
    else await this.#subscriptions.unsubscribe(uri);
    return {};
  }

  /**
   * The `_meta` envelope the SDK client sends with each request of a 2026-07-28 session, for the
   * direct lane; `undefined` on 2025.
   */
  #envelopeOf(client: Client): Record<string, unknown> | undefined {
    if (client.getProtocolEra() !== 'modern') return undefined;
    return {
      [PROTOCOL_VERSION_META_KEY]: client.getNegotiatedProtocolVersion(),
      [CLIENT_INFO_META_KEY]: this.#options.clientInfo,
      [CLIENT_CAPABILITIES_META_KEY]: this.#options.capabilities,
    };
  }

  /** Whether a failed request says the session is gone or the target's era changed. */
  #isStale(client: Client, error: unknown): boolean {
    return client.getProtocolEra() === 'modern' ? isEraStale(error) : isSessionExpired(error);
  }

  #forget(client: Client): void {
    if (this.#client === client) this.#client = undefined;
    client.onclose = undefined;
    void client.close().catch(() => undefined);
  }

  async #open(): Promise<Client> {
    const { target, era } = this.#options;
    const transport = createUpstreamTransport(target, {
      authorization: this.#options.authorization,
      requests: this.#requests,
      stderr: this.#stderr,
    });
    const client = createUpstreamClient({
      target: target.name,
      clientInfo: this.#options.clientInfo,
      capabilities: this.#options.capabilities,
      jsonSchemaValidator: this.#options.jsonSchemaValidator,
      era,
      events: this.#options.events,
      soleCall: () => this.#inFlight.sole(),
    });
    client.onerror = (error) => {
      this.#options.logger.debug(
        { target: target.name, err: describeUpstreamError(error) },
        'upstream error',
      );
    };
    client.onclose = () => {
      if (this.#client !== client) return;
      this.#client = undefined;
      if (this.#closed) return;
      era.forget();
      const lastLine = this.#stderr.lastLine;
      this.#options.onUnexpectedClose?.(
        lastLine === undefined ? 'connection closed' : `connection closed; stderr: ${lastLine}`,
      );
    };
    this.#opening = { client, transport };
    try {
      await connectUpstreamClient(client, transport, { config: target, era, stderr: this.#stderr });
    } finally {
      this.#opening = undefined;
    }
    if (this.#closed) {
      await client.close();
      throw new GatewayError('ERR_TARGET_UNAVAILABLE', `Target "${target.name}" is shut down`, {
        target: target.name,
      });
    }
    this.#direct.set(client, new DirectRequests({ transport, envelope: this.#envelopeOf(client) }));
    this.#client = client;
    return client;
  }
}
