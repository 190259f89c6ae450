import type { TokenProvider } from '@agentcore-mcp/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import pino from 'pino';

import { createGateway, type Gateway, parseGatewayConfig } from '../../src/index.js';

/** A gateway listening on 127.0.0.1 for one test file. */
export interface ProxyGateway {
  readonly gateway: Gateway;
  /** Its MCP endpoint, `http://127.0.0.1:<port>/mcp`. */
  readonly url: string;
  /** Every line the gateway logged, parsed. */
  readonly lines: readonly Record<string, unknown>[];
  /** Closes every client opened with {@link ProxyGateway.connect}, then the gateway. */
  close(): Promise<void>;
  /** Connects a real MCP client; it is closed with the gateway. */
  connect(options?: ConnectOptions): Promise<Client>;
}

/** Options of {@link ProxyGateway.connect}. */
export interface ConnectOptions {
  capabilities?: ClientCapabilities;
  headers?: Record<string, string>;
}

/** Options of {@link startProxyGateway}. */
export interface StartProxyGatewayOptions {
  /** Where `${VAR}`s in the configuration are looked up; default none. */
  env?: Record<string, string>;
  tokenProviders?: Record<string, TokenProvider>;
}

/**
 * Parses a gateway configuration (as JSON would hold it), then creates the gateway on 127.0.0.1
 * with a free port and a silent logger that records its lines, and listens.
 */
export async function startProxyGateway(
  json: unknown,
  options: StartProxyGatewayOptions = {},
): Promise<ProxyGateway> {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'debug', base: undefined },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  const config = parseGatewayConfig(json, { env: options.env ?? {} });
  const gateway = createGateway(config, {
    logger,
    host: '127.0.0.1',
    port: 0,
    ...(options.tokenProviders ? { tokenProviders: options.tokenProviders } : {}),
  });
  const clients: Client[] = [];
  const { url } = await gateway.listen();
  return {
    gateway,
    url,
    lines,
    close: async () => {
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
      await gateway.close();
    },
    connect: async (connectOptions = {}) => {
      const client = new Client(
        { name: 'gateway-proxy-tests', version: '1.0.0' },
        { capabilities: connectOptions.capabilities ?? {} },
      );
      await client.connect(
        new StreamableHTTPClientTransport(new URL(url), {
          requestInit: { headers: connectOptions.headers ?? {} },
        }),
      );
      clients.push(client);
      return client;
    },
  };
}
