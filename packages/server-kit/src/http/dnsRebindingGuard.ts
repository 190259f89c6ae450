import { JSON_RPC_CODES } from '@agentcore-mcp/core';
import type { RequestHandler } from 'express';

import { sendJsonRpcError } from './sendJsonRpcError.js';

/** Which `Host` and `Origin` headers the server accepts (protection against DNS rebinding). */
export interface DnsRebindingOptions {
  /** Accepted `Host` hostnames (no port), e.g. `['localhost', '127.0.0.1', '[::1]']`. */
  allowedHosts?: readonly string[];
  /**
   * Accepted `Origin` values, e.g. `['http://localhost:6274']`. Requests without `Origin` (non-browser
   * clients) are always accepted. Default: any origin whose hostname is in `allowedHosts`.
   */
  allowedOrigins?: readonly string[];
}

/** The hostnames a loopback bind answers to. */
export const LOOPBACK_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Rejects requests whose `Host` or `Origin` header names another site with HTTP 403 and a
 * JSON-RPC error that says what to configure.
 *
 * @param options - The accepted hosts and origins.
 * @returns Express middleware.
 */
export function createDnsRebindingGuard(options: DnsRebindingOptions): RequestHandler {
  const allowedHosts = new Set(options.allowedHosts ?? LOOPBACK_HOSTNAMES);
  const allowedOrigins = options.allowedOrigins ? new Set(options.allowedOrigins) : undefined;
  const hostList = [...allowedHosts].join(', ');

  return (req, res, next) => {
    const hostname = hostnameOf(req.headers.host);
    if (hostname === undefined || !allowedHosts.has(hostname)) {
      sendJsonRpcError(res, 403, {
        code: JSON_RPC_CODES.serverError,
        message: `Host "${req.headers.host ?? ''}" is not allowed (DNS rebinding protection): use one of ${hostList}, or add it to allowedHosts`,
      });
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin)) {
      sendJsonRpcError(res, 403, {
        code: JSON_RPC_CODES.serverError,
        message: `Origin "${origin}" is not allowed (DNS rebinding protection): add it to allowedOrigins`,
      });
      return;
    }
    next();
  };

  function isAllowedOrigin(origin: string): boolean {
    if (allowedOrigins) return allowedOrigins.has(origin);
    const hostname = hostnameOf(origin.replace(/^[a-z]+:\/\//i, ''));
    return hostname !== undefined && allowedHosts.has(hostname);
  }
}

function hostnameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}
