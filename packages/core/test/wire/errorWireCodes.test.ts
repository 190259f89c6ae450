import { describe, expect, it } from 'vitest';

import { AgentCoreMcpError, type ErrorCode } from '../../src/errors.js';
import {
  ERROR_WIRE_CODES,
  httpStatusOf,
  JSON_RPC_CODES,
  toJsonRpcError,
} from '../../src/wire/errorWireCodes.js';
import { JsonRpcError } from '../../src/wire/jsonRpcError.js';

describe('ERROR_WIRE_CODES', () => {
  it.each<[ErrorCode, number, number]>([
    ['ERR_CONFIG_INVALID', -32_602, 400],
    ['ERR_TOKEN_EXPIRED', -32_000, 401],
    ['ERR_TOKEN_INSUFFICIENT_SCOPE', -32_000, 403],
    ['ERR_AUTHORIZER_UNAVAILABLE', -32_000, 503],
    ['ERR_TIMEOUT', -32_001, 504],
    ['ERR_RESOURCE_NOT_FOUND', -32_602, 404],
    ['ERR_TARGET_UNAVAILABLE', -32_003, 503],
    ['ERR_TARGET_FAILED', -32_004, 502],
    ['ERR_NOT_FOUND', -32_602, 404],
    ['ERR_INTERNAL', -32_603, 500],
  ])('%s → JSON-RPC %i, HTTP %i', (code, rpc, http) => {
    expect(ERROR_WIRE_CODES[code]).toEqual({ rpc, http });
  });

  it('uses only JSON-RPC codes from the documented set', () => {
    const known = new Set<number>(Object.values(JSON_RPC_CODES));
    for (const { rpc } of Object.values(ERROR_WIRE_CODES)) expect(known).toContain(rpc);
  });
});

describe('toJsonRpcError', () => {
  it('maps our errors through the table, keeping the message and the code in data', () => {
    const wire = toJsonRpcError(new AgentCoreMcpError('ERR_TIMEOUT', 'Target "slow" timed out'), {
      data: { target: 'slow' },
    });
    expect(wire).toBeInstanceOf(JsonRpcError);
    expect(wire).toMatchObject({
      code: -32_001,
      message: 'Target "slow" timed out',
      data: { code: 'ERR_TIMEOUT', target: 'slow' },
    });
  });

  it('passes wire errors through', () => {
    const wire = new JsonRpcError(-32_602, 'bad');
    expect(toJsonRpcError(wire)).toBe(wire);
  });

  it('hides anything else behind -32603', () => {
    expect(toJsonRpcError(new Error('secret detail'))).toMatchObject({
      code: -32_603,
      message: 'Internal error; see the server log',
    });
  });
});

describe('httpStatusOf', () => {
  it('reads the table for our errors and answers 500 for the rest', () => {
    expect(httpStatusOf(new AgentCoreMcpError('ERR_TOKEN_MISSING', 'No token'))).toBe(401);
    expect(httpStatusOf(new TypeError('x'))).toBe(500);
  });
});
