import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { hostileBody } from './support/jsonRpcArbitraries.js';
import { postJsonRpc, type RpcAnswer, toolCallBody } from './support/postJsonRpc.js';
import { startSurfaces, type SurfaceName, type Surfaces } from './support/startSurfaces.js';

const SURFACES: readonly SurfaceName[] = ['server-kit', 'gateway', 'emulator'];
const RUNS_PER_SURFACE = 200;
/** Codes hostile input may get: parse, request, method, params, unknown resource. */
const ALLOWED_CODES = new Set([-32_700, -32_600, -32_601, -32_602, -32_002]);

describe('generated hostile JSON-RPC (fast-check) at server-kit, the gateway and the emulator', () => {
  const lines: string[] = [];
  let surfaces: Surfaces;

  beforeAll(async () => {
    surfaces = await startSurfaces({ lines });
  });
  afterAll(() => surfaces?.stop());

  describe.each(SURFACES)('%s', (name) => {
    it(`answers ${RUNS_PER_SURFACE} generated bodies with a JSON-RPC answer and an allowed code, never a 5xx`, async () => {
      const { url, echoTool, process } = surfaces.get(name);
      await fc.assert(
        fc.asyncProperty(hostileBody(echoTool), async (body) => {
          const answer = await postJsonRpc(url, body);
          const problem = judge(answer);
          if (problem !== undefined) throw new Error(`${problem}\nbody: ${body.slice(0, 300)}`);
        }),
        { numRuns: RUNS_PER_SURFACE },
      );
      expect(process.child.exitCode).toBeNull();
      const answer = await postJsonRpc(url, toolCallBody(1, echoTool, { message: 'alive' }));
      expect(answer.messages[0]?.result?.content).toEqual([{ type: 'text', text: 'Echo: alive' }]);
    });
  });

  it('logs no error or stack trace for any of it', () => {
    const errors = lines.filter((line) => /"level":"(error|fatal)"|^\s+at /.test(line));
    expect(errors).toEqual([]);
  });
});

/** Says what is wrong with an answer to a generated body, if anything. */
function judge(answer: RpcAnswer): string | undefined {
  const { status, messages } = answer;
  const summary = `HTTP ${status}: ${answer.text.slice(0, 200)}`;
  if (status === 202) return messages.length === 0 ? undefined : `202 with a body: ${summary}`;
  if (status !== 200 && status !== 400) return `unexpected status: ${summary}`;
  if (messages.length === 0) return `no JSON-RPC message: ${summary}`;
  for (const message of messages) {
    if (message.jsonrpc !== '2.0') return `not JSON-RPC 2.0: ${summary}`;
    if (message.error === undefined) {
      if (status === 400 || message.result === undefined)
        return `neither result nor error: ${summary}`;
      continue;
    }
    if (!ALLOWED_CODES.has(message.error.code)) return `code ${message.error.code}: ${summary}`;
    if (status === 400 && message.error.code > -32_600)
      return `400 with code ${message.error.code}: ${summary}`;
    if (message.error.message.includes('\n')) return `multi-line error message: ${summary}`;
  }
  return undefined;
}
