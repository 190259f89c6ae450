import type { ServerResponse } from 'node:http';

import { JSON_RPC_CODES } from '@agentcore-mcp/core';
import type { RequestHandler } from 'express';

import { sendJsonRpcError } from './http/sendJsonRpcError.js';

/** Counts requests in flight so shutdown can wait for them. */
export interface InFlightTracker {
  /** Counts POST requests until their response closes; answers 503 once draining. */
  readonly middleware: RequestHandler;
  /** Requests currently in flight. */
  readonly count: number;
  /** Whether shutdown has begun (new requests are refused). */
  readonly draining: boolean;
  /** Counts one POST request until its response closes (what `middleware` does for express). */
  track(res: ServerResponse): void;
  /** From now on, new requests get 503 with `Connection: close`. */
  startDraining(): void;
  /** Resolves `true` when no request is in flight, or `false` after `timeoutMs`. */
  drained(timeoutMs: number): Promise<boolean>;
}

/**
 * Tracks in-flight POST requests (long-lived GET streams are not waited for).
 *
 * @returns The tracker.
 */
export function trackInFlight(): InFlightTracker {
  let count = 0;
  let draining = false;
  const waiters = new Set<() => void>();
  const settle = () => {
    if (count > 0) return;
    for (const wake of waiters) wake();
    waiters.clear();
  };
  const track = (res: ServerResponse) => {
    count += 1;
    res.once('close', () => {
      count -= 1;
      settle();
    });
  };
  return {
    middleware: (req, res, next) => {
      if (draining) {
        res.setHeader('Connection', 'close');
        sendJsonRpcError(res, 503, {
          code: JSON_RPC_CODES.serverError,
          message: 'Server is shutting down: retry the request on another instance',
        });
        return;
      }
      if (req.method !== 'POST') {
        next();
        return;
      }
      track(res);
      next();
    },
    get count() {
      return count;
    },
    get draining() {
      return draining;
    },
    track,
    startDraining: () => {
      draining = true;
    },
    drained: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (count === 0) {
          resolve(true);
          return;
        }
        const timer = setTimeout(() => {
          waiters.delete(wake);
          resolve(false);
        }, timeoutMs);
        const wake = () => {
          clearTimeout(timer);
          resolve(true);
        };
        waiters.add(wake);
      }),
  };
}
