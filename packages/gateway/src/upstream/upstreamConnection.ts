import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type {
  ClientCapabilities,
  ClientRequest,
  Implementation,
  ServerCapabilities,
} from '@modelcontextprotocol/sdk/types.js';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import type { Logger } from 'pino';
import type { z } from 'zod';

import type { TargetConfig } from '../config/types.js';
import { GatewayError } from '../gatewayError.js';
import { describeUpstreamError, isSessionExpired } from './describeUpstreamError.js';
import { InFlightCalls } from './inFlightCalls.js';
import { createUpstreamTransport } from './transport/createUpstreamTransport.js';
import type { OutboundAuthorization } from './transport/outboundAuthorization.js';
import { StderrTail } from './transport/stdio/stderrTail.js';
import { UpstreamRequests } from './transport/upstreamRequests.js';
import { installUpstreamEvents, type UpstreamEvents } from './upstreamEvents.js';
import type { UpstreamRequest } from './upstreamRequest.js';

/** Options of {@link UpstreamConnection}. */
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
  /** Where the target's notifications and requests go; default: nowhere. */
  readonly events?: UpstreamEvents | undefined;
  /** Called when a live connection ends without `close()`: a stdio child exited, for one. */
  readonly onUnexpectedClose?: ((reason: string) => void) | undefined;
}

/**
 * One MCP session with one target, kept open and reused by every request: the SDK client and its
 * transport (an HTTP session or a child process). It connects on first use; when an HTTP target
 * answers 404 (it forgot the session, e.g. after a restart) it re-initializes and retries once.
 * Each request's {@link UpstreamRequest} travels with it down to the transport, and the target's
 * own messages go to `events`.
 */
export class UpstreamConnection {
  readonly #options: UpstreamConnectionOptions;
  readonly #requests = new UpstreamRequests();
  readonly #inFlight = new InFlightCalls();
  readonly #stderr: StderrTail;
  #client: Client | undefined;
  #connecting: Promise<Client> | undefined;
  /** The client whose `initialize` is under way, so `close()` can abort it. */
  #opening: Client | undefined;
  #closed = false;

  /** @param options - See {@link UpstreamConnectionOptions}. */
  constructor(options: UpstreamConnectionOptions) {
    this.#options = options;
    const { target, logger } = options;
    this.#stderr = new StderrTail((line) =>
      logger.debug({ target: target.name, stderr: line }, 'target stderr'),
    );
  }

  /** Whether a session is open right now. */
  get isConnected(): boolean {
    return this.#client !== undefined;
  }

  /** What the target declared in `initialize`, once connected. */
  get serverCapabilities(): ServerCapabilities | undefined {
    return this.#client?.getServerCapabilities();
  }

  /** The target's name and version from `initialize`, once connected. */
  get serverInfo(): Implementation | undefined {
    return this.#client?.getServerVersion();
  }

  /**
   * Opens the session if it is not open (concurrent callers share one attempt).
   *
   * @throws {@link GatewayError} `ERR_TARGET_UNAVAILABLE` when the target cannot be reached or
   *   its `initialize` fails or times out.
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
   * `timeoutMs` (reset by each progress notification). A 404 from an http target re-initializes
   * the session and sends the request once more: the target never processed it.
   *
   * @param message - The JSON-RPC method and params, as the target should receive them.
   * @param schema - Validates the result.
   * @param request - The caller's token, signal, call and progress handler; default none.
   * @returns The validated result.
   */
  async request<T extends z.ZodType>(
    message: ClientRequest,
    schema: T,
    request: UpstreamRequest = {},
  ): Promise<z.output<T>> {
    return this.#inFlight.around(request.caller, async () => {
      const client = await this.connect();
      try {
        return await this.#send(client, message, { schema, request });
      } catch (error) {
        if (!isSessionExpired(error) || request.signal?.aborted) throw error;
        this.#options.logger.info(
          { target: this.#options.target.name },
          'upstream session expired (HTTP 404); re-initializing',
        );
        this.#forget(client);
        return await this.#send(await this.connect(), message, { schema, request });
      }
    });
  }

  /** Ends the session (terminating the child process of a stdio target); later calls fail. */
  async close(): Promise<void> {
    this.#closed = true;
    // A target that never answers `initialize` must not hold shutdown for its whole timeout.
    await this.#opening?.close().catch(() => undefined);
    const client = this.#client ?? (await this.#connecting?.catch(() => undefined));
    this.#client = undefined;
    await client?.close();
  }

  async #send<T extends z.ZodType>(
    client: Client,
    message: ClientRequest,
    { schema, request }: { schema: T; request: UpstreamRequest },
  ): Promise<z.output<T>> {
    const open = this.#requests.open(request);
    try {
      return await client.request(message, schema, {
        relatedRequestId: open.id,
        timeout: this.#options.target.timeoutMs,
        ...(request.signal ? { signal: request.signal } : {}),
        ...(request.onProgress
          ? { onprogress: request.onProgress, resetTimeoutOnProgress: true }
          : {}),
      });
    } finally {
      open.close();
    }
  }

  #forget(client: Client): void {
    if (this.#client === client) this.#client = undefined;
    client.onclose = undefined;
    void client.close().catch(() => undefined);
  }

  async #open(): Promise<Client> {
    const { target, logger, capabilities } = this.#options;
    const transport = createUpstreamTransport(target, {
      authorization: this.#options.authorization,
      requests: this.#requests,
      stderr: this.#stderr,
    });
    const client = new Client(this.#options.clientInfo, {
      capabilities,
      jsonSchemaValidator: this.#options.jsonSchemaValidator,
    });
    if (this.#options.events) {
      installUpstreamEvents(client, this.#options.events, {
        capabilities,
        soleCall: () => this.#inFlight.sole(),
      });
    }
    client.onerror = (error) => {
      logger.debug({ target: target.name, err: describeUpstreamError(error) }, 'upstream error');
    };
    client.onclose = () => {
      if (this.#client !== client) return;
      this.#client = undefined;
      if (this.#closed) return;
      const lastLine = this.#stderr.lastLine;
      this.#options.onUnexpectedClose?.(
        lastLine === undefined ? 'connection closed' : `connection closed; stderr: ${lastLine}`,
      );
    };
    this.#opening = client;
    try {
      await client.connect(transport, { timeout: target.timeoutMs });
    } catch (error) {
      client.onclose = undefined;
      await client.close().catch(() => undefined);
      throw new GatewayError('ERR_TARGET_UNAVAILABLE', this.#describeConnectFailure(error), {
        target: target.name,
        cause: error,
      });
    } finally {
      this.#opening = undefined;
    }
    if (this.#closed) {
      await client.close();
      throw new GatewayError('ERR_TARGET_UNAVAILABLE', `Target "${target.name}" is shut down`, {
        target: target.name,
      });
    }
    this.#client = client;
    return client;
  }

  #describeConnectFailure(error: unknown): string {
    const { target } = this.#options;
    const where = target.kind === 'http' ? target.url : `"${target.command}"`;
    const lastLine = this.#stderr.lastLine;
    const stderr = lastLine === undefined ? '' : `; its stderr says: ${lastLine}`;
    return `Cannot connect to target "${target.name}" (${where}): ${describeUpstreamError(error)}${stderr}`;
  }
}
