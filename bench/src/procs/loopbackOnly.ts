// Preloaded into peer proxies that have no listen-address option (supergateway binds every
// interface): `node --import <this file> …` makes a listen() without a host bind 127.0.0.1 only.
import { Server } from 'node:net';

type Listen = (this: Server, ...args: unknown[]) => Server;
const { listen } = Server.prototype as unknown as { listen: Listen };
Server.prototype.listen = function listenOnLoopback(this: Server, ...args: unknown[]) {
  if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
} as Server['listen'];
