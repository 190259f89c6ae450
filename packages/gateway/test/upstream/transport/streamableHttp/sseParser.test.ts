import { describe, expect, it } from 'vitest';

import {
  type SseEvent,
  SseParser,
} from '../../../../src/upstream/transport/streamableHttp/sseParser.js';

function parse(chunks: (string | Buffer)[]): { events: SseEvent[]; retries: number[] } {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const parser = new SseParser({
    onEvent: (event) => events.push(event),
    onRetry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) parser.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  parser.end();
  return { events, retries };
}

/** Every split of `text` into two chunks, byte by byte. */
function everySplit(text: string): Buffer[][] {
  const bytes = Buffer.from(text);
  return Array.from({ length: bytes.length + 1 }, (_, at) => [
    bytes.subarray(0, at),
    bytes.subarray(at),
  ]);
}

describe('SseParser', () => {
  it.each([
    ['LF', 'event: message\ndata: {"a":1}\n\n'],
    ['CRLF', 'event: message\r\ndata: {"a":1}\r\n\r\n'],
    ['CR', 'event: message\rdata: {"a":1}\r\r'],
  ])('parses an event whose lines end in %s', (_name, text) => {
    expect(parse([text]).events).toEqual([{ event: 'message', data: '{"a":1}', id: undefined }]);
  });

  it('joins multi-line data with \\n and keeps the space after the first one only', () => {
    const { events } = parse(['data: one\ndata:two\ndata:  three\ndata\n\n']);
    expect(events).toEqual([{ event: undefined, data: 'one\ntwo\n three\n', id: undefined }]);
  });

  it('skips comments, reports ids (with or without data) and retry, ignores unknown fields', () => {
    const { events, retries } = parse([
      ': keep-alive\n\n',
      'id: 7\ndata:\n\n',
      'retry: 250\nfoo: bar\nid: 8\nevent: note\ndata: x\n\n',
      'retry: soon\n\n',
    ]);
    expect(events).toEqual([
      { event: undefined, data: '', id: '7' },
      { event: 'note', data: 'x', id: '8' },
    ]);
    expect(retries).toEqual([250]);
  });

  it('gives the same events whatever the chunk boundaries (CRLF pairs, UTF-8 sequences, BOM)', () => {
    const text = '\uFEFFid: 1\r\ndata: héllo — ✓\r\n\r\ndata: {"b":[1,2]}\r\n\r\n';
    const expected = [
      { event: undefined, data: 'héllo — ✓', id: '1' },
      { event: undefined, data: '{"b":[1,2]}', id: undefined },
    ];
    for (const chunks of everySplit(text)) expect(parse(chunks).events).toEqual(expected);
    const oneByteAtATime = [...Buffer.from(text)].map((byte) => Buffer.from([byte]));
    expect(parse(oneByteAtATime).events).toEqual(expected);
  });

  it('drops an event the stream ends before terminating', () => {
    expect(parse(['data: done\n\n', 'data: cut off\n']).events).toEqual([
      { event: undefined, data: 'done', id: undefined },
    ]);
  });
});
