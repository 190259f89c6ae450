import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';

import {
  buildInvocationUrl,
  buildProtectedResourceMetadataUrl,
  createJwtAuthorizer,
  DEFAULT_QUALIFIER,
  type JwtAuthorizer,
  parseInvocationUrl,
  parseRuntimeArn,
  readBearerToken,
  toBearerRejection,
} from '@agentcore-mcp/core';
import {
  buildProtectedResourceMetadata,
  PROTECTED_RESOURCE_METADATA_PATH,
} from '@agentcore-mcp/server-kit/metadata';

import type { EmulatedRuntime } from './emulatedRuntime.js';
import { toForwardedHeaders } from './forwardedHeaders.js';

/** AgentCore's largest request payload: 100 MB. */
const MAX_BODY_BYTES = 100 * 1024 * 1024;
const METADATA_SUFFIX = PROTECTED_RESOURCE_METADATA_PATH;

/** A runtime session the emulator started; see {@link RuntimeEmulatorOptions.onNewSession}. */
export interface NewRuntimeSession {
  /** The runtime's ARN. */
  readonly arn: string;
  /** The runtime endpoint, e.g. `DEFAULT`. */
  readonly qualifier: string;
  /** The generated id, sent as `Mcp-Session-Id` and `X-Amzn-Bedrock-AgentCore-Runtime-Session-Id`. */
  readonly sessionId: string;
}

/** Options of {@link createRuntimeEmulator}. */
export interface RuntimeEmulatorOptions {
  /** The runtimes to serve. */
  runtimes: readonly EmulatedRuntime[];
  /** Address to bind. Default: `127.0.0.1`. */
  host?: string;
  /** Port to bind; 0 picks a free one. Default: 9000. */
  port?: number;
  /**
   * Called when a request names no runtime session (no `Mcp-Session-Id`), so the emulator starts
   * one, as AgentCore does; on AWS that can mean a new microVM and a cold start. A client that
   * keeps one session calls it once. Default: none.
   */
  onNewSession?: (session: NewRuntimeSession) => void;
}

/** A running emulator. */
export interface RuntimeEmulator {
  /** The origin clients use as their endpoint override, e.g. `http://127.0.0.1:9000`. */
  readonly endpoint: string;
  /** The invocation URL of a configured runtime. */
  invocationUrl(arn: string, qualifier?: string): string;
  close(): Promise<void>;
}

interface Route {
  readonly runtime: EmulatedRuntime;
  readonly authorizer: JwtAuthorizer | undefined;
}

/**
 * A local stand-in for the AgentCore Runtime data plane. It serves
 * `/runtimes/{encoded ARN}/invocations?qualifier=…` and hands each request to the runtime's local
 * MCP server, the way the platform would:
 * - it enforces the runtime's customJWTAuthorizer (401 with `resource_metadata` when the token is
 *   missing);
 * - it forwards only the protocol headers plus the allowlisted ones;
 * - it injects the platform's session headers, starting a runtime session (`onNewSession`) for a
 *   request that names none, and answers every request with its `Mcp-Session-Id`;
 * - it streams the response back.
 *
 * @param options - Runtimes, host and port.
 * @returns The listening emulator.
 * @throws {@link AgentCoreMcpError} for a bad runtime ARN, qualifier or authorizer.
 */
