import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

import { JSON_RPC_CODES } from '@agentcore-mcp/core';
import type { AuthInfo, Implementation } from '@modelcontextprotocol/server';
import type { Logger } from 'pino';

import type { RequestHeaders } from '../../mcp/createToolContext.js';
import type { InFlightTracker } from '../../trackInFlight.js';
import { logRequestLine } from '../logRequests.js';
import { sendParseError } from '../parseJsonBody.js';
import type { FastLaneHandlers } from './fastLaneHandlers.js';
import { createLaneContext } from './laneContext.js';
import { createLaneReply, type LaneError } from './laneReply.js';
import { type LaneRequest, MODERN_REVISION, readLaneRequest } from './laneRequest.js';
import { ListResultCache } from './listResultCache.js';
import { assertClientCanAnswer, checkToolResult, stampModernResult } from './modernResult.js';

/** A Node request listener that answers what it can and passes the rest to `slowPath`. */
export type FastLane = (
  req: IncomingMessage & { body?: unknown },
  res: ServerResponse,
  slowPath: () => void,
) => void;

/** What the fast lane answers from. */
export interface FastLaneOptions {
  /** The MCP endpoint's path, e.g. `/mcp`. */
  readonly path: string;
  readonly bodyLimit: number;
  readonly jsonResponse: boolean;
  /** Whether 2025 requests are stateless (in stateful mode they belong to sessions: slow path). */
  readonly stateless: boolean;
  /** What the lane answers, and how. */
  readonly handlers: FastLaneHandlers;
  /** `_meta.serverInfo` of 2026-07-28 results, unless the handlers give theirs. */
  readonly serverInfo: Implementation;
  readonly logger: Logger;
  readonly inFlight: InFlightTracker;
  /** The DNS-rebinding check, when it is on. */
  readonly checkHost: ((headers: IncomingHttpHeaders) => string | undefined) | undefined;
  /** Bearer-token verification, when auth is on. */
  readonly authenticate: ((authorization: string | undefined) => Promise<AuthInfo>) | undefined;
}

/**
 * server-kit's fast lane: `tools/call` and `tools/list` without a session, in both eras, answered
 * by the server's {@link FastLaneHandlers} (the same handler code its SDK server runs) without
 * express, a second body parse, a web `Request`/`Response` pair and a new SDK server per request.
 * Everything else, and anything unusual about these (bad headers, a bad envelope, a session, a
 * multi round-trip retry, `Mcp-Param-*` tools, a refused token, a large or chunked body, a call a
 * handler declines), goes to the SDK path, which words every error; the parsed body travels with
 * it.
 *
 * Why hand-written: the SDK v2 handler builds a server per request and converts every request to
 * web streams; `pnpm bench` (section 1) measures this lane against a server written the SDK's way
 * in both eras, and the conformance suites run through it (their fixture is a server-kit server).
 *
 * @param options - Handlers, limits and the checks the express path would run first.
 * @returns The listener.
 */
export function createFastLane(laneOptions: FastLaneOptions): FastLane {
  const options: LaneState = { ...laneOptions, listResults: new ListResultCache() };
  const { path, bodyLimit, inFlight, checkHost, authenticate } = options;
  return (req, res, slowPath) => {
    const length = Number(req.headers['content-length']);
    if (
      req.method !== 'POST' ||
      req.url !== path ||
      inFlight.draining ||
      !Number.isInteger(length) ||
      length === 0 ||
      length > bodyLimit ||
      req.headers['transfer-encoding'] !== undefined ||
      !isJsonContentType(req.headers['content-type']) ||
      !acceptsJsonAndEventStream(req.headers.accept) ||
      checkHost?.(req.headers) !== undefined
    ) {
      slowPath();
      return;
    }
    const exchange = { req, res, slowPath };
    if (!authenticate) {
      readBody(exchange, undefined, options);
      return;
    }
    authenticate(req.headers.authorization).then(
      (authInfo) => {
        readBody(exchange, authInfo, options);
      },
      // The express path verifies again and words the 401/403.
      () => {
        slowPath();
      },
    );
  };
}

/** The options, and what the lane keeps between requests. */
interface LaneState extends FastLaneOptions {
  readonly listResults: ListResultCache;
}

/** One HTTP exchange on its way through the lane. */
interface LaneExchange {
  readonly req: IncomingMessage & { body?: unknown };
  readonly res: ServerResponse;
  readonly slowPath: () => void;
}

