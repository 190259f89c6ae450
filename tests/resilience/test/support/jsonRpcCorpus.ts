import type { RpcAnswer } from './postJsonRpc.js';
import { MCP_POST_HEADERS, toolCallBody } from './postJsonRpc.js';
import type { SurfaceName } from './startSurfaces.js';

/** One hostile request and the one right answer to it. */
export interface CorpusCase {
  readonly name: string;
  /** The raw body, given the surface's name for example-server's echo tool. */
  body(echoTool: string): string;
  /** Request headers; default {@link MCP_POST_HEADERS}. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The HTTP status, and the JSON-RPC error code (one per message) or `'result'` for success. */
  expected(surface: SurfaceName): { status: number; codes?: readonly (number | 'result')[] };
}

const request = (fields: Record<string, unknown>) => JSON.stringify({ jsonrpc: '2.0', ...fields });
const always =
  (status: number, ...codes: (number | 'result')[]) =>
  () => ({ status, codes });
const nested = (depth: number, leaf: string) =>
  `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
const PING = request({ id: 1, method: 'ping' });
/** Over the 10 MiB body limit of server-kit and the gateway (the emulator's is 100 MB). */
const OVERSIZED = 11 * 1024 * 1024;

/** The fixed hostile corpus: each case with the status and code the spec asks for. */
export const JSON_RPC_CORPUS: readonly CorpusCase[] = [
  {
    name: 'malformed JSON',
    body: () => '{"jsonrpc":"2.0","id":1,',
    expected: always(400, -32_700),
  },
  { name: 'an empty body', body: () => '', expected: always(400, -32_700) },
  { name: 'null', body: () => 'null', expected: always(400, -32_600) },
  { name: 'a number', body: () => '42', expected: always(400, -32_600) },
  { name: 'a string', body: () => '"tools/list"', expected: always(400, -32_600) },
  {
    name: 'method is a number',
    body: () => request({ id: 1, method: 5 }),
    expected: always(400, -32_600),
  },
  {
    name: 'jsonrpc "1.0"',
    body: () => PING.replace('"2.0"', '"1.0"'),
    expected: always(400, -32_600),
  },
  {
    name: 'id is an object',
    body: () => request({ id: { a: 1 }, method: 'ping' }),
    expected: always(400, -32_600),
  },
  {
    name: 'id 1e400 (Infinity)',
    body: () => '{"jsonrpc":"2.0","id":1e400,"method":"ping"}',
    expected: always(400, -32_600),
  },
  {
    name: 'id beyond 2^53',
    body: () => '{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ping"}',
    expected: always(400, -32_600),
  },
  {
    name: 'id 2^53 - 1',
    body: () => '{"jsonrpc":"2.0","id":9007199254740991,"method":"ping"}',
    expected: always(200, 'result'),
  },
  {
    name: 'a 100 KB string id',
    body: () => request({ id: 'i'.repeat(100_000), method: 'ping' }),
    expected: always(200, 'result'),
  },
  {
    name: 'params is an array',
    body: () => request({ id: 1, method: 'tools/list', params: [1] }),
    expected: always(400, -32_600),
  },
  {
    name: 'an unknown top-level "__proto__" key',
    body: () => '{"jsonrpc":"2.0","id":1,"method":"ping","__proto__":{"x":1}}',
    expected: always(400, -32_600),
  },
  {
    name: 'a bad _meta.progressToken',
    body: () => request({ id: 1, method: 'tools/list', params: { _meta: { progressToken: {} } } }),
    expected: always(400, -32_600),
  },
  { name: 'an empty batch', body: () => '[]', expected: always(400, -32_600) },
  { name: 'a batch of junk', body: () => '[1,"x",null]', expected: always(400, -32_600) },
  {
    name: 'a batch of 101 requests',
    body: () =>
      JSON.stringify(
        Array.from({ length: 101 }, (_, id) => ({ jsonrpc: '2.0', id, method: 'ping' })),
      ),
    expected: always(400, -32_600),
  },
  {
    name: 'a batch of two valid requests',
    body: () => `[${PING},${request({ id: 2, method: 'tools/list' })}]`,
    expected: always(200, 'result', 'result'),
  },
  {
    name: 'arrays nested 100,000 deep',
    body: () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    expected: always(400, -32_600),
  },
  {
    name: 'an unknown method',
    body: () => request({ id: 1, method: 'nope/never' }),
    expected: always(200, -32_601),
  },
  {
    name: 'method "__proto__"',
    body: () => request({ id: 1, method: '__proto__' }),
    expected: always(200, -32_601),
  },
  {
    name: 'method "constructor"',
    body: () => request({ id: 1, method: 'constructor' }),
    expected: always(200, -32_601),
  },
  {
    name: 'an unknown notification',
    body: () => request({ method: 'notifications/whatever' }),
    expected: always(202),
  },
  {
    name: 'Content-Type text/plain',
    body: () => PING,
    headers: { ...MCP_POST_HEADERS, 'content-type': 'text/plain' },
    expected: always(415, -32_000),
  },
  {
    name: 'no Content-Type',
    body: () => PING,
    headers: { accept: MCP_POST_HEADERS.accept ?? '' },
    expected: always(415, -32_000),
  },
  {
    name: 'charset latin1',
    body: () => PING,
    headers: { ...MCP_POST_HEADERS, 'content-type': 'application/json; charset=latin1' },
    expected: always(415, -32_600),
  },
  {
    name: 'Accept text/html',
    body: () => PING,
    headers: { ...MCP_POST_HEADERS, accept: 'text/html' },
    expected: always(406, -32_000),
  },
  {
    name: 'Accept without text/event-stream',
    body: () => PING,
    headers: { ...MCP_POST_HEADERS, accept: 'application/json' },
    expected: always(406, -32_000),
  },
  {
    name: 'an 11 MiB body',
    body: (tool) => toolCallBody(1, tool, { message: 'x'.repeat(OVERSIZED) }),
    expected: always(413, -32_600),
  },
  {
    name: 'arguments that are a string',
    body: (tool) => toolCallBody(1, tool, 'str'),
    expected: always(200, -32_602),
  },
  {
    name: 'tools/call without a name',
    body: () => request({ id: 1, method: 'tools/call', params: { arguments: {} } }),
    expected: always(200, -32_602),
  },
  {
    name: 'tool "__proto__"',
    body: () => toolCallBody(1, '__proto__', {}),
    expected: always(200, -32_602),
  },
  {
    name: 'tool "constructor"',
    body: () => toolCallBody(1, 'constructor', {}),
    expected: always(200, -32_602),
  },
  {
    name: 'an argument of the wrong type',
    body: (tool) => toolCallBody(1, tool, { message: 5 }),
    expected: always(200, -32_602),
  },
  {
    name: '"__proto__" and "constructor" in arguments',
    body: (tool) =>
      `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"${tool}","arguments":{"__proto__":{"message":"polluted"},"constructor":{"prototype":{"message":"polluted"}}}}}`,
    expected: always(200, -32_602),
  },
  {
    name: 'the same call again (nothing was polluted)',
    body: (tool) => toolCallBody(1, tool, {}),
    expected: always(200, -32_602),
  },
  {
    name: 'initialize with junk params',
    body: () => request({ id: 1, method: 'initialize', params: { protocolVersion: 5 } }),
    expected: always(200, -32_602),
  },
  {
    name: 'a lone surrogate and NUL in a string',
    body: (tool) =>
      `{"jsonrpc":"2.0","id":"\\ud800","method":"tools/call","params":{"name":"${tool}","arguments":{"message":"\\ud800\\u0000"}}}`,
    expected: always(200, 'result'),
  },
  {
    name: 'arguments nested 100,000 deep',
    body: (tool) =>
      `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"${tool}","arguments":{"message":"m","x":${nested(100_000, '1')}}}}`,
    // server-kit drops the unknown key; the gateway cannot re-serialize it for the target.
    expected: (surface) =>
      surface === 'gateway'
        ? { status: 200, codes: [-32_602] }
        : { status: 200, codes: ['result'] },
  },
];

/**
 * Says what is wrong with an answer to a corpus case, if anything.
 *
 * @param answer - The HTTP answer.
 * @param expected - The status and codes the case expects.
 * @returns `undefined` when right, else one line.
 */
export function checkAnswer(
  answer: RpcAnswer,
  expected: { status: number; codes?: readonly (number | 'result')[] },
  requestBody: string,
): string | undefined {
  const got = answer.messages.map(
    (message) => message.error?.code ?? ('result' in message ? 'result' : '?'),
  );
  const codes = expected.codes ?? [];
  if (answer.status !== expected.status || JSON.stringify(got) !== JSON.stringify(codes)) {
    return `expected ${expected.status} ${JSON.stringify(codes)}, got ${answer.status} ${JSON.stringify(got)}: ${answer.text.slice(0, 160)}`;
  }
  if (answer.messages.some((message) => message.error?.message.includes('\n'))) {
    return 'an error message spans several lines';
  }
  const sent = requestIds(requestBody);
  const answered = answer.messages.map((message) => message.id).filter((id) => id !== null);
  if (
    sent !== undefined &&
    answered.length > 0 &&
    JSON.stringify(answered) !== JSON.stringify(sent)
  ) {
    return `answered ids ${JSON.stringify(answered).slice(0, 80)} for requests ${JSON.stringify(sent).slice(0, 80)}`;
  }
  return undefined;
}

/** The ids of the requests in a body, when it is JSON. */
function requestIds(body: string): unknown[] | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    const messages = Array.isArray(parsed) ? parsed : [parsed];
    return messages
      .filter(
        (message): message is { id: unknown } =>
          typeof message === 'object' && message !== null && 'id' in message,
      )
      .map((message) => message.id);
  } catch {
    return undefined;
  }
}
