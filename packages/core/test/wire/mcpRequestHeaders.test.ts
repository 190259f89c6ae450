import { describe, expect, it } from 'vitest';

import { decodeMcpHeaderValue, encodeMcpHeaderValue, mcpNameHeader } from '../../src/index.js';

describe('encodeMcpHeaderValue', () => {
  it.each([
    ['us-west1', 'us-west1'],
    ['us west 1', 'us west 1'],
    ['\tindented', '=?base64?CWluZGVudGVk?='],
    ['', '=?base64??='],
    [' padded ', '=?base64?IHBhZGRlZCA=?='],
    ['Hello, 世界', '=?base64?SGVsbG8sIOS4lueVjA==?='],
    ['line1\nline2', '=?base64?bGluZTEKbGluZTI=?='],
    ['=?base64?abc?=', '=?base64?PT9iYXNlNjQ/YWJjPz0=?='],
  ])('sends %j as %j', (value, header) => {
    expect(encodeMcpHeaderValue(value)).toBe(header);
  });
});

describe('decodeMcpHeaderValue', () => {
  it.each([
    'us-west1',
    '\tindented',
    '',
    ' padded ',
    'Hello, 世界',
    'line1\nline2',
    '=?base64?abc?=',
  ])('reads back what encodeMcpHeaderValue sends for %j', (value) => {
    expect(decodeMcpHeaderValue(encodeMcpHeaderValue(value))).toBe(value);
  });

  it.each([
    ['a payload that is not base64', '=?base64?not base64?='],
    ['unpadded base64', '=?base64?SGk?='],
    ['bytes that are not UTF-8', '=?base64?/w==?='],
  ])('refuses %s', (_what, field) => {
    expect(decodeMcpHeaderValue(field)).toBeUndefined();
  });

  it('takes a value that only starts like the sentinel as it is', () => {
    expect(decodeMcpHeaderValue('=?base64?')).toBe('=?base64?');
  });
});

describe('mcpNameHeader', () => {
  it.each([
    ['tools/call', { name: 'add' }, 'add'],
    ['prompts/get', { name: 'Grüße' }, '=?base64?R3LDvMOfZQ==?='],
    ['resources/read', { uri: 'docs://readme' }, 'docs://readme'],
    ['tasks/get', { taskId: 't-1' }, 't-1'],
    ['tools/list', {}, undefined],
    ['tools/call', { name: 42 }, undefined],
    ['tools/call', undefined, undefined],
  ])('%s %j → %j', (method, params, header) => {
    expect(mcpNameHeader(method, params)).toBe(header);
  });
});
