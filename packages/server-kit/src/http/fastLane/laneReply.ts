import type { ServerResponse } from 'node:http';

import type { JSONRPCNotification, RequestId } from '@modelcontextprotocol/server';

/** A JSON-RPC error object. */
export interface LaneError {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

/** The answer to one request on the fast lane: JSON, or an SSE stream once it notifies. */
export interface LaneReply {
  /**
   * Sends a notification about the request (progress, log). The first one turns the answer into
   * an SSE stream; with `jsonOnly` notifications are dropped, as the SDK does in JSON mode.
   */
  notify(notification: JSONRPCNotification): void;
  /** Answers with the result and ends the response. */
  result(result: unknown): void;
  /** Answers with a result already serialized to JSON (UTF-8 bytes) and ends the response. */
  resultJson(json: Buffer): void;
  /** Answers with a JSON-RPC error and ends the response. */
  error(httpStatus: number, error: LaneError): void;
}

/** What precedes a serialized result in its JSON-RPC answer (ASCII: its length is its byte count). */
const RESULT_HEAD = '{"result":';

/**
 * Writes one request's answer the way the SDK's streamable HTTP transport does, without its
 * per-request objects: `application/json` when nothing was sent before the result, else
 * `text/event-stream` with one `message` event per JSON-RPC message.
 *
 * @param res - The HTTP response.
 * @param id - The request's JSON-RPC id.
 * @param jsonOnly - Answer with JSON only and drop notifications (the server's `jsonResponse`).
 */
export function createLaneReply(res: ServerResponse, id: RequestId, jsonOnly: boolean): LaneReply {
  let streaming = false;
  const writeEvent = (message: object | string) => {
    const data = typeof message === 'string' ? message : JSON.stringify(message);
    res.write(`event: message\ndata: ${data}\n\n`);
  };
  /** Ends the response with one message (an object, or its JSON text). */
  const finish = (httpStatus: number, message: object | string) => {
    if (res.writableEnded || res.destroyed) return;
    if (streaming) {
      writeEvent(message);
      res.end();
      return;
    }
    const body = typeof message === 'string' ? message : JSON.stringify(message);
    res.writeHead(httpStatus, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  };
  return {
    notify: (notification) => {
      if (jsonOnly || res.writableEnded || res.destroyed) return;
      if (!streaming) {
        streaming = true;
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-cache, no-transform',
          connection: 'keep-alive',
        });
      }
      writeEvent(notification);
    },
    result: (result) => {
      finish(200, { result, jsonrpc: '2.0', id });
    },
    resultJson: (json) => {
      const tail = `,"jsonrpc":"2.0","id":${JSON.stringify(id)}}`;
      if (streaming || res.writableEnded || res.destroyed) {
        finish(200, `${RESULT_HEAD}${json.toString('utf8')}${tail}`);
        return;
      }
      // The cached bytes go out as they are, between two small pieces, in one corked write.
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': RESULT_HEAD.length + json.length + Buffer.byteLength(tail),
      });
      res.cork();
      res.write(RESULT_HEAD);
      res.write(json);
      res.end(tail);
    },
    error: (httpStatus, error) => {
      finish(httpStatus, { jsonrpc: '2.0', id, error });
    },
  };
}
