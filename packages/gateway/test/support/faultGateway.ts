import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';
import pino from 'pino';

import {
  createGateway,
  type Gateway,
  type GatewayStatus,
  parseGatewayConfig,
} from '../../src/index.js';

/** A gateway listening on 127.0.0.1, with shortcuts for its HTTP routes. */
export interface FaultGateway {
  readonly gateway: Gateway;
  /** Its MCP endpoint, `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Connects a real MCP client (closed by {@link FaultGateway.close}); `fetch` replaces fetch. */
  connect(fetch?: FetchLike): Promise<Client>;
  /** `GET /status`, parsed. */
  status(): Promise<GatewayStatus>;
  /** `GET <path>`: status code and body text. */
  get(path: string): Promise<{ status: number; text: string }>;
  /** Closes its clients, then the gateway (which ends every target connection). */
  close(): Promise<void>;
}

/**
 * Parses a configuration as JSON would hold it, creates the gateway on 127.0.0.1 with a free port
 * and a silent logger, and listens.
 */
export async function startFaultGateway(json: unknown): Promise<FaultGateway> {
  const gateway = createGateway(parseGatewayConfig(json, { env: {} }), {
    logger: pino({ level: 'silent' }),
    host: '127.0.0.1',
    port: 0,
  });
  const { url } = await gateway.listen();
  const origin = new URL(url).origin;
  const clients: Client[] = [];
  const get = async (path: string) => {
    const response = await fetch(`${origin}${path}`);
    return { status: response.status, text: await response.text() };
  };
  return {
    gateway,
    url,
    origin,
    connect: async (fetch) => {
      const client = new Client({ name: 'gateway-fault-tests', version: '1.0.0' });
      await client.connect(new StreamableHTTPClientTransport(new URL(url), fetch ? { fetch } : {}));
      clients.push(client);
      return client;
    },
    status: async () => JSON.parse((await get('/status')).text) as GatewayStatus,
    get,
    close: async () => {
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
      await gateway.close();
    },
  };
}
