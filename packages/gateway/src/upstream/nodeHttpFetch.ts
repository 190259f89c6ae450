import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

import type { FetchLike } from '@modelcontextprotocol/sdk/shared/transport.js';

/** Keep-alive connection pools shared by every http target of the process. */
const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, scheduling: 'lifo' }),
  'https:': new https.Agent({ keepAlive: true, scheduling: 'lifo' }),
} as const;

/** Statuses whose response has no body (a `Response` with a body for them throws). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The `fetch` an http target's streamable HTTP transport uses by default: the SDK's requests sent
 * with node:http(s) over keep-alive connections, the response body streamed as it arrives.
 *
 * Why not the global fetch: on Node 20 a forwarded tools/call spends about 0.25 ms more CPU in
 * undici's fetch than in node:http (measured by `pnpm bench`), a large share of the gateway's
 * per-call cost; and undici removes the abort listener it adds to the transport's long-lived
 * signal only when the request is garbage-collected, so thousands pile up under load. Here the
 * listener goes when the request ends.
 *
 * It does what the SDK transport needs and no more: string bodies (other bodies go to the global
 * fetch), no redirect following (the SDK follows same-origin redirects itself), abort via
 * `init.signal`. A request that fails on a reused keep-alive connection before any response (the
 * server closed it while idle) is sent once more on a new one. Failures reject like fetch: a
 * `TypeError('fetch failed')` with the network error as `cause`, or the signal's reason on abort.
 *
 * @param input - The URL.
 * @param init - Method, headers, string body, signal.
 * @returns The response, its body a stream of the bytes as they arrive.
 * @example
 * ```ts
 * new StreamableHTTPClientTransport(url, { fetch: nodeHttpFetch });
 * ```
 */
export const nodeHttpFetch: FetchLike = (input, init = {}) => {
  const url = new URL(input);
  const { body, signal } = init;
  const agent = url.protocol === 'https:' ? AGENTS['https:'] : AGENTS['http:'];
  const plainBody = body === undefined || body === null || typeof body === 'string';
  if (!plainBody || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return fetch(input, init);
  }
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  if (typeof body === 'string') headers['content-length'] = String(Buffer.byteLength(body));
  const transport = url.protocol === 'https:' ? https : http;

  return new Promise<Response>((resolve, reject) => {
    const send = (retried: boolean) => {
      const request = transport.request(url, { method: init.method ?? 'GET', headers, agent });
      let answered = false;
      const onAbort = () => request.destroy(abortReason(signal));
      signal?.addEventListener('abort', onAbort, { once: true });
      request.once('close', () => signal?.removeEventListener('abort', onAbort));
      request.once('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        if (signal?.aborted) return reject(abortReason(signal));
        if (
          !retried &&
          request.reusedSocket &&
          ['ECONNRESET', 'EPIPE'].includes(error.code ?? '')
        ) {
          signal?.removeEventListener('abort', onAbort);
          return send(true);
        }
        reject(new TypeError('fetch failed', { cause: error }));
      });
      request.once('response', (response) => {
        answered = true;
        resolve(toResponse(response, signal));
      });
      request.end(typeof body === 'string' ? body : undefined);
    };
    send(false);
  });
};

function toResponse(response: IncomingMessage, signal: AbortSignal | null | undefined): Response {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    headers.append(raw[index] ?? '', raw[index + 1] ?? '');
  }
  const status = response.statusCode ?? 500;
  const init = { status, statusText: response.statusMessage ?? '', headers };
  if (NULL_BODY_STATUSES.has(status)) {
    response.resume();
    return new Response(null, init);
  }
  let finished = false;
  const finish = (end: () => void) => {
    if (finished) return;
    finished = true;
    end();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      response.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) response.pause();
      });
      response.once('end', () => finish(() => controller.close()));
      response.once('close', () =>
        finish(() =>
          controller.error(
            signal?.aborted ? abortReason(signal) : new TypeError('terminated: connection closed'),
          ),
        ),
      );
    },
    pull() {
      response.resume();
    },
    cancel() {
      // Read the rest and drop it, so the connection goes back to the pool.
      finish(() => response.removeAllListeners('data').resume());
    },
  });
  return new Response(stream, init);
}

function abortReason(signal: AbortSignal | null | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error) return reason;
  const message = typeof reason === 'string' ? reason : 'This operation was aborted';
  return Object.assign(new Error(message), { name: 'AbortError' });
}
