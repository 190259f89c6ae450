import { AgentCoreMcpError, MCP_MODERN_REVISION } from '@agentcore-mcp/core';
import type { VersionNegotiationOptions } from '@modelcontextprotocol/client';

/**
 * The first (and so far only) revision of the stateless MCP era: no `initialize` and no session;
 * every request carries its own `_meta` envelope and the `MCP-Protocol-Version`, `Mcp-Method` and
 * `Mcp-Name` headers (core's `MCP_MODERN_REVISION`; the MCP SDK exports only its envelope keys).
 *
 * @example
 * ```ts
 * const client = await connectAgentCore({ url, protocol: MODERN_PROTOCOL_VERSION });
 * ```
 */
export const MODERN_PROTOCOL_VERSION = MCP_MODERN_REVISION;

/**
 * Which MCP era `connectAgentCore` speaks:
 * - `'auto'`: `server/discover` first (MCP 2026-07-28), falling back to the 2025 `initialize`
 *   handshake when the answer is not a 2026 one (an older server);
 * - `'legacy'`: the 2025 `initialize` handshake and its session, as a 2025 client opens;
 * - `'2026-07-28'`: that revision or nothing: a server that does not offer it fails the connect.
 */
export type ProtocolMode = 'auto' | 'legacy' | typeof MODERN_PROTOCOL_VERSION;

const MODES: readonly ProtocolMode[] = ['auto', 'legacy', MODERN_PROTOCOL_VERSION];

/**
 * Whether a value is a {@link ProtocolMode}, e.g. a command-line flag.
 *
 * @param value - Anything.
 * @returns `true` for `'auto'`, `'legacy'` and `'2026-07-28'`.
 * @example
 * ```ts
 * isProtocolMode('2026-07-28'); // true
 * isProtocolMode('2025-11-25'); // false: pin the 2025 era with 'legacy'
 * ```
 */
export function isProtocolMode(value: unknown): value is ProtocolMode {
  return MODES.includes(value as ProtocolMode);
}

/**
 * The MCP SDK client's `versionNegotiation` option for a {@link ProtocolMode}.
 *
 * @param mode - The mode; `undefined` means `'auto'`.
 * @returns The SDK's option: `{ mode: 'auto' }`, `{ mode: 'legacy' }` or `{ mode: { pin } }`.
 * @throws {@link AgentCoreMcpError} `ERR_CONFIG_INVALID` for any other value.
 */
export function toVersionNegotiation(mode: unknown = 'auto'): VersionNegotiationOptions {
  if (!isProtocolMode(mode)) {
    throw new AgentCoreMcpError(
      'ERR_CONFIG_INVALID',
      `Invalid connectAgentCore options: protocol must be ${MODES.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(mode)}`,
    );
  }
  return { mode: mode === MODERN_PROTOCOL_VERSION ? { pin: mode } : mode };
}

/**
 * Whether a request speaks the 2026 era, read from its `MCP-Protocol-Version` header (the SDK
 * transport sets it from the request's `_meta` envelope; revisions are ISO dates, so they sort).
 *
 * @param headers - The request's headers.
 * @returns `true` for `2026-07-28` and later revisions.
 */
export function isModernRequest(headers: Headers): boolean {
  const version = headers.get('mcp-protocol-version');
  return version !== null && version >= MODERN_PROTOCOL_VERSION;
}
