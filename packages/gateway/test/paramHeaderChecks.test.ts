// The gateway is the MCP 2026-07-28 server its clients talk to, so it checks their `Mcp-Param-*`
// headers against the arguments of each call (SEP-2243) before routing it: a call whose headers
// disagree is answered HTTP 400, -32020, and never reaches the target. A real server-kit target,
// the real gateway, and raw requests as a 2026-07-28 client sends them.
import { modernRequest } from '@agentcore-mcp/client';
import { createAgentCoreServer, defineTool } from '@agentcore-mcp/server-kit';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';

import { createCleanup } from './support/deferCleanup.js';
import { startProxyGateway } from './support/startProxyGateway.js';

const cleanup = createCleanup();
afterEach(() => cleanup.run());

/** A target with `locate {region, zone?, count?}`: `region` and `count` are mirrored in headers. */
async function startLocateTarget(): Promise<{ url: string; calls: () => number }> {
  let calls = 0;
  const server = createAgentCoreServer({
    name: 'geo',
    version: '1.0.0',
    host: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'silent' }),
    tools: [
      defineTool({
        name: 'locate',
        description: 'Echoes where it was asked to look',
        input: {
          region: z.string().meta({ 'x-mcp-header': 'Region' }),
          count: z.number().int().meta({ 'x-mcp-header': 'Count' }).optional(),
          zone: z.string().optional(),
        },
        handler: ({ region, count }) => {
          calls += 1;
          return `geo: ${region} ×${count ?? 1}`;
        },
      }),
    ],
  });
  const { url } = await server.listen();
  cleanup.add({ close: () => server.close() });
  return { url, calls: () => calls };
}

/** POSTs `tools/call geo___locate` as a 2026-07-28 client would, with these `Mcp-Param-*` headers. */
async function callLocate(
  gatewayUrl: string,
  args: Record<string, unknown>,
  paramHeaders: Record<string, string>,
): Promise<{ status: number; body: { result?: unknown; error?: Record<string, unknown> } }> {
  const request = modernRequest('tools/call', { name: 'geo___locate', arguments: args });
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { ...request.headers, ...paramHeaders },
    body: request.body,
  });
  return {
    status: response.status,
    body: (await response.json()) as { result?: unknown; error?: Record<string, unknown> },
  };
}

describe("the gateway checks a 2026-07-28 client's Mcp-Param-* headers", () => {
  it('routes a call whose headers agree with its arguments (integers compared as numbers)', async () => {
    const target = await startLocateTarget();
    const gateway = cleanup.add(
      await startProxyGateway({ mcpServers: { geo: { url: target.url } } }),
    );
    const answer = await callLocate(
      gateway.url,
      { region: 'eu west', count: 3, zone: 'b' },
      { 'mcp-param-region': 'eu west', 'mcp-param-count': '3.0' },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.result).toMatchObject({
      content: [{ type: 'text', text: 'geo: eu west ×3' }],
    });
    // The base64 sentinel form of a value decodes to it.
    const encoded = await callLocate(
      gateway.url,
      { region: 'Zürich' },
      { 'mcp-param-region': `=?base64?${Buffer.from('Zürich').toString('base64')}?=` },
    );
    expect(encoded.body.result).toMatchObject({ content: [{ text: 'geo: Zürich ×1' }] });
    expect(target.calls()).toBe(2);
  });

  it.each([
    [
      'a header that disagrees',
      { region: 'eu-west' },
      { 'mcp-param-region': 'us-east' },
      'the Mcp-Param-Region header says "us-east", but arguments.region is "eu-west"',
    ],
    [
      'a missing header',
      { region: 'eu-west', count: 2 },
      { 'mcp-param-region': 'eu-west' },
      'the Mcp-Param-Count header is missing, but arguments.count is 2',
    ],
    [
      'a sentinel that is not base64',
      { region: 'eu-west' },
      { 'mcp-param-region': '=?base64?not base64?=' },
      'the Mcp-Param-Region header is not canonical base64 of UTF-8 inside =?base64?…?=',
    ],
  ])(
    'answers %s with HTTP 400, -32020, and does not call the target',
    async (_case, args, headers, why) => {
      const target = await startLocateTarget();
      const gateway = cleanup.add(
        await startProxyGateway({ mcpServers: { geo: { url: target.url } } }),
      );
      const answer = await callLocate(gateway.url, args, headers);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toEqual({
        code: -32_020,
        message: `Bad Request: the request headers and body disagree: ${why}`,
        data: { code: 'ERR_HEADER_MISMATCH', target: 'geo' },
      });
      expect(target.calls()).toBe(0);
    },
  );

  it('expects no header for an absent argument, and ignores headers it does not map', async () => {
    const target = await startLocateTarget();
    const gateway = cleanup.add(
      await startProxyGateway({ mcpServers: { geo: { url: target.url } } }),
    );
    const answer = await callLocate(
      gateway.url,
      { region: 'eu-west', zone: 'c' },
      { 'mcp-param-region': 'eu-west', 'mcp-param-zone': 'elsewhere' },
    );
    expect(answer.status).toBe(200);
    expect(target.calls()).toBe(1);
  });
});
