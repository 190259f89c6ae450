import { createServer } from 'node:net';

/**
 * Asks the OS for a free TCP port on 127.0.0.1 (for tools that take `--port` and print no URL).
 *
 * @returns A port that was free a moment ago.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
