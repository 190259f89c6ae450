/**
 * The client identity sent when `clientInfo` is not given: in `initialize` (2025) or in each
 * request's `_meta` (2026-07-28).
 */
export const DEFAULT_CLIENT_INFO = { name: 'agentcore-mcp-client', version: '0.1.0' } as const;
