import { createServer, type RequestListener, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AgentCoreMcpError } from '@agentcore-mcp/core';
import type { Express } from 'express';
import type { Logger } from 'pino';

import type { ResolvedServerOptions } from './options.js';
import { LISTENING_MESSAGE } from './process/listeningLine.js';
import type { InFlightTracker } from './trackInFlight.js';

/** Where a listening server can be reached. */
export interface ListeningAddress {
  /** The bound address, e.g. `0.0.0.0`. */
  readonly host: string;
  /** The bound port (the real one when 0 was asked for). */
  readonly port: number;
  /** The MCP endpoint's URL, using `127.0.0.1` when bound to every interface. */
  readonly url: string;
}

/** Listening, graceful shutdown and signal handling for one express app. */
export interface ServerLifecycle {
  readonly address: ListeningAddress | undefined;
  listen: () => Promise<ListeningAddress>;
  close: () => Promise<void>;
  run: () => Promise<ListeningAddress>;
}

/**
 * Binds the app and shuts it down gracefully: stop accepting connections, answer new requests on
 * open connections with 503 (through `inFlight`), wait for in-flight requests up to
 * `shutdownTimeoutMs`, close sessions, then close every connection.
 *
 * @param parts - The app, resolved options, logger, in-flight tracker and a session closer.
 * @returns The lifecycle; `run` adds SIGTERM/SIGINT handling and exits the process.
 */
export function createServerLifecycle(parts: {
  app: Express;
  /** What answers requests, when not the app itself (e.g. a fast lane in front of it). */
  listener?: RequestListener;
  options: ResolvedServerOptions;
  logger: Logger;
  inFlight: InFlightTracker;
  closeSessions: () => Promise<void>;
  /** Runs before the port is bound, e.g. to connect upstream servers. */
  prepare?: () => Promise<void>;
  /** Runs after the port is bound, before `listen` resolves; requests are served meanwhile. */
  warmUp?: () => Promise<void>;
  /** What the "authentication is off" warning tells the operator to set. */
  authHint?: string;
}): ServerLifecycle {
  const { app, options, logger, inFlight } = parts;
  let httpServer: HttpServer | undefined;
  let address: ListeningAddress | undefined;
  let closing = false;

  const assertNotClosing = () => {
    if (closing) {
      throw new AgentCoreMcpError(
        'ERR_LISTEN_FAILED',
        'Not listening: the server was shut down while it was starting',
      );
    }
  };

  const listen = async (): Promise<ListeningAddress> => {
    await parts.prepare?.();
    assertNotClosing();
    const server = createServer(parts.listener ?? app).listen(options.port, options.host);
    httpServer = server;
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', (error: NodeJS.ErrnoException) => {
        httpServer = undefined;
        reject(toListenError(error, options));
      });
    });
    const bound = server.address() as AddressInfo;
    const urlHost = ['0.0.0.0', '::'].includes(options.host)
      ? '127.0.0.1'
      : bound.family === 'IPv6'
        ? `[${bound.address}]`
        : bound.address;
    const listening = {
      host: options.host,
      port: bound.port,
      url: `http://${urlHost}:${bound.port}${options.path}`,
    };
    await parts.warmUp?.();
    assertNotClosing();
    address = listening;
    if (!options.auth) {
      logger.warn(
        `authentication is off: anyone who can reach this port can call every tool; ${parts.authHint ?? 'set AUTHORIZER_CONFIG (or the auth option) to require bearer tokens'}`,
      );
    }
    logger.info(
      { ...address, mode: options.mode, auth: options.auth ? 'jwt' : 'off' },
      LISTENING_MESSAGE,
    );
    logger.flush(); // whoever started us waits for this line: do not let it sit in the batch
    return address;
  };

  const close = async (): Promise<void> => {
    const server = httpServer;
    if (!server) {
      // Shut down while starting (or never started): still release what `prepare` opened.
      if (!closing) {
        closing = true;
        await parts.closeSessions();
      }
      return;
    }
    closing = true;
    httpServer = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    inFlight.startDraining();
    server.closeIdleConnections();
    const drained = await inFlight.drained(options.shutdownTimeoutMs);
    if (!drained) {
      logger.warn(
        { inFlight: inFlight.count },
        'shutdown timeout: closing requests still in flight',
      );
    }
    await parts.closeSessions();
    server.closeAllConnections();
    await closed;
  };

  const run = async (): Promise<ListeningAddress> => {
    // Log lines are batched: flush them before exiting, or the last ones are lost. Should a flush
    // never complete, exit anyway after two seconds.
    const exitAfterFlush = (code: number) => {
      process.exitCode = code;
      setTimeout(() => process.exit(code), 2_000).unref();
      logger.flush(() => process.exit(code));
    };
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down');
      close().then(
        () => {
          logger.info('stopped');
          exitAfterFlush(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          exitAfterFlush(1);
        },
      );
    };
    // Handlers go in before listening: whoever reads the "listening" line may signal at once.
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
    return listen();
  };

  return {
    get address() {
      return address;
    },
    listen,
    close,
    run,
  };
}

function toListenError(
  error: NodeJS.ErrnoException,
  options: ResolvedServerOptions,
): AgentCoreMcpError {
  const where = `${options.host}:${options.port}`;
  const reason =
    error.code === 'EADDRINUSE'
      ? `${where} is already in use: stop the other process or set another PORT`
      : error.code === 'EACCES'
        ? `no permission to bind ${where}: use a port above 1023 or run with the needed privileges`
        : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
          ? `${options.host} is not an address of this machine: set HOST to 0.0.0.0 or a local address`
          : `${where}: ${error.message}`;
  return new AgentCoreMcpError('ERR_LISTEN_FAILED', `Cannot listen on ${reason}`, { cause: error });
}
