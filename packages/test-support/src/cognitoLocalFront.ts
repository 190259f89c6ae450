import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** The reverse proxy in front of one cognito-local process; see {@link startCognitoLocalFront}. */
export interface CognitoLocalFront {
  /** The port it listens on, on 127.0.0.1 and (when the machine has IPv6) on ::1. */
  readonly port: number;
  /** Points the proxy at cognito-local once that has started. Until then it answers 503. */
  setTarget(port: number): void;
  /** Closes the listeners and every open connection. */
  close(): Promise<void>;
}

const DISCOVERY_PATH = /^\/([^/]+)\/\.well-known\/openid-configuration$/;
const NO_IPV6 = new Set(['EADDRNOTAVAIL', 'EAFNOSUPPORT']);

/**
 * Starts a reverse proxy on a free port of both loopbacks (so `localhost` reaches it whichever
 * address Node resolves first) that forwards everything to cognito-local and rewrites the
 * discovery document, which cognito-local hard-codes to `http://localhost:9229`, to point at itself.
 *
 * @returns The listening front; call `setTarget` before sending it requests.
 */
export async function startCognitoLocalFront(): Promise<CognitoLocalFront> {
  let target: number | undefined;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (target === undefined) {
      sendJson(res, 503, { message: 'cognito-local is still starting' });
      return;
    }
    forward(req, res, { targetPort: target, frontPort: port });
  };
  const { servers, port } = await listenOnLoopbacks(handle);
  return {
    port,
    setTarget: (targetPort) => void (target = targetPort),
    close: () => Promise.all(servers.map(closeServer)).then(() => undefined),
  };
}

async function listenOnLoopbacks(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ servers: Server[]; port: number }> {
  for (let attempt = 1; ; attempt++) {
    const v4 = await listen(createServer(handle), 0, '127.0.0.1');
    const port = (v4.address() as AddressInfo).port;
    try {
      return { servers: [v4, await listen(createServer(handle), port, '::1')], port };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (NO_IPV6.has(code)) return { servers: [v4], port };
      await closeServer(v4);
      // The port is free on 127.0.0.1 but taken on ::1: try another one.
      if (code !== 'EADDRINUSE' || attempt === 5) throw error;
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function forward(
  req: IncomingMessage,
  res: ServerResponse,
  { targetPort, frontPort }: { targetPort: number; frontPort: number },
): void {
  const pool = req.method === 'GET' ? DISCOVERY_PATH.exec(req.url?.split('?')[0] ?? '')?.[1] : '';
  const upstream = request(
    {
      host: '127.0.0.1',
      port: targetPort,
      method: req.method,
      path: req.url,
      headers: req.headers,
    },
    (answer) => {
      if (!pool || answer.statusCode !== 200) {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        return;
      }
      const chunks: Buffer[] = [];
      answer.on('data', (chunk: Buffer) => chunks.push(chunk));
      answer.on('end', () => {
        const document = JSON.parse(Buffer.concat(chunks).toString('utf8')) as object;
        const issuer = `http://localhost:${frontPort}/${pool}`;
        sendJson(res, 200, { ...document, issuer, jwks_uri: `${issuer}/.well-known/jwks.json` });
      });
    },
  );
  upstream.on('error', (error) => {
    if (res.headersSent) res.destroy(error);
    else sendJson(res, 502, { message: `cognito-local did not answer: ${error.message}` });
  });
  req.pipe(upstream);
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
