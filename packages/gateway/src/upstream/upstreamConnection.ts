import type { TokenProvider } from '@agentcore-mcp/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { RequestOptions } from '@modelcontextprotocol/sdk/shared/protocol.js';
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
import { createUpstreamTransport } from './createUpstreamTransport.js';
import { describeUpstreamError, isSessionExpired } from './describeUpstreamError.js';
import { InFlightCalls } from './inFlightCalls.js';

/** How many stderr lines of a stdio target are kept for error messages and `/status`. */
const STDERR_LINES_KEPT = 20;

/** Options of {@link UpstreamConnection}. */
export interface UpstreamConnectionOptions {
  target: TargetConfig;
  /** The outbound credential of an http target; see `createOutboundFetch`. */
  tokenProvider: TokenProvider | undefined;
  /** The name and version the gateway introduces itself with. */
  clientInfo: Implementation;
  /** The client capabilities declared upstream (sampling, elicitation, roots in stateful mode). */
  capabilities: ClientCapabilities;
  /** Shared JSON Schema validator, so a connection does not compile its own Ajv. */
  jsonSchemaValidator: jsonSchemaValidator;
  logger: Logger;
  /** Installs notification and request handlers on every new SDK client, before it connects. */
  setup?: (client: Client) => void;
  /** Called when a live connection ends without `close()`: a stdio child exited, for one. */
  onUnexpectedClose?: (reason: string) => void;
}

/**
 * One MCP session with one target, kept open and reused by every request: the SDK client and its
 * transport (an HTTP session or a child process). It connects on first use; when an HTTP target
 * answers 404 (it forgot the session, e.g. after a restart) it re-initializes and retries once.
 */
export class UpstreamConnection {
  private client: Client | undefined;
  private connecting: Promise<Client> | undefined;
  /** The client whose `initialize` is under way, so `close()` can abort it. */
  private opening: Client | undefined;
  private closed = false;
  private readonly stderr: string[] = [];
  private readonly options: UpstreamConnectionOptions;

  /** The downstream calls being forwarded on this session, to route the target's notifications. */
  readonly inFlight = new InFlightCalls();

  /** @param options - See {@link UpstreamConnectionOptions}. */
  constructor(options: UpstreamConnectionOptions) {
    this.options = options;
  }

  /** Whether a session is open right now. */
  get isConnected(): boolean {
    return this.client !== undefined;
  }

  /** What the target declared in `initialize`, once connected. */
  get serverCapabilities(): ServerCapabilities | undefined {
    return this.client?.getServerCapabilities();
  }

  /** The target's name and version from `initialize`, once connected. */
  get serverInfo(): Implementation | undefined {
    return this.client?.getServerVersion();
  }

  /** The last lines a stdio target wrote to stderr (never more than 20). */
  get stderrTail(): readonly string[] {
    return this.stderr;
  }

  /**
   * Opens the session if it is not open (concurrent callers share one attempt).
   *
   * @throws {@link GatewayError} `ERR_TARGET_UNAVAILABLE` when the target cannot be reached or
   *   its `initialize` fails or times out.
   */
  async connect(): Promise<Client> {
    if (this.client) return this.client;
    this.connecting ??= this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  /**
   * Sends one request on the open session (opening it first if needed). A 404 from an http target
   * re-initializes the session and sends the request once more: the target never processed it.
   */
  async request<T extends z.ZodType>(
    request: ClientRequest,
    schema: T,
    options: RequestOptions,
  ): Promise<z.output<T>> {
    const client = await this.connect();
    try {
      return await client.request(request, schema, options);
    } catch (error) {
      if (!isSessionExpired(error) || options.signal?.aborted) throw error;
      this.options.logger.info(
        { target: this.options.target.name },
        'upstream session expired (HTTP 404); re-initializing',
      );
      this.forget(client);
      const fresh = await this.connect();
      return await fresh.request(request, schema, options);
    }
  }

  /** Sends a notification on the open session, if there is one; never opens one. */
  async notify(notification: Parameters<Client['notification']>[0]): Promise<void> {
    await this.client?.notification(notification);
  }

  /** Ends the session (terminating the child process of a stdio target); later calls fail. */
  async close(): Promise<void> {
    this.closed = true;
    // A target that never answers `initialize` must not hold shutdown for its whole timeout.
    await this.opening?.close().catch(() => undefined);
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.close();
  }

  /** Drops the session without `onUnexpectedClose`, so the next request opens a new one. */
  reset(): void {
    if (this.client) this.forget(this.client);
  }

  private forget(client: Client): void {
    if (this.client === client) this.client = undefined;
    client.onclose = undefined;
    void client.close().catch(() => undefined);
  }

  private async open(): Promise<Client> {
    const { target, logger } = this.options;
    const transport = createUpstreamTransport(target, this.options.tokenProvider);
    const client = new Client(this.options.clientInfo, {
      capabilities: this.options.capabilities,
      jsonSchemaValidator: this.options.jsonSchemaValidator,
    });
    this.options.setup?.(client);
    client.onerror = (error) => {
      logger.debug({ target: target.name, err: describeUpstreamError(error) }, 'upstream error');
    };
    client.onclose = () => {
      if (this.client !== client) return;
      this.client = undefined;
      if (this.closed) return;
      const lastLine = this.stderr.at(-1);
      this.options.onUnexpectedClose?.(
        lastLine === undefined ? 'connection closed' : `connection closed; stderr: ${lastLine}`,
      );
    };
    if (transport instanceof StdioClientTransport) this.captureStderr(transport);
    this.opening = client;
    try {
      await client.connect(transport, { timeout: target.timeoutMs });
    } catch (error) {
      client.onclose = undefined;
      await client.close().catch(() => undefined);
      throw new GatewayError('ERR_TARGET_UNAVAILABLE', this.describeConnectFailure(error), {
        target: target.name,
        cause: error,
      });
    } finally {
      this.opening = undefined;
    }
    if (this.closed) {
      await client.close();
      throw new GatewayError('ERR_TARGET_UNAVAILABLE', `Target "${target.name}" is shut down`, {
        target: target.name,
      });
    }
    this.client = client;
    return client;
  }

  private describeConnectFailure(error: unknown): string {
    const { target } = this.options;
    const where = target.kind === 'http' ? target.url : `"${target.command}"`;
    const lastLine = this.stderr.at(-1);
    const stderr = lastLine === undefined ? '' : `; its stderr says: ${lastLine}`;
    return `Cannot connect to target "${target.name}" (${where}): ${describeUpstreamError(error)}${stderr}`;
  }

  private captureStderr(transport: StdioClientTransport): void {
    const { target, logger } = this.options;
    let partial = '';
    transport.stderr?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const trimmed = line.trimEnd();
        if (trimmed === '') continue;
        this.stderr.push(trimmed.length > 500 ? `${trimmed.slice(0, 497)}...` : trimmed);
        if (this.stderr.length > STDERR_LINES_KEPT) this.stderr.shift();
        logger.debug({ target: target.name, stderr: trimmed }, 'target stderr');
      }
    });
  }
}
