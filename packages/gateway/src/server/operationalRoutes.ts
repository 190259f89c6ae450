import type { Express } from 'express';

import type { GatewayStatus } from '../gatewayStatus.js';
import type { GatewayMetrics } from '../observability/gatewayMetrics.js';

/**
 * Mounts `GET /status` (the gateway's and every target's status; 503 until it listens) and
 * `GET /metrics` (Prometheus text) on the gateway's express app.
 *
 * @param app - The gateway's express app.
 * @param parts - Where the status and the metrics come from.
 * @example
 * ```ts
 * createMcpHttpServer({ ...options, routes: (app) => mountOperationalRoutes(app, { status, metrics }) });
 * ```
 */
export function mountOperationalRoutes(
  app: Express,
  parts: { status: () => GatewayStatus; metrics: GatewayMetrics },
): void {
  app.get('/status', (_req, res) => {
    const status = parts.status();
    res.status(status.status === 'running' ? 200 : 503).json(status);
  });
  app.get('/metrics', async (_req, res) => {
    res.type(parts.metrics.registry.contentType).send(await parts.metrics.registry.metrics());
  });
}
