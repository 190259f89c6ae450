import express, { type Express } from 'express';

/** Options for {@link createGatewayServiceApp}. */
export interface GatewayServiceOptions {
  /**
   * Clock in milliseconds since the epoch. It is read once, when the app is created, and `/ping`
   * reports that moment as `time_of_last_update` (the status never changes yet). Default: `Date.now`.
   */
  now?: () => number;
}

/** The body of `GET /ping`, in the shape the AgentCore SDKs use. */
export interface PingResponse {
  /** Always `Healthy` for now; `HealthyBusy` is reserved for long-running work. */
  status: 'Healthy' | 'HealthyBusy';
  /** Unix seconds of the last status change. */
  time_of_last_update: number;
}

// What `POST /mcp` answers until the gateway is implemented (-32000: implementation-defined server error).
const NOT_IMPLEMENTED_RPC_CODE = -32000;
const NOT_IMPLEMENTED_MESSAGE =
  'Gateway not implemented: no targets configured yet; the gateway lands in a later release of @agentcore-mcp/gateway-service';

/**
 * Creates the gateway service's express app, without listening. For now it only serves the health
 * check and an honest "not implemented" answer on the MCP endpoint:
 *
 * - `GET /ping` → 200 `{"status":"Healthy","time_of_last_update":<unix seconds>}`;
 * - `POST /mcp` → 503 with a JSON-RPC error (`id: null`, code -32000) saying it is not implemented.
 *
 * @param options - See {@link GatewayServiceOptions}.
 * @returns An express 5 app; the caller binds it (see `main.ts`).
 * @example
 * ```ts
 * const server = createGatewayServiceApp().listen(8000, '0.0.0.0');
 * ```
 */
export function createGatewayServiceApp(options: GatewayServiceOptions = {}): Express {
  const lastUpdate = Math.floor((options.now ?? Date.now)() / 1000);
  const app = express();
  app.disable('x-powered-by');

  app.get('/ping', (_req, res) => {
    const body: PingResponse = { status: 'Healthy', time_of_last_update: lastUpdate };
    res.status(200).json(body);
  });

  app.post('/mcp', (_req, res) => {
    res.status(503).json({
      jsonrpc: '2.0',
      id: null,
      error: { code: NOT_IMPLEMENTED_RPC_CODE, message: NOT_IMPLEMENTED_MESSAGE },
    });
  });

  return app;
}
