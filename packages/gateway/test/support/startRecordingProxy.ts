import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One HTTP request that passed through a {@link RecordingProxy}. */
export interface RecordedRequest {
  /** `POST`, `GET` or `DELETE`. */
  readonly httpMethod: string;
  readonly headers: IncomingHttpHeaders;
  /** The JSON-RPC message of a POST, parsed (`undefined` for a GET or a body that is not JSON). */
  readonly body: { method?: string; params?: Record<string, unknown> } | undefined;
}

/** An HTTP forwarder in front of a target, recording what the gateway sends it. */
export interface RecordingProxy {
  /** `http://127.0.0.1:<port>/mcp`: give this to the gateway instead of the target's URL. */
  readonly url: string;
  /** Every request so far, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** The JSON-RPC methods of the POSTs so far. */
  methods(): string[];
  /** From now on, forwards to another target (e.g. one of another protocol era). */
  retarget(targetUrl: string): void;
  close(): Promise<void>;
}

/**
 * Starts a plain HTTP forwarder on 127.0.0.1 in front of a real target: each request is recorded
 * (method, headers, JSON body) and sent on unchanged; the answer (JSON or an SSE stream) comes back
 * as it is, and when the gateway closes a request's stream the forwarded one is closed too. It is
 * no MCP peer: the target answers everything.
 *
 * @param targetUrl - The target's MCP endpoint.
 */
export async function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  let target = new URL(targetUrl);
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      requests.push({ httpMethod: req.method ?? '', headers: req.headers, body: parse(text) });
      const upstream = http.request(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      res.on('close', () => {
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.end(text === '' ? undefined : text);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    requests,
    methods: () =>
      requests.flatMap((request) =>
        request.body?.method === undefined ? [] : [request.body.method],
      ),
    retarget: (url) => {
      target = new URL(url);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parse(text: string): RecordedRequest['body'] {
  try {
    return JSON.parse(text) as RecordedRequest['body'];
  } catch {
    return undefined;
  }
}
