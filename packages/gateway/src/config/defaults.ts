/**
 * Every default of the gateway configuration, in one place. `parseGatewayConfig` applies them; the
 * README's Configuration section lists the same values.
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
  },
  gateway: {
    host: '0.0.0.0',
    port: 8000,
    path: '/mcp',
    mode: 'stateless',
    toolNamePrefix: 'always',
    healthCheck: { intervalMs: 15_000, failureThreshold: 3, cooldownMs: 30_000 },
    discovery: { refreshIntervalMs: 300_000, hideUnhealthy: true },
  },
} as const;
