import type { FetchLike } from '@modelcontextprotocol/client';

import { isModernRequest } from '../protocolMode.js';
import { createRequestSender, type RequestSenderOptions } from './createRequestSender.js';
import { createSessionAffinity } from './createSessionAffinity.js';
import { createSessionRecovery } from './createSessionRecovery.js';
import { readRpcMethods } from './readRpcMethods.js';

/**
 * Creates the `fetch` that `connectAgentCore` hands to the MCP SDK's
 * `StreamableHTTPClientTransport`. The SDK keeps doing the protocol (JSON-RPC, SSE, the era's
 * headers, and in the 2025 era capturing and sending `Mcp-Session-Id`); this fetch adds what
 * AgentCore needs around each HTTP request: `Accept`, extra headers, bearer token with one refresh
 * or a SigV4 signature, timeout, retries, errors that say how to fix them; in the 2025 era a
 * transparent re-initialization when the server answers `404` to a request carrying a session id
 * (a stale session); in the 2026 era the echo of the platform's `Mcp-Session-Id` (microVM
 * affinity, see `createSessionAffinity`).
 *
 * @param options - Auth, extra headers, timeout and retry policy.
 * @returns A fetch for the transport's `fetch` option.
 */
export function createAgentCoreFetch(options: RequestSenderOptions): FetchLike {
  const send = createRequestSender(options);
  const sessions = createSessionRecovery(send);
  const affinity = createSessionAffinity();

  return async (input, init = {}) => {
    const url = new URL(input instanceof URL ? input.href : input);
    if (init.body !== undefined && init.body !== null && typeof init.body !== 'string') {
      // Not something the MCP SDK sends; it cannot be replayed, so send it once as it is.
      return send({
        url,
        init,
        headers: new Headers(init.headers),
        body: undefined,
        rpcMethods: [],
      });
    }
    const body = init.body ?? undefined;
    const rpcMethods = readRpcMethods(body);
    if (body !== undefined && rpcMethods.includes('initialize')) sessions.noteInitialize(body);

    const headers = new Headers(init.headers);
    if (isModernRequest(headers)) {
      // 2026 era: no session to renew; echo the platform's session id for microVM affinity.
      affinity.apply(headers);
      const response = await send({ url, init, headers, body, rpcMethods });
      affinity.note(response);
      return response;
    }
    const sent = headers.get('mcp-session-id');
    // The transport learns a new session only from POST responses; until then, swap it in here.
    const sessionId = sent === null ? null : sessions.currentSession(sent);
    setSessionHeader(headers, sessionId);
    const request = { url, init, headers, body, rpcMethods };
    let response = await send(request);

    const method = (init.method ?? 'GET').toUpperCase();
    if (response.status === 404 && sessionId !== null && method !== 'DELETE') {
      if (!sessions.canRenew()) return response;
      await response.body?.cancel();
      const fresh = await sessions.renew(sessionId, request);
      setSessionHeader(headers, fresh);
      response = await send(request);
      return withSessionHeader(response, fresh);
    }
    return sent !== null && sessionId !== sent ? withSessionHeader(response, sessionId) : response;
  };
}

function setSessionHeader(headers: Headers, sessionId: string | null): void {
  if (sessionId === null) headers.delete('mcp-session-id');
  else headers.set('mcp-session-id', sessionId);
}

/** The response with `Mcp-Session-Id` set, so the SDK transport adopts the renewed session. */
function withSessionHeader(response: Response, sessionId: string | null): Response {
  if (sessionId === null || response.headers.get('mcp-session-id') === sessionId) return response;
  const headers = new Headers(response.headers);
  headers.set('mcp-session-id', sessionId);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
