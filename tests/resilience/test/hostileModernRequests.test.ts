import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MCP_POST_HEADERS, postJsonRpc, toolCallBody } from './support/postJsonRpc.js';
import { startSurfaces, type SurfaceName, type Surfaces } from './support/startSurfaces.js';

// Bad MCP 2026-07-28 requests (the stateless revision: envelope in `_meta`, headers that must
// agree with the body) at every surface: each gets the revision's code, nothing crashes.

const SURFACES: readonly SurfaceName[] = ['server-kit', 'gateway', 'emulator'];
const REVISION = '2026-07-28';

interface ModernCase {
  readonly name: string;
  /** The request's headers beyond the JSON ones; `undefined` values are left out. */
  readonly headers: (tool: string) => Record<string, string | undefined>;
  /** The `params` beside `name`, `arguments` and `_meta`. */
  readonly params?: Record<string, unknown>;
  /** The protocol version the body claims. Default: 2026-07-28. */
  readonly bodyVersion?: string;
  readonly status: number;
  /** The JSON-RPC error code, or `undefined` for a result. */
  readonly code: number | undefined;
  /** Only at these surfaces (requestState is server-kit's; the gateway forwards calls). */
  readonly only?: readonly SurfaceName[];
}

const standard = (tool: string) => ({
  'mcp-protocol-version': REVISION,
  'mcp-method': 'tools/call',
  'mcp-name': tool,
});

const CASES: readonly ModernCase[] = [
  {
    name: 'no Mcp-Method header',
    headers: (tool) => ({ ...standard(tool), 'mcp-method': undefined }),
    status: 400,
    code: -32_020,
  },
  {
    name: 'an Mcp-Method header naming another method',
    headers: (tool) => ({ ...standard(tool), 'mcp-method': 'tools/list' }),
    status: 400,
    code: -32_020,
  },
  {
    name: 'no Mcp-Name header on tools/call',
    headers: (tool) => ({ ...standard(tool), 'mcp-name': undefined }),
    status: 400,
    code: -32_020,
  },
  {
    name: 'an MCP-Protocol-Version header that disagrees with the body',
    headers: (tool) => ({ ...standard(tool), 'mcp-protocol-version': '2025-11-25' }),
    status: 400,
    code: -32_020,
  },
  {
    name: 'an unsupported protocol version',
    headers: (tool) => ({ ...standard(tool), 'mcp-protocol-version': '2099-01-01' }),
    bodyVersion: '2099-01-01',
    status: 400,
    code: -32_022,
  },
  {
    name: 'a stale Mcp-Session-Id (served: the header means nothing in this revision)',
    headers: (tool) => ({ ...standard(tool), 'mcp-session-id': 'expired-session-0000' }),
    status: 200,
    code: undefined,
  },
  {
    name: 'a forged requestState',
    headers: standard,
    params: { inputResponses: {}, requestState: 'v1.eyJwIjp7fSwiZXhwIjo5OTk5OTk5OTk5fQ.forged' },
    status: 200,
    code: -32_602,
    only: ['server-kit', 'emulator'],
  },
  {
    name: 'an oversized requestState (100 KB)',
    headers: standard,
    params: { inputResponses: {}, requestState: 'v1.'.padEnd(100_000, 'A') },
    status: 200,
    code: -32_602,
    only: ['server-kit', 'emulator'],
  },
];

describe('hostile MCP 2026-07-28 requests at server-kit, the gateway and the emulator', () => {
  const lines: string[] = [];
  let surfaces: Surfaces;

  beforeAll(async () => {
    surfaces = await startSurfaces({ lines });
  });
  afterAll(() => surfaces?.stop());

  describe.each(SURFACES)('%s', (name) => {
    it('answers each with the revision’s status and code, and stays up', async () => {
      const { url, echoTool, process } = surfaces.get(name);
      const wrong: string[] = [];
      for (const hostile of CASES.filter((one) => one.only?.includes(name) ?? true)) {
        const body = JSON.stringify({
          jsonrpc: '2.0',
          id: 7,
          method: 'tools/call',
          params: {
            name: echoTool,
            arguments: { message: 'hi' },
            _meta: {
              'io.modelcontextprotocol/protocolVersion': hostile.bodyVersion ?? REVISION,
              'io.modelcontextprotocol/clientCapabilities': {},
            },
            ...hostile.params,
          },
        });
        const headers = Object.fromEntries(
          Object.entries({ ...MCP_POST_HEADERS, ...hostile.headers(echoTool) }).filter(
            (entry): entry is [string, string] => entry[1] !== undefined,
          ),
        );
        const answer = await postJsonRpc(url, body, headers);
        const code = answer.messages[0]?.error?.code;
        if (answer.status !== hostile.status || code !== hostile.code) {
          wrong.push(
            `${hostile.name}: HTTP ${answer.status} code ${String(code)}, expected HTTP ${hostile.status} code ${String(hostile.code)}: ${answer.text.slice(0, 200)}`,
          );
        }
      }
      expect(wrong).toEqual([]);
      expect(process.child.exitCode).toBeNull();
      const alive = await postJsonRpc(url, toolCallBody(1, echoTool, { message: 'alive' }));
      expect(alive.messages[0]?.result?.content).toEqual([{ type: 'text', text: 'Echo: alive' }]);
    });
  });

  it('logs no error or stack trace for any of it', () => {
    const errors = lines.filter((line) => /"level":"(error|fatal)"|^\s+at /.test(line));
    expect(errors).toEqual([]);
  });
});
