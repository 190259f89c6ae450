import type { IncomingHttpHeaders } from 'node:http';

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
 * The DNS-rebinding check on its own: what is wrong with a request's `Host` or `Origin` header.
 *
 * @param options - The accepted hosts and origins.
 * @returns A function giving the one-line reason to refuse a request, or `undefined` to accept it.
 */
export function createHostCheck(
  options: DnsRebindingOptions,
): (headers: IncomingHttpHeaders) => string | undefined {
  const allowedHosts = new Set(options.allowedHosts ?? LOOPBACK_HOSTNAMES);
  const allowedOrigins = options.allowedOrigins ? new Set(options.allowedOrigins) : undefined;
  const hostList = [...allowedHosts].join(', ');
  // Clients send the same few Host values over and over: parse each once.
  const accepted = new Set<string>();

  return (headers) => {
    const host = headers.host ?? '';
    if (!accepted.has(host)) {
      const hostname = hostnameOf(host);
      if (hostname === undefined || !allowedHosts.has(hostname)) {
        return `Host "${host}" is not allowed (DNS rebinding protection): use one of ${hostList}, or add it to allowedHosts`;
      }
      if (accepted.size < 64) accepted.add(host);
    }
    const origin = headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin)) {
      return `Origin "${origin}" is not allowed (DNS rebinding protection): add it to allowedOrigins`;
    }
    return undefined;
  };

  function isAllowedOrigin(origin: string): boolean {
    if (allowedOrigins) return allowedOrigins.has(origin);
    const hostname = hostnameOf(origin.replace(/^[a-z]+:\/\//i, ''));
    return hostname !== undefined && allowedHosts.has(hostname);
  }
}

/**
 * Rejects requests whose `Host` or `Origin` header names another site with HTTP 403 and a
 * JSON-RPC error that says what to configure.
 *
 * @param options - The accepted hosts and origins.
 * @returns Express middleware.
 */
export function createDnsRebindingGuard(options: DnsRebindingOptions): RequestHandler {
  const check = createHostCheck(options);
  return (req, res, next) => {
    const problem = check(req.headers);
    if (problem === undefined) {
      next();
      return;
    }
    sendJsonRpcError(res, 403, { code: JSON_RPC_CODES.serverError, message: problem });
  };
}

function hostnameOf(host: string | undefined): string | undefined {
  if (!host) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}
