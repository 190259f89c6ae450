/** Why a request failed without a response; see {@link fetchWithTimeout}. */
export type FetchFailure = 'timeout' | 'aborted' | 'refused' | 'network';

/** A failed {@link fetchWithTimeout}: `failure` classifies it, `cause` is what fetch threw. */
export interface FetchFailed {
  failure: FetchFailure;
  cause: unknown;
}

/**
 * Sends one request and waits at most `timeoutMs` for the response headers. The timeout covers
 * only the wait for the response to start, so a long SSE stream (the standalone GET stream, a tool
 * reporting progress) is never cut; the caller's `signal` can still abort the body at any time.
 *
 * @param url - The target.
 * @param init - The request; its `signal` is the caller's.
 * @param timeoutMs - The longest wait for response headers.
 * @returns The response, or a {@link FetchFailed} saying why none arrived.
 */
export async function fetchWithTimeout(
  url: URL,
  init: RequestInit,
  timeoutMs: number,
): Promise<Response | FetchFailed> {
  const timeout = new AbortController();
  const timer = setTimeout(() => {
    timeout.abort(new DOMException(`No response within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal;
  try {
    return await fetch(url, { ...init, signal });
  } catch (error) {
    return { failure: classifyFailure(error, init.signal, timeout.signal), cause: error };
  } finally {
    clearTimeout(timer);
  }
}

function classifyFailure(
  error: unknown,
  callerSignal: AbortSignal | null | undefined,
  timeoutSignal: AbortSignal,
): FetchFailure {
  if (callerSignal?.aborted) return 'aborted';
  if (timeoutSignal.aborted) return 'timeout';
  const code = readErrorCode(error);
  return code === 'ECONNREFUSED' ? 'refused' : 'network';
}

function readErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    if (
      'errors' in current &&
      Array.isArray(current.errors) &&
      current.errors.some((inner) => readErrorCode(inner) === 'ECONNREFUSED')
    ) {
      return 'ECONNREFUSED';
    }
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}
