import { toolText } from '@agentcore-mcp/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { modernRequest } from '../src/modernRequest.js';
import { startMcpServer, type TestMcpServer } from './connectAgentCore/helpers.js';

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': { name: 'agentcore-mcp-client', version: '0.1.0' },
};

/** The JSON-RPC reply in a JSON or SSE body. */
async function readReply(response: Response): Promise<Record<string, unknown>> {
  const text = await response.text();
  const json = response.headers.get('content-type')?.startsWith('text/event-stream')
    ? text
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trim())
        .at(-1)
    : text;
  return JSON.parse(json ?? '{}') as Record<string, unknown>;
}

describe('modernRequest', () => {
  it('builds the body with the _meta envelope and the headers that must agree with it', () => {
    const request = modernRequest('tools/call', { name: 'add', arguments: { a: 1 } });
    expect(request.headers).toEqual({
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': 'tools/call',
      'mcp-name': 'add',
    });
    expect(JSON.parse(request.body)).toEqual({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'add', arguments: { a: 1 }, _meta: ENVELOPE },
    });
  });

  it.each([
    ['tools/call', { name: 'add' }, 'add'],
    ['prompts/get', { name: 'review_code' }, 'review_code'],
    ['resources/read', { uri: 'docs://readme' }, 'docs://readme'],
    ['tools/list', { cursor: 'c1' }, undefined],
    ['server/discover', {}, undefined],
  ])('sends Mcp-Name for %s only where the spec asks for it', (method, params, name) => {
    const { headers } = modernRequest(method, params);
    expect(headers['mcp-method']).toBe(method);
    expect(headers['mcp-name']).toBe(name);
  });

  it.each([
    ['héllo', '=?base64?aMOpbGxv?='],
    [' padded', '=?base64?IHBhZGRlZA==?='],
    ['line\nbreak', '=?base64?bGluZQpicmVhaw==?='],
    ['=?base64?abc?=', '=?base64?PT9iYXNlNjQ/YWJjPz0=?='],
    ['tab\tand ascii', 'tab\tand ascii'],
  ])('base64-wraps a name that is not a plain header value: %j', (name, header) => {
    expect(modernRequest('tools/call', { name }).headers['mcp-name']).toBe(header);
  });

  it('takes the id, client info and capabilities, and keeps the caller’s other _meta keys', () => {
    const { body } = modernRequest(
      'tools/list',
      { _meta: { traceparent: '00-1-2-01', 'io.modelcontextprotocol/protocolVersion': 'x' } },
      {
        id: 'req-7',
        clientInfo: { name: 'probe', version: '2.0.0' },
        capabilities: { elicitation: {} },
      },
    );
    expect(JSON.parse(body)).toEqual({
      jsonrpc: '2.0',
      id: 'req-7',
      method: 'tools/list',
      params: {
        _meta: {
          traceparent: '00-1-2-01',
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientCapabilities': { elicitation: {} },
          'io.modelcontextprotocol/clientInfo': { name: 'probe', version: '2.0.0' },
        },
      },
    });
  });

  describe('against a real server of both eras', () => {
    let mcp: TestMcpServer;
    beforeAll(async () => {
      mcp = await startMcpServer();
    });
    afterAll(async () => {
      await mcp.server.close();
    });

    it('is answered as a 2026-07-28 request: server/discover and tools/call', async () => {
      const discover = await fetch(mcp.url, {
        method: 'POST',
        ...modernRequest('server/discover'),
      });
      expect(discover.status).toBe(200);
      const { result } = (await readReply(discover)) as { result: { supportedVersions: string[] } };
      expect(result.supportedVersions).toContain('2026-07-28');

      const call = await fetch(mcp.url, {
        method: 'POST',
        ...modernRequest('tools/call', { name: 'echo', arguments: { message: 'raw' } }, { id: 9 }),
      });
      expect(call.status).toBe(200);
      const reply = (await readReply(call)) as { id: number; result: object };
      expect(reply.id).toBe(9);
      expect(toolText(reply.result)).toBe('Echo: raw');
    });

    it('encodes a non-ASCII Mcp-Name the way the server decodes it (no -32020 header mismatch)', async () => {
      const response = await fetch(mcp.url, {
        method: 'POST',
        ...modernRequest('tools/call', { name: 'écho', arguments: {} }),
      });
      const reply = (await readReply(response)) as { error?: { code: number; message: string } };
      expect(reply.error?.code).not.toBe(-32020);
      expect(reply.error?.message).toMatch(/écho/);
    });
  });
});