export async function createRuntimeEmulator(
  options: RuntimeEmulatorOptions,
): Promise<RuntimeEmulator> {
  const routes = new Map<string, Route>();
  for (const runtime of options.runtimes) {
    const qualifier = runtime.qualifier ?? DEFAULT_QUALIFIER;
    const arn = parseRuntimeArn(runtime.arn).arn;
    routes.set(routeKey(arn, qualifier), {
      runtime,
      authorizer: runtime.authorizer ? createJwtAuthorizer(runtime.authorizer) : undefined,
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      sendJson(res, 500, {
        message: `Emulator error: ${error instanceof Error ? error.message : String(error)}`,
      });
    });
  });
  let endpoint = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', endpoint);
    const isMetadata = url.pathname.endsWith(`/invocations${METADATA_SUFFIX}`);
    const invocationPath = isMetadata
      ? url.pathname.slice(0, -METADATA_SUFFIX.length)
      : url.pathname;
    let target: { arn: string; qualifier: string };
    try {
      const parsed = parseInvocationUrl(`${endpoint}${invocationPath}${url.search}`);
      target = { arn: parsed.arn.arn, qualifier: parsed.qualifier };
    } catch (error) {
      sendJson(res, 404, { message: (error as Error).message });
      return;
    }
    const route = routes.get(routeKey(target.arn, target.qualifier));
    if (!route) {
      sendJson(res, 404, {
        message: `No runtime ${target.arn} (qualifier ${target.qualifier}) in this emulator: add it with --runtime ${target.arn}=<MCP server URL>`,
      });
      return;
    }
    if (isMetadata) {
      sendProtectedResourceMetadata(res, route, target);
      return;
    }
    if (route.authorizer && !(await authorize(req, res, { route, target }))) return;
    await forward(req, res, { route, target });
  }

  async function authorize(
    req: IncomingMessage,
    res: ServerResponse,
    { route, target }: { route: Route; target: { arn: string; qualifier: string } },
  ): Promise<boolean> {
    try {
      await route.authorizer?.verify(readBearerToken(req.headers.authorization));
      return true;
    } catch (error) {
      const rejection = toBearerRejection(
        error,
        buildProtectedResourceMetadataUrl({ ...target, endpoint }),
      );
      for (const [name, value] of Object.entries(rejection.headers)) res.setHeader(name, value);
      sendJson(res, rejection.status, { message: rejection.message });
      return false;
    }
  }

  async function forward(
    req: IncomingMessage,
    res: ServerResponse,
    { route, target }: { route: Route; target: { arn: string; qualifier: string } },
  ): Promise<void> {
    if (route.runtime.ready && !(await route.runtime.ready)) {
      sendJson(res, 424, {
        message:
          'Runtime initialization time exceeded. Please make sure that initialization completes in 30s.',
      });
      return;
    }
    const body = req.method === 'POST' ? await readBody(req) : undefined;
    if (body === null) {
      sendJson(res, 413, { message: 'Payload larger than 100 MB, the AgentCore limit' });
      return;
    }
    const { headers, sessionId, isNewSession } = toForwardedHeaders(
      req.headers,
      route.runtime.requestHeaderAllowlist ?? [],
    );
    if (isNewSession) options.onNewSession?.({ ...target, sessionId });
    const abort = new AbortController();
    res.once('close', () => abort.abort());
    let upstream: Response;
    try {
      upstream = await fetch(route.runtime.target, {
        method: req.method ?? 'POST',
        headers,
        body,
        signal: abort.signal,
      });
    } catch (error) {
      const reason =
        (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      sendJson(res, 502, {
        message: `Runtime target ${route.runtime.target} is not reachable (${reason}): is the MCP server running?`,
      });
      return;
    }
    res.statusCode = upstream.status;
    for (const name of ['content-type', 'mcp-protocol-version', 'www-authenticate', 'allow']) {
      const value = upstream.headers.get(name);
      if (value !== null) res.setHeader(name, value);
    }
    res.setHeader('mcp-session-id', upstream.headers.get('mcp-session-id') ?? sessionId);
    if (!upstream.body) {
      res.end();
      return;
    }
    Readable.fromWeb(upstream.body)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function sendProtectedResourceMetadata(
    res: ServerResponse,
    route: Route,
    target: { arn: string; qualifier: string },
  ): void {
    const { authorizer } = route.runtime;
    if (!authorizer) {
      sendJson(res, 404, {
        message: `Runtime ${target.arn} has no JWT authorizer, so it has no protected resource metadata`,
      });
      return;
    }
    sendJson(
      res,
      200,
      buildProtectedResourceMetadata(buildInvocationUrl({ ...target, endpoint }), authorizer),
    );
  }

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 9000, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  endpoint = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    endpoint,
    invocationUrl: (arn, qualifier) => buildInvocationUrl({ arn, qualifier, endpoint }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function routeKey(arn: string, qualifier: string): string {
  return `${arn}?${qualifier}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
