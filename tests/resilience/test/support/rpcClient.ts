import { Agent, request } from 'node:http';

import { type JsonRpcMessage, parseMessages } from './postJsonRpc.js';

/** The outcome of one call through {@link RpcClient}. */
export type CallOutcome =
  | { kind: 'answered'; status: number; messages: JsonRpcMessage[]; ms: number }
  | { kind: 'hung'; ms: number }
  | { kind: 'failed'; error: string; ms: number };

/** A keep-alive HTTP client for many concurrent JSON-RPC POSTs. */
export interface RpcClient {
  /**
   * POSTs one tools/call and waits at most `deadlineMs` for the whole answer.
   *
   * @returns `hung` when the deadline passed, `failed` on a socket error, else the answer.
   */
  callTool(id: number, name: string, args: unknown): Promise<CallOutcome>;
  /** Closes every socket. */
  close(): void;
}

/** Options of {@link createRpcClient}. */
export interface RpcClientOptions {
  /** How many sockets at most; default 50. */
  connections?: number;
  /** How long a call may take before it counts as hung, in ms; default 30000. */
  deadlineMs?: number;
  /** Extra headers, e.g. `authorization`. */
  headers?: Readonly<Record<string, string>>;
}

/**
 * Creates a client with one keep-alive agent: the cheapest way to send many small calls (no fetch
 * streams, no per-call abort signals).
 *
 * @param url - The MCP endpoint.
 * @param options - Connections, deadline, headers.
 * @returns The client.
 */
export function createRpcClient(url: string, options: RpcClientOptions = {}): RpcClient {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 50 });
  const deadlineMs = options.deadlineMs ?? 30_000;
  return {
    callTool(id, name, args) {
      const body = JSON.stringify({
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name, arguments: args },
      });
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      return new Promise<CallOutcome>((resolve) => {
        const req = request(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: `${target.pathname}${target.search}`,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json, text/event-stream',
              'content-length': Buffer.byteLength(body),
              ...options.headers,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (text += chunk));
            res.on('end', () => {
              clearTimeout(timer);
              try {
                const messages = parseMessages(text);
                resolve({ kind: 'answered', status: res.statusCode ?? 0, messages, ms: elapsed() });
              } catch (error) {
                resolve({
                  kind: 'failed',
                  error: `unparsable answer: ${String(error)}`,
                  ms: elapsed(),
                });
              }
            });
          },
        );
        const timer = setTimeout(() => {
          resolve({ kind: 'hung', ms: elapsed() });
          req.destroy();
        }, deadlineMs);
        req.on('error', (error) => {
          clearTimeout(timer);
          resolve({ kind: 'failed', error: error.message, ms: elapsed() });
        });
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/**
 * The text of a successful tools/call answer, or `undefined`.
 *
 * @param outcome - What {@link RpcClient.callTool} returned.
 * @param id - The id the answer must carry.
 * @returns The first text content.
 */
export function answeredText(outcome: CallOutcome, id: number): string | undefined {
  if (outcome.kind !== 'answered' || outcome.status !== 200) return undefined;
  const [message, ...rest] = outcome.messages;
  if (message?.id !== id || rest.length > 0) return undefined;
  const content = message.result?.content;
  const first = Array.isArray(content) ? (content[0] as { text?: unknown } | undefined) : undefined;
  return typeof first?.text === 'string' ? first.text : undefined;
}

/**
 * Describes a call's outcome in one line, for error lists.
 *
 * @param outcome - The outcome.
 * @returns e.g. `HTTP 200 error -32003 "Target …" in 3 ms`.
 */
export function describeOutcome(outcome: CallOutcome): string {
  switch (outcome.kind) {
    case 'hung':
      return `no answer within ${outcome.ms} ms`;
    case 'failed':
      return `${outcome.error} after ${outcome.ms} ms`;
    case 'answered': {
      const [message] = outcome.messages;
      const what = message?.error
        ? `error ${message.error.code} ${JSON.stringify(message.error.message)}`
        : JSON.stringify(message?.result ?? null).slice(0, 120);
      return `HTTP ${outcome.status} ${what} in ${outcome.ms} ms`;
    }
  }
}
