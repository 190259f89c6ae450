import { isIPv4, isIPv6 } from 'node:net';

import type { TargetConfig } from '../config/types.js';

/** How to add inbound auth, the end of every "authentication is off" warning the gateway logs. */
export const AUTH_HINT =
  'set gateway.auth.customJWTAuthorizer in the gateway configuration to require bearer tokens (`agentcore-mcp setup-cognito`, then `agentcore-mcp gateway setup`, writes one)';

/** How many target names the warning lists before `and N more`. */
const LISTED_TARGETS = 5;

/** Where the gateway is about to listen and what it serves there: the input of the bind rule. */
export interface GatewayExposure {
  /** The address to bind (the `host` override, else `gateway.host`). */
  host: string;
  /** The port to bind; `0` means a free port chosen at start. */
  port: number;
  /** Whether inbound auth (`gateway.auth`) is configured. */
  auth: boolean;
  /** The enabled targets, whose tools the endpoint serves. */
  targets: readonly Pick<TargetConfig, 'name' | 'kind'>[];
}

/**
 * Whether a listen address only accepts connections from this machine: `localhost` (and
 * `*.localhost`), `127.0.0.0/8`, `::1` and IPv4-mapped `::ffff:127.x.x.x`. Anything else, including
 * `0.0.0.0`, `::` and every host name, counts as reachable from the network.
 *
 * @internal Not part of the public API.
 * @param host - The address as configured, e.g. `127.0.0.1`, `[::1]` or `0.0.0.0`.
 * @returns `true` for a loopback-only address.
 * @example
 * ```ts
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('0.0.0.0'); // false
 * ```
 */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIPv4(name)) return name.startsWith('127.');
  if (!isIPv6(name)) return false;
  // The URL parser writes every IPv6 form canonically (`0:0::1` → `::1`, mapped IPv4 in hex).
  const canonical = new URL(`http://[${name}]/`).hostname;
  return canonical === '[::1]' || /^\[::ffff:7f[\da-f]{2}:[\da-f]{1,4}\]$/.test(canonical);
}

/**
 * The bind rule's warning: what an unauthenticated, non-loopback bind exposes (the address, the
 * number and names of the targets, how many run local commands) and how to close it. The gateway
 * hands it to server-kit as the `authHint` of its one "authentication is off" warning line.
 *
 * @internal Not part of the public API.
 * @param exposure - The address, whether auth is on, and the targets.
 * @returns The warning text, or `undefined` when there is nothing to warn about beyond the plain
 *   hint: inbound auth is on, or the address is loopback only (see {@link isLoopbackHost}).
 * @example
 * ```ts
 * describeOpenBind({ host: '0.0.0.0', port: 8000, auth: false, targets: [{ name: 'files', kind: 'stdio' }] });
 * // '0.0.0.0:8000 is reachable from the network, so anyone there can call every tool of 1 target (files; 1 runs a local command over stdio): set gateway.auth…'
 * ```
 */
export function describeOpenBind(exposure: GatewayExposure): string | undefined {
  if (exposure.auth || isLoopbackHost(exposure.host)) return undefined;
  const { targets } = exposure;
  const names = targets.slice(0, LISTED_TARGETS).map((target) => target.name);
  if (targets.length > LISTED_TARGETS) names.push(`and ${targets.length - LISTED_TARGETS} more`);
  const stdio = targets.filter((target) => target.kind === 'stdio').length;
  const what =
    targets.length === 0
      ? 'the gateway_status tool (no targets are enabled)'
      : `every tool of ${targets.length} target${targets.length === 1 ? '' : 's'} (${names.join(', ')}${
          stdio === 0 ? '' : `; ${stdio} run${stdio === 1 ? 's' : ''} a local command over stdio`
        })`;
  return `${formatAddress(exposure.host, exposure.port)} is reachable from the network, so anyone there can call ${what}: ${AUTH_HINT}, or unset HOST and gateway.host to listen on 127.0.0.1 only`;
}

function formatAddress(host: string, port: number): string {
  const shown = isIPv6(host) ? `[${host}]` : host;
  return port === 0 ? `${shown} (a free port)` : `${shown}:${port}`;
}
