import { describe, expect, it } from 'vitest';

import { parsePort, readListenAddress } from '../../src/net/listenAddress.js';

describe('parsePort', () => {
  it.each([
    ['0', 0],
    ['8000', 8000],
    [' 65535 ', 65_535],
  ])('parses %j', (text, port) => expect(parsePort(text)).toBe(port));

  it.each(['eighty', '-1', '65536', '80.5', '8e3', '0x50', '1_000', ''])(
    'refuses %j naming the source',
    (text) => {
      expect(() => parsePort(text, 'gateway.port')).toThrow(
        expect.objectContaining({
          code: 'ERR_CONFIG_INVALID',
          message: `Invalid gateway.port "${text}": use an integer from 0 to 65535`,
        }),
      );
    },
  );
});

describe('readListenAddress', () => {
  it.each([
    { env: {}, expected: {} },
    { env: { HOST: ' ', PORT: '' }, expected: {} },
    { env: { HOST: '127.0.0.1', PORT: '9000' }, expected: { host: '127.0.0.1', port: 9000 } },
    { env: { HOST: '0.0.0.0', PORT: '8000' }, expected: { host: '0.0.0.0', port: 8000 } },
    { env: { PORT: '0' }, expected: { port: 0 } },
    { env: { PORT: '65535' }, expected: { port: 65_535 } },
  ])('$env → $expected', ({ env, expected }) => {
    expect(readListenAddress(env)).toEqual(expected);
  });

  it.each(['eighty', '8e3', '0x50'])('refuses PORT %j with one line', (port) => {
    expect(() => readListenAddress({ PORT: port })).toThrow(
      expect.objectContaining({
        code: 'ERR_CONFIG_INVALID',
        message: `Invalid PORT "${port}": use an integer from 0 to 65535`,
      }),
    );
  });
});
