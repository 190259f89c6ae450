import { AgentCoreMcpError, JsonRpcError, toJsonRpcError } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

import { GatewayError, type GatewayErrorCode } from '../src/index.js';

describe('GatewayError', () => {
  it.each<[GatewayErrorCode, number]>([
    ['ERR_TARGET_UNAVAILABLE', -32_003],
    ['ERR_TIMEOUT', -32_001],
    ['ERR_TARGET_FAILED', -32_004],
    ['ERR_NOT_FOUND', -32_602],
    ['ERR_RESOURCE_NOT_FOUND', -32_602],
  ])('%s reaches the client as JSON-RPC %i with data.code and data.target', (code, rpc) => {
    const cause = new Error('root');
    const error = new GatewayError(code, `Target "alpha": ${code}`, { target: 'alpha', cause });
    expect(error).toBeInstanceOf(AgentCoreMcpError);
    expect(error).toMatchObject({
      name: 'GatewayError',
      code,
      target: 'alpha',
      cause,
      rpcCode: rpc,
    });
    const wire = error.toJsonRpc();
    expect(wire).toBeInstanceOf(JsonRpcError);
    expect(wire).toMatchObject({
      code: rpc,
      message: `Target "alpha": ${code}`,
      data: { code, target: 'alpha' },
    });
    expect(toJsonRpcError(error, { data: { target: 'alpha' } })).toEqual(wire);
  });

  it('sends no data.target when there is no target', () => {
    expect(new GatewayError('ERR_NOT_FOUND', 'Unknown tool "x"').toJsonRpc().data).toEqual({
      code: 'ERR_NOT_FOUND',
    });
  });
});
