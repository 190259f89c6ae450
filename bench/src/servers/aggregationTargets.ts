// Process entry: many small MCP targets behind one port, for the aggregation benchmark. Target i
// of profile p answers on POST /<p>/<i>/mcp (stateless streamable HTTP with JSON responses):
// initialize, ping, tools/list (`--tools` tools named tool_0…) and tools/call (a + b). Profile
// `near` answers at once; profile `far` waits `--delay-base + i * --delay-step` ms before every
// answer, standing in for network and runtime latency. Answers are prepared once at start, so the
// targets cost little CPU and the gateway's own discovery work is what gets measured.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    targets: { type: 'string', default: '50' },
    tools: { type: 'string', default: '20' },
    'delay-base': { type: 'string', default: '5' },
    'delay-step': { type: 'string', default: '1' },
  },
});
const targetCount = Number(values.targets);
const toolCount = Number(values.tools);
const delayBase = Number(values['delay-base']);
const delayStep = Number(values['delay-step']);

const toolLists = Array.from({ length: targetCount }, (_, target) =>
  Array.from({ length: toolCount }, (_, tool) => ({
    name: `tool_${tool}`,
    description: `Tool ${tool} of target ${target}: adds two numbers`,
    inputSchema: {
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    },
  })),
);

interface JsonRpcRequest {
  id?: string | number;
  method?: string;
  params?: { protocolVersion?: string; arguments?: { a?: number; b?: number } };
}

function answer(target: number, request: JsonRpcRequest): unknown {
  switch (request.method) {
    case 'initialize':
      return {
        protocolVersion: request.params?.protocolVersion ?? '2025-06-18',
        capabilities: { tools: {} },
        serverInfo: { name: `target-${target}`, version: '1.0.0' },
      };
    case 'ping':
      return {};
    case 'tools/list':
      return { tools: toolLists[target] };
    case 'tools/call': {
      const { a = 0, b = 0 } = request.params?.arguments ?? {};
      return { content: [{ type: 'text', text: String(a + b) }] };
    }
    default:
      return undefined;
  }
}

function reply(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

function handle(req: IncomingMessage, res: ServerResponse, body: string): void {
  const match = /^\/(near|far)\/(\d+)\/mcp$/.exec(req.url ?? '');
  const target = Number(match?.[2]);
  if (match === null || target >= targetCount) return reply(res, 404);
  const delay = match[1] === 'far' ? delayBase + target * delayStep : 0;
  const respond = () => {
    if (req.method !== 'POST') return reply(res, 405);
    const request = JSON.parse(body) as JsonRpcRequest;
    if (request.id === undefined) return reply(res, 202);
    const result = answer(target, request);
    reply(
      res,
      200,
      result === undefined
        ? { jsonrpc: '2.0', id: request.id, error: { code: -32601, message: 'Method not found' } }
        : { jsonrpc: '2.0', id: request.id, result },
    );
  };
  if (delay > 0) setTimeout(respond, delay);
  else respond();
}

const host = process.env.HOST ?? '127.0.0.1';
const server = createServer((req, res) => {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => handle(req, res, body));
});
server.listen(Number(process.env.PORT ?? 0), host, () => {
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}/near/0/mcp`;
  process.stdout.write(`${JSON.stringify({ msg: 'listening', url, port })}\n`);
});
process.on('SIGTERM', () => process.exit(0));
