import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Readable } from 'node:stream';

import {
  type AgentCoreServer,
  type AgentCoreServerOptions,
  createAgentCoreServer,
  createLogger,
  defineTool,
} from '@agentcore-mcp/server-kit';
import * as z from 'zod';

/** A server-kit server on 127.0.0.1 with a free port, plus how often `count` ran. */
export interface TestMcpServer {
  server: AgentCoreServer;
  url: string;
  /** Executions of the `count` tool. */
  executions: () => number;
}

/**
 * Starts a server-kit server with three tools: `echo` (returns its message), `whoami` (returns
 * `context.runtime`) and `count` (counts its executions).
 */
export async function startMcpServer(
  overrides: Partial<AgentCoreServerOptions> = {},
): Promise<TestMcpServer> {
  let executions = 0;
  const tools = [
    defineTool({
      name: 'echo',
      description: 'Echoes a message',
      input: { message: z.string() },
      handler: ({ message }) => `Echo: ${message}`,
    }),
    defineTool({
      name: 'whoami',
      description: 'Returns the AgentCore request context',
      handler: (_args, context) => context.runtime,
    }),
    defineTool({
      name: 'count',
      description: 'Counts its executions',
      handler: () => {
        executions += 1;
        return `run ${executions}`;
      },
    }),
  ];
  const server = createAgentCoreServer({
    name: 'client-test',
    version: '1.0.0',
    host: '127.0.0.1',
    port: 0,
    tools,
    logger: createLogger({ name: 'client-test', level: 'silent' }),
    ...overrides,
  });
  const { url } = await server.listen();
  return { server, url, executions: () => executions };
}

/** A request seen by a {@link TestFront}. */
export interface FrontRequest {
  method: string;
  /** Path and query, exactly as received. */
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  /** The JSON-RPC method, when the body has one. */
  rpcMethod: string | undefined;
}

/** What a front's handler decides: answer itself, or forward to the target. */
export type FrontHandler = (
  request: FrontRequest,
  response: ServerResponse,
) => 'forward' | 'handled' | Promise<'forward' | 'handled'>;

/** A node:http server in front of an MCP server; see {@link startFront}. */
export interface TestFront {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Every request received, in order. */
  requests: FrontRequest[];
  close(): Promise<void>;
}

/**
 * Starts a node:http server on 127.0.0.1:0 that records every request, lets `handle` answer it
 * (a 424, a 500…) or forwards it to `target` (streaming the answer back, SSE included).
 *
 * @param target - The URL to forward to, e.g. a server-kit `/mcp` endpoint.
 * @param handle - Decides per request. Default: forward everything.
 */
export async function startFront(
  target: string | undefined,
  handle: FrontHandler = () => 'forward',
): Promise<TestFront> {
  const requests: FrontRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks).toString('utf8');
      const request: FrontRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body,
        rpcMethod: readRpcMethod(body),
      };
      requests.push(request);
      if ((await handle(request, res)) === 'handled') return;
      if (target === undefined) throw new Error('no target to forward to');
      await forward(target, request, res);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(599);
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
]);

async function forward(target: string, request: FrontRequest, res: ServerResponse) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const upstream = await fetch(target, {
    method: request.method,
    headers,
    body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
  });
  const out: Record<string, string> = {};
  upstream.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
  });
  res.writeHead(upstream.status, out);
  if (upstream.body === null) {
    res.end();
    return;
  }
  // A stream cut by the target closing (an SSE GET stream at the end of a test) ends the answer.
  Readable.fromWeb(upstream.body)
    .on('error', () => res.destroy())
    .pipe(res);
}

function readRpcMethod(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { method?: unknown };
    return typeof parsed.method === 'string' ? parsed.method : undefined;
  } catch {
    return undefined;
  }
}

/** Answers with a JSON body and status. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): 'handled' {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
  return 'handled';
}

/** The AgentCore body of a cold start that took too long (HTTP 424). */
export const INIT_TIMEOUT_BODY = {
  message:
    'Runtime initialization time exceeded. Please make sure that initialization completes in 30s.',
};

/** Fast retries for tests. */
export const FAST_RETRIES = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 };
