import { describe, expect, it } from 'vitest';

import { guessHttpTransport, httpTransportOf } from '../../src/index.js';

describe('guessHttpTransport', () => {
  it.each([
    ['https://legacy.example.com/sse', 'sse'],
    [new URL('http://127.0.0.1:8001/sse'), 'sse'],
    ['https://legacy.example.com/sse?token=x#y', 'sse'],
    ['https://${HOST}/sse', 'sse'],
    ['https://weather.example.com/mcp', 'streamable-http'],
    ['https://weather.example.com/sse/mcp', 'streamable-http'],
    ['https://example.com/notsse', 'streamable-http'],
  ] as const)('%s → %s', (url, transport) => {
    expect(guessHttpTransport(url)).toBe(transport);
  });
});

describe('httpTransportOf', () => {
  it.each([
    [{ url: 'https://a.example/sse' }, 'sse'],
    [{ url: 'https://a.example/mcp' }, 'streamable-http'],
    [{ url: 'https://a.example/mcp', type: 'sse' }, 'sse'],
    [{ url: 'https://a.example/sse', type: 'http' }, 'streamable-http'],
    [{ url: 'https://a.example/sse', transport: 'streamable-http' }, 'streamable-http'],
    [{ url: 'https://a.example/mcp', type: 'http', transport: 'sse' }, 'sse'],
  ] as const)('%j → %s', (entry, transport) => {
    expect(httpTransportOf(entry)).toBe(transport);
  });
});
