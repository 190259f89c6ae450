import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AgentCoreServer } from '../src/index.js';
import { connectClient, startFixtureServer } from './helpers.js';

describe('resources, resource templates and prompts over streamable HTTP (stateless)', () => {
  let server: AgentCoreServer;
  let client: Client;

  beforeAll(async () => {
    const started = await startFixtureServer();
    server = started.server;
    client = await connectClient(started.url);
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('declares resources with subscribe, prompts and completions', () => {
    expect(client.getServerCapabilities()).toMatchObject({
      resources: { subscribe: true },
      prompts: {},
      completions: {},
    });
  });

  describe('resources', () => {
    it('lists the fixed resources', async () => {
      const { resources } = await client.listResources();
      expect(resources).toEqual([
        { uri: 'test://readme', name: 'readme', mimeType: 'text/markdown' },
        { uri: 'test://logo', name: 'logo', mimeType: 'image/png' },
      ]);
    });

    it('reads a text resource', async () => {
      const result = await client.readResource({ uri: 'test://readme' });
      expect(result).toEqual({
        contents: [{ uri: 'test://readme', mimeType: 'text/markdown', text: '# Fixture' }],
      });
    });

    it('reads a binary resource as a base64 blob', async () => {
      const result = await client.readResource({ uri: 'test://logo' });
      expect(result).toEqual({
        contents: [{ uri: 'test://logo', mimeType: 'image/png', blob: 'iVBORw==' }],
      });
      const blob = (result.contents[0] as { blob: string }).blob;
      expect([...Buffer.from(blob, 'base64')]).toEqual([137, 80, 78, 71]);
    });

    it('rejects a read of an unknown resource with -32602 naming it', async () => {
      const error = await client
        .readResource({ uri: 'test://missing' })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: -32602 });
      expect((error as Error).message).toContain('Resource not found: test://missing');
    });
  });

  describe('resource templates', () => {
    it('lists the templates', async () => {
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates).toEqual([
        { uriTemplate: 'test://users/{id}', name: 'user', mimeType: 'application/json' },
      ]);
    });

    it('reads a resource through its template, with the variables filled in', async () => {
      const result = await client.readResource({ uri: 'test://users/alice' });
      expect(result).toEqual({
        contents: [
          { uri: 'test://users/alice', mimeType: 'application/json', text: '{"id":"alice"}' },
        ],
      });
    });

    it.each([
      ['a', ['alice']],
      ['', ['alice', 'bob', 'carol']],
      ['z', []],
    ])('completes the template variable from %j', async (value, expected) => {
      const { completion } = await client.complete({
        ref: { type: 'ref/resource', uri: 'test://users/{id}' },
        argument: { name: 'id', value },
      });
      expect(completion.values).toEqual(expected);
    });
  });

  describe('subscriptions', () => {
    it.each(['test://readme', 'test://users/bob'])(
      'subscribes to and unsubscribes from %s',
      async (uri) => {
        await expect(client.subscribeResource({ uri })).resolves.toEqual({});
        await expect(client.unsubscribeResource({ uri })).resolves.toEqual({});
      },
    );

    it('rejects a subscription to an unknown URI with -32602 and says what to do', async () => {
      const error = await client
        .subscribeResource({ uri: 'test://nothing-here' })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: -32602 });
      expect((error as Error).message).toBe(
        'MCP error -32602: Unknown resource "test://nothing-here": call resources/list to see what can be subscribed to',
      );
    });

    it('accepts an unsubscribe from a URI that was never subscribed to', async () => {
      await expect(client.unsubscribeResource({ uri: 'test://nothing-here' })).resolves.toEqual({});
    });
  });

  describe('prompts', () => {
    it('lists prompts with their arguments', async () => {
      const { prompts } = await client.listPrompts();
      expect(prompts).toEqual([
        {
          name: 'greet',
          description: 'Greets someone',
          arguments: [
            { name: 'name', required: true },
            { name: 'tone', required: false },
          ],
        },
        { name: 'summarize_day', description: 'Takes no arguments', arguments: [] },
      ]);
    });

    it('renders a prompt with arguments', async () => {
      const result = await client.getPrompt({
        name: 'greet',
        arguments: { name: 'Ada', tone: 'formal' },
      });
      expect(result.messages).toEqual([
        { role: 'user', content: { type: 'text', text: 'Say hello to Ada in a formal tone.' } },
      ]);
    });

    it('renders a prompt without arguments', async () => {
      const result = await client.getPrompt({ name: 'summarize_day' });
      expect(result.messages).toEqual([
        { role: 'user', content: { type: 'text', text: 'Summarize my day.' } },
      ]);
    });

    it('rejects a missing required argument with -32602', async () => {
      const error = await client
        .getPrompt({ name: 'greet', arguments: {} })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: -32602 });
      expect((error as Error).message).toContain('name');
    });

    it.each([
      ['f', ['formal', 'friendly']],
      ['fo', ['formal']],
      ['x', []],
    ])('completes an argument from %j with completion/complete', async (value, expected) => {
      const { completion } = await client.complete({
        ref: { type: 'ref/prompt', name: 'greet' },
        argument: { name: 'tone', value },
      });
      expect(completion.values).toEqual(expected);
    });
  });
});
