import type { Tool } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';

import { ToolParamHeaders } from '../../src/upstream/toolParamHeaders.js';

const tool = (name: string, properties: Record<string, unknown>): Tool => ({
  name,
  inputSchema: { type: 'object', properties } as Tool['inputSchema'],
});

describe('ToolParamHeaders', () => {
  it('mirrors annotated arguments (nested too), as text, and leaves out null and absent ones', () => {
    const headers = new ToolParamHeaders();
    const { tools, excluded } = headers.update([
      tool('lookup', {
        region: { type: 'string', 'x-mcp-header': 'Region' },
        priority: { type: 'integer', 'x-mcp-header': 'Priority' },
        verbose: { type: 'boolean', 'x-mcp-header': 'Verbose' },
        where: { type: 'object', properties: { zone: { type: 'string', 'x-mcp-header': 'Zone' } } },
        query: { type: 'string' },
      }),
      tool('plain', { query: { type: 'string' } }),
    ]);
    expect(tools.map((entry) => entry.name)).toEqual(['lookup', 'plain']);
    expect(excluded).toEqual([]);
    expect(
      headers.headersFor('lookup', {
        region: 'eu west',
        priority: 42,
        verbose: null,
        where: { zone: 'b' },
        query: 'SELECT 1',
      }),
    ).toEqual({
      'Mcp-Param-Region': 'eu west',
      'Mcp-Param-Priority': '42',
      'Mcp-Param-Zone': 'b',
    });
    expect(headers.headersFor('lookup', { verbose: false })).toEqual({
      'Mcp-Param-Verbose': 'false',
    });
    expect(headers.headersFor('plain', { query: 'x' })).toBeUndefined();
    expect(headers.headersFor('unknown', {})).toBeUndefined();
  });

  it.each([
    ['an empty name', { v: { type: 'string', 'x-mcp-header': '' } }, 'must not be empty'],
    ['a space in the name', { v: { type: 'string', 'x-mcp-header': 'My Region' } }, 'HTTP token'],
    ['a non-ASCII name', { v: { type: 'string', 'x-mcp-header': 'Région' } }, 'HTTP token'],
    ['an object property', { v: { type: 'object', 'x-mcp-header': 'Data' } }, 'not object'],
    ['a number property', { v: { type: 'number', 'x-mcp-header': 'Score' } }, 'not number'],
    [
      'a name twice, in another case',
      {
        a: { type: 'string', 'x-mcp-header': 'MyField' },
        b: { type: 'string', 'x-mcp-header': 'myfield' },
      },
      'repeats',
    ],
    [
      'an annotation under items',
      { list: { type: 'array', items: { type: 'string', 'x-mcp-header': 'Item' } } },
      'reached through "properties"',
    ],
  ])('leaves out a tool with %s', (_case, properties, reason) => {
    const headers = new ToolParamHeaders();
    const { tools, excluded } = headers.update([
      tool('bad', properties),
      tool('good', { r: { type: 'string', 'x-mcp-header': 'R' } }),
    ]);
    expect(tools.map((entry) => entry.name)).toEqual(['good']);
    expect(excluded).toEqual([{ name: 'bad', reason: expect.stringContaining(reason) as unknown }]);
  });

  describe('mismatch', () => {
    const headers = new ToolParamHeaders();
    headers.update([
      tool('lookup', {
        region: { type: 'string', 'x-mcp-header': 'Region' },
        priority: { type: 'integer', 'x-mcp-header': 'Priority' },
        verbose: { type: 'boolean', 'x-mcp-header': 'Verbose' },
      }),
    ]);
    const sent = (fields: Record<string, string>) => (name: string) => fields[name];

    it.each([
      ['the same text', { region: 'eu' }, { 'mcp-param-region': 'eu' }],
      ['a number written differently', { priority: 42 }, { 'mcp-param-priority': '4.2e1' }],
      ['a boolean as text', { verbose: false }, { 'mcp-param-verbose': 'false' }],
      ['a null argument and no header', { region: null }, {}],
      ['an absent argument and a header anyway', {}, { 'mcp-param-region': 'ignored' }],
      ['the base64 sentinel', { region: ' eu ' }, { 'mcp-param-region': '=?base64?IGV1IA==?=' }],
    ])('accepts %s', (_case, args, fields) => {
      expect(headers.mismatch('lookup', args, sent(fields))).toBeUndefined();
    });

    it.each([
      [
        { region: 'eu' },
        {},
        'the Mcp-Param-Region header is missing, but arguments.region is "eu"',
      ],
      [
        { priority: 42 },
        { 'mcp-param-priority': '43' },
        'the Mcp-Param-Priority header says "43", but arguments.priority is 42',
      ],
      [
        { verbose: true },
        { 'mcp-param-verbose': 'TRUE' },
        'the Mcp-Param-Verbose header says "TRUE", but arguments.verbose is true',
      ],
    ])('refuses %j with headers %j', (args, fields, why) => {
      expect(headers.mismatch('lookup', args, sent(fields))).toBe(why);
    });

    it('has nothing to check for a tool without annotations', () => {
      expect(headers.mismatch('other', { region: 'eu' }, sent({}))).toBeUndefined();
    });
  });
});
