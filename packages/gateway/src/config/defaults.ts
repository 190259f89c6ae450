/**
 * Every default of the gateway configuration, in one place. `parseGatewayConfig` applies them; the
 * README's Configuration section lists the same values.
 *
 * The listen address depends on inbound auth: without `gateway.auth` the gateway only listens on
 * loopback (`host`), so a one-command start never puts its targets' tools on the network; with
 * `gateway.auth` every request needs a valid bearer token and it listens on every interface
 * (`authenticatedHost`). An explicit `gateway.host` (or env `HOST` in the service) wins either way.
 *
 * @example
 * ```ts
 * GATEWAY_CONFIG_DEFAULTS.gateway.port; // 8000
 * ```
 */
export const GATEWAY_CONFIG_DEFAULTS = {
  target: {
    timeoutMs: 30_000,
    forwardClientToken: false,
    transport: 'streamable-http',
    tools: { allow: ['*'], deny: [] },
    /** The protocol era per kind of target: only Streamable HTTP targets are probed by default. */
    protocol: { 'streamable-http': 'auto', sse: 'legacy', stdio: 'legacy' },
  },
  gateway: {
    /** The listen address when no `gateway.auth` is configured: loopback only. */
    host: '127.0.0.1',
    /** The listen address when `gateway.auth` is configured: every interface. */
    authenticatedHost: '0.0.0.0',
    port: 8000,
    path: '/mcp',
    mode: 'stateless',
    toolNamePrefix: 'always',
    healthCheck: { intervalMs: 15_000, failureThreshold: 3, cooldownMs: 30_000 },
    discovery: {
      refreshIntervalMs: 300_000,
      hideUnhealthy: true,
      startupWaitMs: 10_000,
      busyWhileStarting: true,
    },
  },
} as const;
