import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * How a proxied request ended, as the `outcome` label: `tool_error` is a tools/call the target
 * answered with `isError: true` (the tool ran and failed), `rpc_error` a JSON-RPC error the target
 * answered.
 */
export type RequestOutcome =
  'ok' | 'tool_error' | 'rpc_error' | 'timeout' | 'unavailable' | 'failed' | 'cancelled';

/** The labels of one proxied request. `tool` is the upstream tool or prompt name, or `""`. */
export interface RequestLabels {
  readonly method: string;
  readonly target: string;
  readonly tool: string;
}

/** The gateway's Prometheus metrics, in a registry of its own (never the global one). */
export interface GatewayMetrics {
  /** Serve `await registry.metrics()` with `registry.contentType` on `GET /metrics`. */
  readonly registry: Registry;
  /** Counts one proxied request and observes its duration. */
  observeRequest(labels: RequestLabels, outcome: RequestOutcome, seconds: number): void;
  /** Sets whether a target is healthy (1) or not (0), its tool count and circuit state. */
  setTargetState(target: string, state: { up: boolean; tools: number; circuitOpen: boolean }): void;
}

/**
 * Creates the gateway's metrics, with the process metrics prom-client collects by default:
 * `mcp_gateway_requests_total{method,target,tool,outcome}`,
 * `mcp_gateway_request_errors_total{method,target,tool,outcome}`,
 * `mcp_gateway_request_duration_seconds{method,target,tool}` (histogram),
 * `mcp_gateway_target_up{target}`, `mcp_gateway_target_tools{target}`,
 * `mcp_gateway_target_circuit_open{target}`.
 */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'target', 'tool'] as const;
  const requests = new Counter({
    name: 'mcp_gateway_requests_total',
    help: 'MCP requests proxied to targets, by outcome',
    labelNames: [...labelNames, 'outcome'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'mcp_gateway_request_errors_total',
    help: 'Proxied MCP requests that did not end ok, by outcome',
    labelNames: [...labelNames, 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'mcp_gateway_request_duration_seconds',
    help: 'Time from receiving a proxied MCP request to answering it',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const up = new Gauge({
    name: 'mcp_gateway_target_up',
    help: '1 when the target answers, 0 when it does not',
    labelNames: ['target'],
    registers: [registry],
  });
  const tools = new Gauge({
    name: 'mcp_gateway_target_tools',
    help: 'Tools the target listed at its last discovery',
    labelNames: ['target'],
    registers: [registry],
  });
  const circuitOpen = new Gauge({
    name: 'mcp_gateway_target_circuit_open',
    help: '1 while the target circuit breaker is open (calls fail fast)',
    labelNames: ['target'],
    registers: [registry],
  });

  return {
    registry,
    observeRequest(labels, outcome, seconds) {
      requests.inc({ ...labels, outcome });
      if (outcome !== 'ok') errors.inc({ ...labels, outcome });
      duration.observe(labels, seconds);
    },
    setTargetState(target, state) {
      up.set({ target }, state.up ? 1 : 0);
      tools.set({ target }, state.tools);
      circuitOpen.set({ target }, state.circuitOpen ? 1 : 0);
    },
  };
}

/**
 * Starts timing one proxied request.
 *
 * @param metrics - The gateway's metrics.
 * @param labels - Method, target and tool of the request.
 * @returns Call it once with the outcome when the request ends; it records count and duration.
 * @example
 * ```ts
 * const finish = timeRequest(metrics, { method: 'tools/call', target: 'weather', tool: 'forecast' });
 * finish('ok');
 * ```
 */
export function timeRequest(
  metrics: GatewayMetrics,
  labels: RequestLabels,
): (outcome: RequestOutcome) => void {
  const started = performance.now();
  return (outcome) => metrics.observeRequest(labels, outcome, (performance.now() - started) / 1000);
}
