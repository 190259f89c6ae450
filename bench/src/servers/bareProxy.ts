// Process entry: the floor of any HTTP hop on this machine, for §2. A bare node:http proxy that
// reads each POST body and sends it, bytes untouched, to the target over kept-alive connections,
// then answers with the target's status, content type and bytes. It does no MCP at all: no routing,
// no auth, no health, no metrics, no logging. Whatever our gateway costs beyond this row is its
// own work; what this row costs against direct is the hop itself (one more process, two more
// socket writes and reads per call on the same two cores).
// Env: TARGET (the upstream MCP URL), HOST (default 127.0.0.1), PORT (default 0).
import {
  Agent,
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request,
} from 'node:http';
import type { AddressInfo } from 'node:net';

const target = new URL(process.env.TARGET ?? '');
const agent = new Agent({ keepAlive: true, maxSockets: 256 });
/** Request headers a streamable HTTP server reads; everything else stays behind. */
const FORWARDED = [
  'content-type',
  'accept',
  'mcp-protocol-version',
  'mcp-method',
  'mcp-name',
  'mcp-session-id',
];

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

const host = process.env.HOST ?? '127.0.0.1';
const server = createServer((req, res) => {
  void (async () => {
    const body = await readBody(req);
    const headers: OutgoingHttpHeaders = { 'content-length': body.length };
    for (const name of FORWARDED) {
      const value = req.headers[name];
      if (value !== undefined) headers[name] = value;
    }
    const upstream = request(target, { method: req.method, agent, headers });
    upstream.on('response', (answer) => {
      void readBody(answer).then((bytes) => {
        res.writeHead(answer.statusCode ?? 502, {
          'content-type': answer.headers['content-type'] ?? 'application/json',
          'content-length': bytes.length,
        });
        res.end(bytes);
      });
    });
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(body);
  })();
});
server.listen(Number(process.env.PORT ?? 0), host, () => {
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}${target.pathname}`;
  process.stdout.write(`${JSON.stringify({ msg: 'listening', url, port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
