import { AgentCoreMcpError } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

import {
  assertTargetName,
  formatGatewayToolName,
  GATEWAY_TOOL_NAME_SEPARATOR,
  MAX_TOOL_NAME_LENGTH,
  parseGatewayToolName,
} from '../src/index.js';

function catchError(run: () => unknown): AgentCoreMcpError {
  try {
    run();
  } catch (error) {
    if (error instanceof AgentCoreMcpError) return error;
    throw error;
  }
  throw new Error('expected an AgentCoreMcpError, nothing was thrown');
}

describe('constants', () => {
  it('match the AgentCore Gateway convention and the 64-character model limit', () => {
    expect(GATEWAY_TOOL_NAME_SEPARATOR).toBe('___');
    expect(MAX_TOOL_NAME_LENGTH).toBe(64);
  });
});

describe('assertTargetName', () => {
  it.each([
    'a',
    'Z',
    '7',
    'github',
    'my-target',
    'my_target',
    'a__b',
    'a-',
    'A1-b2_c3',
    'x'.repeat(63),
  ])('accepts %j', (name) => {
    expect(() => assertTargetName(name)).not.toThrow();
  });

  it.each([
    ['', /expected 1-63 letters/],
    ['-lead', /starting with a letter or digit/],
    ['_lead', /starting with a letter or digit/],
    ['has space', /expected 1-63 letters/],
    ['dot.ted', /expected 1-63 letters/],
    ['ünïcode', /expected 1-63 letters/],
    ['x'.repeat(64), /expected 1-63 letters/],
    ['my___target', /must not contain "___"/],
    ['a____b', /must not contain "___"/],
    ['trailing_', /must not end with "_"/],
    ['a__', /must not end with "_"/],
  ])('rejects %j', (name, message) => {
    const error = catchError(() => assertTargetName(name));
    expect(error.code).toBe('ERR_CONFIG_INVALID');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(JSON.stringify(name));
    expect(error.message).not.toContain('\n');
  });
});

describe('formatGatewayToolName', () => {
  it.each([
    ['github', 'search_issues', 'github___search_issues'],
    ['a', 'b', 'a___b'],
    ['t-1', 'tool.with.dots', 't-1___tool.with.dots'],
    ['t', '_leading_underscore', 't____leading_underscore'],
    ['t', 'has___separator', 't___has___separator'],
    ['x'.repeat(30), 'y'.repeat(31), `${'x'.repeat(30)}___${'y'.repeat(31)}`],
    ['x', 'y'.repeat(60), `x___${'y'.repeat(60)}`],
  ])('formats (%j, %j) as %j', (target, tool, expected) => {
    const name = formatGatewayToolName(target, tool);
    expect(name).toBe(expected);
    expect(name.length).toBeLessThanOrEqual(MAX_TOOL_NAME_LENGTH);
  });

  it.each([
    [
      'x'.repeat(31),
      'y'.repeat(31),
      /is 65 characters.*use a target prefix of at most 30 characters/,
    ],
    ['github', 'y'.repeat(56), /is 65 characters.*at most 5 characters instead of "github"/],
    [
      'x',
      'y'.repeat(61),
      /is 65 characters.*leaves no room for a prefix; it must be renamed upstream/,
    ],
    ['x'.repeat(63), 'y'.repeat(63), /is 129 characters.*leaves no room for a prefix/],
  ])('rejects (%j, %j) as too long', (target, tool, message) => {
    const error = catchError(() => formatGatewayToolName(target, tool));
    expect(error.code).toBe('ERR_CONFIG_INVALID');
    expect(error.message).toMatch(/longer than the 64-character limit/);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['bad___target', 'tool', /Invalid gateway target name/],
    ['', 'tool', /Invalid gateway target name/],
    ['trailing_', 'tool', /must not end with "_"/],
    ['github', '', /Empty tool name for gateway target "github"/],
  ])('rejects (%j, %j) as invalid', (target, tool, message) => {
    const error = catchError(() => formatGatewayToolName(target, tool));
    expect(error.code).toBe('ERR_CONFIG_INVALID');
    expect(error.message).toMatch(message);
  });
});

describe('parseGatewayToolName', () => {
  it.each([
    ['github___search_issues', { target: 'github', tool: 'search_issues' }],
    ['a___b', { target: 'a', tool: 'b' }],
    ['t___has___separator', { target: 't', tool: 'has___separator' }],
    ['t____leading', { target: 't', tool: '_leading' }],
    ['my-target___x', { target: 'my-target', tool: 'x' }],
    [`x___${'y'.repeat(100)}`, { target: 'x', tool: 'y'.repeat(100) }],
  ])('parses %j', (name, expected) => {
    expect(parseGatewayToolName(name)).toEqual(expected);
  });

  it.each([
    'search_issues',
    'one__two',
    '',
    '___',
    '___tool',
    'target___',
    '-bad___tool',
    'bad target___tool',
    `${'x'.repeat(64)}___tool`,
  ])('returns undefined for %j', (name) => {
    expect(parseGatewayToolName(name)).toBeUndefined();
  });

  it.each([
    ['github', 'search_issues'],
    ['a', '_x'],
    ['a__b', 'c'],
    ['a-', '__x__'],
    ['t', 'has___separator'],
    ['x'.repeat(30), 'y'.repeat(31)],
  ])('round-trips (%j, %j) through format and parse', (target, tool) => {
    expect(parseGatewayToolName(formatGatewayToolName(target, tool))).toEqual({ target, tool });
  });
});
