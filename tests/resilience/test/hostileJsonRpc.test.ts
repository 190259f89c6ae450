import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { checkAnswer, JSON_RPC_CORPUS } from './support/jsonRpcCorpus.js';
import { postJsonRpc, toolCallBody } from './support/postJsonRpc.js';
import { startSurfaces, type SurfaceName, type Surfaces } from './support/startSurfaces.js';

const SURFACES: readonly SurfaceName[] = ['server-kit', 'gateway', 'emulator'];

describe('a fixed corpus of hostile JSON-RPC at server-kit, the gateway and the emulator', () => {
  const lines: string[] = [];
  let surfaces: Surfaces;

  beforeAll(async () => {
    surfaces = await startSurfaces({ lines });
  });
  afterAll(() => surfaces?.stop());

  describe.each(SURFACES)('%s', (name) => {
    it('answers every case with the right status and JSON-RPC code, and never a 5xx', async () => {
      const { url, echoTool } = surfaces.get(name);
      const wrong: string[] = [];
      for (const corpusCase of JSON_RPC_CORPUS) {
        const body = corpusCase.body(echoTool);
        const answer = await postJsonRpc(url, body, corpusCase.headers);
        const problem = checkAnswer(answer, corpusCase.expected(name), body);
        if (problem !== undefined) wrong.push(`${corpusCase.name}: ${problem}`);
      }
      expect(wrong).toEqual([]);
    });

    it('is still up and answering afterwards', async () => {
      const { url, echoTool, process } = surfaces.get(name);
      const answer = await postJsonRpc(url, toolCallBody(99, echoTool, { message: 'still here' }));
      expect(answer.messages).toEqual([
        expect.objectContaining({
          id: 99,
          result: expect.objectContaining({
            content: [{ type: 'text', text: 'Echo: still here' }],
          }) as unknown,
        }),
      ]);
      expect(process.child.exitCode).toBeNull();
    });
  });

  it('logs no error or stack trace for any of it', () => {
    const errors = lines.filter((line) => /"level":"(error|fatal)"|\n\s+at |^\s+at /.test(line));
    expect(errors).toEqual([]);
  });
});