function readBody(
  { req, res, slowPath }: LaneExchange,
  authInfo: AuthInfo | undefined,
  options: LaneState,
): void {
  const chunks: Buffer[] = [];
  // A client that goes away mid-body: nothing to answer, and nothing may throw.
  req.once('error', () => {
    res.destroy();
  });
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.once('end', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch (error) {
      sendParseError(res, error instanceof Error ? error.message : undefined);
      return;
    }
    const request = readLaneRequest(body, req.headers, options.handlers.paramHeaders === true);
    const served =
      request !== undefined &&
      (request.era === 'modern' || options.stateless) &&
      serve({ req, res }, { request, authInfo }, options);
    if (!served) {
      // The body is read: the express parser sees a finished request and keeps this one.
      req.body = body;
      slowPath();
    }
  });
}

/** Answers one request, or returns false (having sent nothing) when its handler declines it. */
function serve(
  { req, res }: Omit<LaneExchange, 'slowPath'>,
  { request, authInfo }: { request: LaneRequest; authInfo: AuthInfo | undefined },
  options: LaneState,
): boolean {
  const started = performance.now();
  const modern = request.era === 'modern';
  const { handlers } = options;

  if (request.method === 'tools/list') {
    const result = handlers.toolsList?.();
    if (result === undefined) return false;
    options.inFlight.track(res);
    const json = options.listResults.serialize(result, request.era, () =>
      modern
        ? stampModernResult(result, handlers.serverInfo ?? options.serverInfo, {
            hint: handlers.listCacheHint,
          })
        : result,
    );
    createLaneReply(res, request.id, options.jsonResponse).resultJson(json);
    logRequestLine(options.logger, {
      httpMethod: 'POST',
      rpcMethod: 'tools/list',
      httpStatus: 200,
      started,
    });
    return true;
  }

  const abort = new AbortController();
  const reply = createLaneReply(res, request.id, options.jsonResponse);
  const answer = handlers.toolsCall?.({
    params: request.params as { name: string; arguments?: Record<string, unknown> },
    ctx: createLaneContext({ req, request, reply, authInfo, signal: abort.signal }),
    era: request.era,
    client: {
      protocolVersion: modern ? MODERN_REVISION : undefined,
      era: request.era,
      capabilities: request.clientCapabilities,
    },
    // Node joins repeated request headers into one string (only `set-cookie` is an array, and
    // it is a response header).
    headers: req.headers as RequestHeaders,
  });
  if (answer === undefined) return false;
  options.inFlight.track(res);
  res.once('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  answer
    .then((answered) => {
      const result = checkToolResult(answered);
      if (!modern) {
        reply.result(result);
        return;
      }
      assertClientCanAnswer(result, request.clientCapabilities);
      reply.result(stampModernResult(result, handlers.serverInfo ?? options.serverInfo));
    })
    .catch((error: unknown) => {
      const wire = toLaneError(error);
      reply.error(modern && BAD_REQUEST_CODES.has(wire.code) ? 400 : 200, wire);
    });
  return true;
}

/** MCP 2026-07-28's code for a missing client capability. */
const MISSING_CAPABILITY = -32_021;

/**
 * The in-band errors MCP 2026-07-28 sends with HTTP 400 (2025 answers every JSON-RPC error with
 * 200): a missing client capability, and headers that disagree with the body (a gateway checks
 * `Mcp-Param-*` against the tool it routes to).
 */
const BAD_REQUEST_CODES: ReadonlySet<number> = new Set([
  MISSING_CAPABILITY,
  JSON_RPC_CODES.headerMismatch,
]);

function toLaneError(error: unknown): LaneError {
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'number') {
    const { code, data } = error as Error & { code: number; data?: unknown };
    return { code, message: error.message, ...(data === undefined ? {} : { data }) };
  }
  return {
    code: JSON_RPC_CODES.internalError,
    message: error instanceof Error ? error.message : String(error),
  };
}

/** `application/json`, in UTF-8 (no charset, or `charset=utf-8`): anything else is the SDK path's to refuse. */
function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i.test(value);
}

function acceptsJsonAndEventStream(value: string | undefined): boolean {
  return (
    value !== undefined && value.includes('application/json') && value.includes('text/event-stream')
  );
}
