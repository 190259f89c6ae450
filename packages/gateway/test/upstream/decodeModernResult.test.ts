import { SdkError, SdkErrorCode } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';

import { decodeModernResult } from '../../src/upstream/decodeModernResult.js';

function refusal(raw: unknown): SdkError {
  try {
    decodeModernResult('tools/call', raw);
  } catch (error) {
    if (error instanceof SdkError) return error;
    throw error;
  }
  throw new Error('decodeModernResult accepted it');
}

describe('decodeModernResult', () => {
  it('takes resultType off a complete result and keeps the rest', () => {
    const raw = { content: [{ type: 'text', text: '8' }], resultType: 'complete', _meta: { a: 1 } };
    expect(decodeModernResult('tools/call', raw)).toEqual({
      kind: 'complete',
      result: { content: [{ type: 'text', text: '8' }], _meta: { a: 1 } },
    });
  });

  it('hands back an input_required answer as its fields, with requestState alone too', () => {
    const inputRequests = { ask: { method: 'elicitation/create', params: { message: 'Sure?' } } };
    const raw = { resultType: 'input_required', inputRequests, requestState: 's1', extra: true };
    expect(decodeModernResult('tools/call', raw)).toEqual({
      kind: 'input_required',
      result: { resultType: 'input_required', inputRequests, requestState: 's1' },
    });
    expect(
      decodeModernResult('tools/call', { resultType: 'input_required', requestState: 's2' }),
    ).toEqual({
      kind: 'input_required',
      result: { resultType: 'input_required', inputRequests: {}, requestState: 's2' },
    });
  });

  it('refuses what the SDK client refuses, in its words and codes', () => {
    expect(refusal([1])).toMatchObject({
      code: SdkErrorCode.InvalidResult,
      message: 'Invalid result for tools/call: not an object',
    });
    expect(refusal({ content: [] }).message).toMatch(
      /^Invalid result for tools\/call: missing required resultType/,
    );
    expect(refusal({ resultType: 3 }).code).toBe(SdkErrorCode.InvalidResult);
    expect(refusal({ resultType: 'input_required' }).message).toBe(
      'Invalid result for tools/call: input_required carries neither inputRequests nor requestState',
    );
    expect(refusal({ resultType: 'task' })).toMatchObject({
      code: SdkErrorCode.UnsupportedResultType,
      message: "Unsupported result type 'task' for tools/call",
    });
  });
});
