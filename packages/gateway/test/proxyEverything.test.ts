// server-everything (the MCP reference server, a real third-party process) behind the gateway:
// over stdio, and over the legacy HTTP+SSE transport.
import { toolText } from '@agentcore-mcp/test-support';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type ProxyGateway, startProxyGateway } from './support/startProxyGateway.js';
import { EVERYTHING_ENTRY, startEverythingSse } from './support/upstreamProcesses.js';

type EverythingServer = Awaited<ReturnType<typeof startEverythingSse>>;

const DOC_URI = 'demo://resource/static/document/features.md';

describe('server-everything over stdio behind the gateway', () => {
  let proxy: ProxyGateway;
  let client: Client;

  beforeAll(async () => {
    proxy = await startProxyGateway({
      mcpServers: { everything: { command: process.execPath, args: [EVERYTHING_ENTRY, 'stdio'] } },
    });
    client = await proxy.connect();
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it('lists its tools prefixed with the target name, plus gateway_status', async () => {
    const names = (await client.listTools()).tools.map((tool) => tool.name);
    expect(names).toEqual(
      expect.arrayContaining(['everything___echo', 'everything___get-sum', 'gateway_status']),
    );
    expect(names.filter((name) => name !== 'gateway_status')).toEqual(
      names.filter((name) => name.startsWith('everything___')),
    );
    expect(proxy.gateway.status().targets).toMatchObject([
      { name: 'everything', transport: 'stdio', healthy: true },
    ]);
  });

  it('calls echo and get-sum', async () => {
    const echo = await client.callTool({
      name: 'everything___echo',
      arguments: { message: 'hello' },
    });
    expect(toolText(echo)).toBe('Echo: hello');
    const sum = await client.callTool({ name: 'everything___get-sum', arguments: { a: 2, b: 40 } });
    expect(toolText(sum)).toBe('The sum of 2 and 40 is 42.');
  });

  it('lists resources with their URIs unchanged and reads one', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri)).toContain(DOC_URI);
    const { contents } = await client.readResource({ uri: DOC_URI });
    expect(contents).toEqual([
      { uri: DOC_URI, mimeType: 'text/markdown', text: expect.stringMatching(/\S/) as unknown },
    ]);
  });

  it('reads a URI that only a resource template matches', async () => {
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((template) => template.uriTemplate)).toContain(
      'demo://resource/dynamic/text/{resourceId}',
    );
    const uri = 'demo://resource/dynamic/text/7';
    const { contents } = await client.readResource({ uri });
    expect(contents).toEqual([
      {
        uri,
        mimeType: 'text/plain',
        text: expect.stringMatching(/^Resource 7: This is a plaintext resource/) as unknown,
      },
    ]);
  });

  it('answers resources/read of a URI nobody serves with -32602 (MCP 2026-07-28, every revision)', async () => {
    await expect(client.readResource({ uri: 'demo://nowhere/1' })).rejects.toMatchObject({
      code: -32602,
    });
  });

  it('lists prompts prefixed and gets one with arguments', async () => {
    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name)).toEqual(
      expect.arrayContaining(['everything___args-prompt', 'everything___completable-prompt']),
    );
    const prompt = await client.getPrompt({
      name: 'everything___args-prompt',
      arguments: { city: 'Lyon', state: 'Rhône' },
    });
    expect(prompt.messages).toEqual([
      { role: 'user', content: { type: 'text', text: "What's weather in Lyon, Rhône?" } },
    ]);
  });

  it('completes the completable prompt, with context from the first argument', async () => {
    const department = await client.complete({
      ref: { type: 'ref/prompt', name: 'everything___completable-prompt' },
      argument: { name: 'department', value: 'S' },
    });
    expect(department.completion.values).toEqual(['Sales', 'Support']);
    const name = await client.complete({
      ref: { type: 'ref/prompt', name: 'everything___completable-prompt' },
      argument: { name: 'name', value: '' },
      context: { arguments: { department: 'Engineering' } },
    });
    expect(name.completion.values).toEqual(['Alice', 'Bob', 'Charlie']);
  });

  it('completes a resource template argument', async () => {
    const result = await client.complete({
      ref: { type: 'ref/resource', uri: 'demo://resource/dynamic/text/{resourceId}' },
      argument: { name: 'resourceId', value: '12' },
    });
    expect(result.completion.values).toEqual(['12']);
  });
});

describe('server-everything over legacy HTTP+SSE behind the gateway', () => {
  let everything: EverythingServer;
  let proxy: ProxyGateway;
  let client: Client;

  beforeAll(async () => {
    everything = await startEverythingSse();
    proxy = await startProxyGateway({
      mcpServers: { legacy: { url: everything.url, prefix: 'old' } },
      gateway: { mode: 'stateful' },
    });
    client = await proxy.connect();
  });
  afterAll(async () => {
    await proxy?.close();
    await everything?.stop();
  });

  it('detects the SSE transport from the /sse URL and proxies tools, resources and prompts', async () => {
    expect(proxy.gateway.status().targets).toMatchObject([
      { name: 'legacy', transport: 'sse', healthy: true },
    ]);
    expect(
      toolText(await client.callTool({ name: 'old___get-sum', arguments: { a: 1, b: 2 } })),
    ).toBe('The sum of 1 and 2 is 3.');
    const { contents } = await client.readResource({ uri: DOC_URI });
    expect(contents).toMatchObject([{ uri: DOC_URI }]);
    const prompt = await client.getPrompt({ name: 'old___simple-prompt' });
    expect(prompt.messages).toMatchObject([
      { content: { text: 'This is a simple prompt without arguments.' } },
    ]);
  });
});
