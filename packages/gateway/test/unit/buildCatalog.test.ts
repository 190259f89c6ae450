import type { Tool } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';

import {
  buildCatalog,
  type CatalogOptions,
  type CatalogSource,
  GATEWAY_META_KEY,
} from '../../src/catalog/buildCatalog.js';
import { EMPTY_LISTING } from '../../src/upstream/listTarget.js';

const tool = (name: string): Tool => ({
  name,
  description: `${name} tool`,
  inputSchema: { type: 'object' },
});

function source(
  target: string,
  tools: string[],
  extra: Partial<CatalogSource> = {},
): CatalogSource {
  return {
    target,
    prefix: target,
    exposesTool: () => true,
    healthy: true,
    listing: { ...EMPTY_LISTING, tools: tools.map((name) => tool(name)) },
    ...extra,
  };
}

const options = (extra: Partial<CatalogOptions> = {}): CatalogOptions => ({
  prefixMode: 'always',
  hideUnhealthy: true,
  reservedToolNames: ['gateway_status'],
  ...extra,
});

const names = (catalog: ReturnType<typeof buildCatalog>) =>
  catalog.tools.map((entry) => entry.name);

describe('buildCatalog: tool names', () => {
  it('prefixes every tool with its target in "always" mode and routes back to the upstream name', () => {
    const catalog = buildCatalog(
      [source('alpha', ['echo']), source('beta', ['echo', 'add'])],
      options(),
    );
    expect(names(catalog)).toEqual(['alpha___echo', 'beta___echo', 'beta___add']);
    expect(catalog.toolRoutes.get('beta___echo')).toEqual({ target: 'beta', name: 'echo' });
    expect(catalog.problems).toEqual([]);
  });

  it('prefixes only the names two targets share in "on-collision" mode', () => {
    const catalog = buildCatalog(
      [source('alpha', ['echo', 'only_alpha']), source('beta', ['echo', 'add'])],
      options({ prefixMode: 'on-collision' }),
    );
    expect(names(catalog)).toEqual(['alpha___echo', 'only_alpha', 'beta___echo', 'add']);
  });

  it('keeps the first target of a collision in "never" mode and reports the other, without failing', () => {
    const catalog = buildCatalog(
      [source('alpha', ['echo']), source('beta', ['echo', 'add'])],
      options({ prefixMode: 'never' }),
    );
    expect(names(catalog)).toEqual(['echo', 'add']);
    expect(catalog.toolRoutes.get('echo')?.target).toBe('alpha');
    expect(catalog.problems).toEqual([
      expect.objectContaining({ kind: 'collision', name: 'echo', target: 'beta' }),
    ]);
    expect(catalog.problems[0]?.message).toContain('already served by target "alpha"');
  });

  it('never lets a target tool take the name of the gateway’s own status tool', () => {
    const catalog = buildCatalog(
      [source('alpha', ['gateway_status'])],
      options({ prefixMode: 'never' }),
    );
    expect(names(catalog)).toEqual([]);
    expect(catalog.problems[0]?.message).toContain('already served by the gateway itself');
  });

  it('leaves out a tool whose prefixed name exceeds 64 characters, saying how long a prefix may be', () => {
    const longTool = 'x'.repeat(56);
    const catalog = buildCatalog([source('target', [longTool, 'ok'])], options());
    expect(names(catalog)).toEqual(['target___ok']);
    expect(catalog.problems).toHaveLength(1);
    expect(catalog.problems[0]).toMatchObject({ kind: 'name-too-long', target: 'target' });
    expect(catalog.problems[0]?.message).toContain('at most 5 characters');
  });

  it('applies the target’s allow/deny filter on upstream names', () => {
    const catalog = buildCatalog(
      [source('alpha', ['read', 'write'], { exposesTool: (name) => name !== 'write' })],
      options(),
    );
    expect(names(catalog)).toEqual(['alpha___read']);
    expect(catalog.toolRoutes.has('alpha___write')).toBe(false);
  });
});

describe('buildCatalog: unhealthy targets', () => {
  it('hides an unhealthy target’s tools from the list but keeps their routes', () => {
    const catalog = buildCatalog([source('alpha', ['echo'], { healthy: false })], options());
    expect(names(catalog)).toEqual([]);
    expect(catalog.toolRoutes.get('alpha___echo')).toEqual({ target: 'alpha', name: 'echo' });
  });

  it('flags them instead when hideUnhealthy is false', () => {
    const catalog = buildCatalog(
      [source('alpha', ['echo'], { healthy: false })],
      options({ hideUnhealthy: false }),
    );
    expect(catalog.tools[0]?.description).toBe(
      '[unavailable: target "alpha" is unhealthy] echo tool',
    );
    expect(catalog.tools[0]?._meta?.[GATEWAY_META_KEY]).toEqual({
      target: 'alpha',
      healthy: false,
    });
  });
});

describe('buildCatalog: prompts and resources', () => {
  it('prefixes prompts like tools and keeps resource URIs, first owner winning', () => {
    const alpha: CatalogSource = {
      ...source('alpha', []),
      listing: {
        tools: [],
        prompts: [{ name: 'greet' }],
        resources: [{ uri: 'file:///a', name: 'a' }],
        resourceTemplates: [{ uriTemplate: 'note://{id}', name: 'note' }],
      },
    };
    const beta: CatalogSource = {
      ...source('beta', []),
      listing: {
        tools: [],
        prompts: [{ name: 'greet' }],
        resources: [{ uri: 'file:///a', name: 'also a' }],
        resourceTemplates: [],
      },
    };
    const catalog = buildCatalog([alpha, beta], options());
    expect(catalog.prompts.map((prompt) => prompt.name)).toEqual(['alpha___greet', 'beta___greet']);
    expect(catalog.resources.map((resource) => resource.name)).toEqual(['a']);
    expect(catalog.resourceRoutes.get('file:///a')).toBe('alpha');
    expect(catalog.templateRoutes[0]?.template.match('note://42')).toEqual({ id: '42' });
    expect(catalog.problems).toEqual([
      expect.objectContaining({ kind: 'collision', name: 'file:///a', target: 'beta' }),
    ]);
  });
});
