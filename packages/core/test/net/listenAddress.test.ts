import { describe, expect, it } from 'vitest';

import { parsePort, readListenAddress } from '../../src/net/listenAddress.js';

describe('parsePort', () => {
  it.each([
    ['0', 0],
    ['8000', 8000],
    [' 65535 ', 65_535],
  ])('parses %j', (text, port) => expect(parsePort(text)).toBe(port));

  it.each(['eighty', '-1', '65536', '80.5', ''])('refuses %j naming the source', (text) => {
    expect(() => parsePort(text, 'gateway.port')).toThrow(
      expect.objectContaining({
        code: 'ERR_CONFIG_INVALID',
        message: `Invalid gateway.port "${text}": use an integer from 0 to 65535`,
      }),
    );
  });
});

describe('readListenAddress', () => {
  it.each([
    { env: {}, expected: {} },
    { env: { HOST: ' ', PORT: '' }, expected: {} },
    { env: { HOST: '127.0.0.1', PORT: '9000' }, expected: { host: '127.0.0.1', port: 9000 } },
  ])('$env → $expected', ({ env, expected }) => {
    expect(readListenAddress(env)).toEqual(expected);
  });

  it('refuses a PORT that is not a port', () => {
    expect(() => readListenAddress({ PORT: 'eighty' })).toThrow(/Invalid PORT "eighty"/);
  });
});
