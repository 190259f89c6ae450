/** The steps of one request that may be sent a second time with a fresh token. */
export interface ResendWithFreshTokenSteps<TResponse> {
  /** Sends the request; `forceRefresh` asks the token source for a new token instead of its cache. */
  send(forceRefresh: boolean): Promise<TResponse>;
  /** Whether the answer refuses the token (usually HTTP 401). */
  isUnauthorized(response: TResponse): boolean;
  /** Releases an answer that will not be used (drains its body). Default: nothing. */
  discard?(response: TResponse): void;
}

/**
 * The one "on 401, refresh the token and resend once" of the toolkit, used by the client and by
 * the gateway's outbound calls: sends the request; when the answer refuses the token, discards it
 * and sends once more with a freshly fetched token. A second refusal is returned as is, for the
 * caller to report: a token that is refused right after being issued will not get better.
 *
 * @param steps - How to send, recognise a refusal and discard an answer.
 * @returns The first answer, or the second when the first refused the token.
 * @example
 * ```ts
 * const response = await resendWithFreshToken({
 *   send: async (forceRefresh) => post(await tokens.getToken({ forceRefresh })),
 *   isUnauthorized: (response) => response.status === 401,
 *   discard: (response) => response.resume(),
 * });
 * ```
 */
export async function resendWithFreshToken<TResponse>(
  steps: ResendWithFreshTokenSteps<TResponse>,
): Promise<TResponse> {
  const first = await steps.send(false);
  if (!steps.isUnauthorized(first)) return first;
  steps.discard?.(first);
  return steps.send(true);
}
