import type { HttpTargetConfig } from '../../src/config/types.js';

/** A resolved http target with the defaults, for unit tests of the upstream layer. */
export function httpTarget(overrides: Partial<HttpTargetConfig> = {}): HttpTargetConfig {
  return {
    kind: 'http',
    name: 'alpha',
    prefix: 'alpha',
    tools: { allow: ['*'], deny: [] },
    timeoutMs: 30_000,
    url: 'http://127.0.0.1:1/mcp',
    transport: 'streamable-http',
    headers: {},
    forwardClientToken: false,
    oauth: undefined,
    protocol: 'auto',
    ...overrides,
  };
}
