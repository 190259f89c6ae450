import { type InputRequiredResult, SdkError, SdkErrorCode } from '@modelcontextprotocol/client';

/** A 2026-07-28 result as {@link decodeModernResult} reads it. */
export type DecodedModernResult =
  | { readonly kind: 'complete'; readonly result: Record<string, unknown> }
  | { readonly kind: 'input_required'; readonly result: InputRequiredResult };

/**
 * Reads an MCP 2026-07-28 result as the SDK client's codec does for a request sent with
 * `allowInputRequired: true`: `resultType` is required; a `complete` result loses it, an
 * `input_required` one is returned as its fields (it must carry `inputRequests` or
 * `requestState`). The result's own shape is left to whoever answers the downstream client (the
 * gateway's server checks every `tools/call` result before it answers), so it is not parsed twice.
 *
 * @param method - The request's method, for messages.
 * @param raw - The `result` of the target's answer.
 * @returns What the result is.
 * @throws `SdkError` `InvalidResult` for a result that is no object, lacks `resultType` or is an
 *   empty `input_required`; `UnsupportedResultType` for another `resultType`. (The SDK's words.)
 * @example
 * ```ts
 * const decoded = decodeModernResult('tools/call', answer.result);
 * if (decoded.kind === 'input_required') return decoded.result;
 * ```
 */
export function decodeModernResult(method: string, raw: unknown): DecodedModernResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid(method, 'not an object');
  }
  const { resultType, ...rest } = raw as Record<string, unknown>;
  if (resultType === undefined) {
    throw invalid(
      method,
      'missing required resultType — servers implementing protocol revision 2026-07-28 MUST include it',
    );
  }
  if (typeof resultType !== 'string') throw invalid(method, 'non-string resultType');
  if (resultType === 'complete') return { kind: 'complete', result: rest };
  if (resultType !== 'input_required') {
    throw new SdkError(
      SdkErrorCode.UnsupportedResultType,
      `Unsupported result type '${resultType}' for ${method}`,
      { resultType, method },
    );
  }
  const { inputRequests, requestState, _meta } = rest;
  const requests = isRecord(inputRequests) ? inputRequests : {};
  if (Object.keys(requests).length === 0 && typeof requestState !== 'string') {
    throw invalid(method, 'input_required carries neither inputRequests nor requestState');
  }
  const result = {
    resultType: 'input_required',
    inputRequests: requests,
    ...(typeof requestState === 'string' ? { requestState } : {}),
    ...(isRecord(_meta) ? { _meta } : {}),
  } as InputRequiredResult;
  return { kind: 'input_required', result };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(method: string, why: string): SdkError {
  return new SdkError(SdkErrorCode.InvalidResult, `Invalid result for ${method}: ${why}`, {
    method,
  });
}
