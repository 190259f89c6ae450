import { createServer } from 'node:net';

/**
 * Asks the OS for a TCP port that is free on `127.0.0.1`, for a server that takes `PORT` but prints
 * no listening line (start it with `ready: { kind: 'port', port }`). The port is released before
 * this resolves, so another process could take it first; that is fine on a test or dev machine.
 *
 * @returns A port that was free a moment ago.
 * @example
 * ```ts
 * const port = await findFreePort();
 * const server = await startServerProcess('/bin/sh', ['-c', 'python server.py'], {
 *   env: { PORT: String(port) },
 *   ready: { kind: 'port', port },
 * });
 * ```
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
