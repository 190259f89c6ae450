import {
  type CacheHint,
  type CallToolResult,
  type ClientCapabilities,
  type Implementation,
  type InputRequiredResult,
  isCallToolResult,
  isInputRequiredResult,
  MissingRequiredClientCapabilityError,
  ProtocolError,
  ProtocolErrorCode,
  SERVER_INFO_META_KEY,
} from '@modelcontextprotocol/server';

/**
 * Checks a tools/call result as the SDK server does before it answers (a result without `content`
 * gets an empty one), so that a malformed result from a handler (or a gateway's target) fails
 * the same way on both paths.
 *
 * @param result - What the handler returned.
 * @returns The result, with `content: []` added when it had none.
 * @throws `ProtocolError` -32602 for a result that is not a `CallToolResult`.
 */
export function checkToolResult(
  result: CallToolResult | InputRequiredResult,
): CallToolResult | InputRequiredResult {
  if (isInputRequiredResult(result)) return result;
  const normalized =
    (result as { content?: unknown }).content === undefined ? { ...result, content: [] } : result;
  if (isCallToolResult(normalized)) return normalized;
  throw new ProtocolError(
    ProtocolErrorCode.InvalidParams,
    'Invalid tools/call result: not a CallToolResult (content must be an array of content blocks)',
  );
}

/**
 * Stamps a result the way the SDK encodes results on MCP 2026-07-28: `resultType` (`complete`
 * unless the handler said otherwise), `ttlMs`/`cacheScope` on a cacheable list (the configured
 * hint, else the SDK's defaults: 0 ms, `private`), and the server's identity in `_meta`.
 *
 * @param result - The handler's result.
 * @param serverInfo - The server's name, version and title.
 * @param cache - For a cacheable result: `{ hint }`, the configured hint if any.
 */
export function stampModernResult(
  result: Record<string, unknown>,
  serverInfo: Implementation,
  cache?: { hint: CacheHint | undefined },
): Record<string, unknown> {
  const meta = result._meta as Record<string, unknown> | undefined;
  return {
    ...result,
    resultType: result.resultType ?? 'complete',
    ...(cache
      ? { ttlMs: cache.hint?.ttlMs ?? 0, cacheScope: cache.hint?.cacheScope ?? 'private' }
      : {}),
    _meta: { ...meta, [SERVER_INFO_META_KEY]: meta?.[SERVER_INFO_META_KEY] ?? serverInfo },
  };
}

/**
 * Refuses an `input_required` result that asks for input the client did not declare it can give,
 * as the SDK does (MCP 2026-07-28: a server must not send an input request the request's client
 * capabilities do not cover): URL elicitation needs `elicitation.url`, form elicitation
 * `elicitation.form` (a bare `elicitation: {}` counts as form), sampling with tools
 * `sampling.tools`, sampling `sampling`, `roots/list` `roots`.
 *
 * @param result - A tools/call result.
 * @param declared - The capabilities of the request's envelope.
 * @throws {@link MissingRequiredClientCapabilityError} (-32021) naming what is missing.
 */
export function assertClientCanAnswer(
  result: unknown,
  declared: ClientCapabilities | undefined,
): void {
  if (!isInputRequiredResult(result) || !result.inputRequests) return;
  for (const [key, request] of Object.entries(result.inputRequests)) {
    const missing = missingCapability(request, declared);
    if (missing !== undefined) {
      throw new MissingRequiredClientCapabilityError(
        { requiredCapabilities: missing },
        `Cannot request input '${key}' (${(request as { method?: string }).method ?? 'unknown'}): the request's client capabilities do not declare the required capability`,
      );
    }
  }
}

function missingCapability(
  { method, params }: { method?: string; params?: Record<string, unknown> },
  declared: ClientCapabilities | undefined,
): ClientCapabilities | undefined {
  const has = (name: string) => (declared as Record<string, unknown> | undefined)?.[name];
  switch (method) {
    case 'elicitation/create': {
      const elicitation = has('elicitation') as Record<string, unknown> | undefined;
      const mode = params?.mode === 'url' ? 'url' : 'form';
      if (elicitation === undefined) return { elicitation: { [mode]: {} } };
      const bare = elicitation.form === undefined && elicitation.url === undefined;
      if (elicitation[mode] !== undefined || (mode === 'form' && bare)) return undefined;
      return { elicitation: { [mode]: {} } };
    }
    case 'sampling/createMessage': {
      const sampling = has('sampling') as Record<string, unknown> | undefined;
      const tools = params?.tools !== undefined || params?.toolChoice !== undefined;
      if (sampling === undefined) return { sampling: tools ? { tools: {} } : {} };
      return tools && sampling.tools === undefined ? { sampling: { tools: {} } } : undefined;
    }
    case 'roots/list':
      return has('roots') === undefined ? { roots: {} } : undefined;
    default:
      return undefined;
  }
}
