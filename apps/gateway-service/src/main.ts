// Process entry: the only file that reads process.env, binds the port and handles signals.
import type { AddressInfo } from 'node:net';

import { createGatewayServiceApp } from './server.js';

/** How long in-flight requests may run after SIGTERM/SIGINT before their sockets are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

const host = process.env.HOST ?? '0.0.0.0';
const port = parsePort(process.env.PORT ?? '8000');

const server = createGatewayServiceApp().listen(port, host, (error?: Error) => {
  if (error) {
    logError(`Cannot listen on ${host}:${port}: ${error.message}`);
    process.exit(1);
  }
  const bound = (server.address() as AddressInfo).port;
  const url = `http://${toUrlHost(host)}:${bound}/mcp`;
  process.stdout.write(
    `${JSON.stringify({ level: 'info', msg: 'listening', url, port: bound })}\n`,
  );
});

function shutdown(): void {
  server.close(() => process.exit(0));
  setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
}

process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

function parsePort(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 0 || value > 65_535) {
    logError(`Invalid PORT "${raw}": expected an integer from 0 to 65535`);
    process.exit(1);
  }
  return value;
}

/** A host that clients can dial: wildcard binds become loopback, IPv6 gets brackets. */
function toUrlHost(bindHost: string): string {
  if (bindHost === '0.0.0.0') return '127.0.0.1';
  if (bindHost === '::') return '[::1]';
  return bindHost.includes(':') ? `[${bindHost}]` : bindHost;
}

function logError(msg: string): void {
  console.error(JSON.stringify({ level: 'error', msg }));
}
