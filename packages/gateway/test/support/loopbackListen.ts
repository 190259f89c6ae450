// Preloaded (`node --import tsx --import <this file> server.js`) into third-party servers that
// call `listen(PORT)` on every interface with no way to choose the host: their first listening
// server binds 127.0.0.1 on a free port instead and prints the JSON listening line
// `spawnNodeServer` waits for. Test use only.
import { Server } from 'node:net';

type Listen = (this: Server, ...args: unknown[]) => Server;

// eslint-disable-next-line @typescript-eslint/unbound-method -- always called with a server as `this`
const original = Server.prototype.listen as Listen;
let patched = false;

Server.prototype.listen = function listenOnLoopback(this: Server, ...args: unknown[]): Server {
  if (patched) return original.apply(this, args);
  patched = true;
  const callback = args.find((arg) => typeof arg === 'function');
  this.once('listening', () => {
    const address = this.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    process.stdout.write(`${JSON.stringify({ msg: 'listening', host: '127.0.0.1', port })}\n`);
  });
  return original.apply(this, [0, '127.0.0.1', ...(callback ? [callback] : [])]);
} as Server['listen'];
