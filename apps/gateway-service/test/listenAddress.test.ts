// The env HOST/PORT contract of src/main.ts, which passes core's readListenAddress(process.env) to
// createGateway as its host/port overrides (the service's own copy, readListenOverrides, is gone).
// These cases pin what the container relies on; core's own test covers fewer PORT spellings.
import { AgentCoreMcpError, readListenAddress } from '@agentcore-mcp/core';
import { describe, expect, it } from 'vitest';

describe('env HOST/PORT → listen overrides (core readListenAddress)', () => {
  it.each([
    [{}, {}],
    [{ HOST: '', PORT: '' }, {}],
    [{ HOST: '  ', PORT: ' ' }, {}],
    [{ HOST: '127.0.0.1' }, { host: '127.0.0.1' }],
    [{ PORT: '0' }, { port: 0 }],
    [
      { HOST: '0.0.0.0', PORT: '8000' },
      { host: '0.0.0.0', port: 8000 },
    ],
    [{ PORT: '65535' }, { port: 65_535 }],
  ])('%j → %j', (env, expected) => {
    expect(readListenAddress(env)).toEqual(expected);
  });

  it.each(['eighty', '-1', '65536', '80.5', '8e3', '0x50'])(
    'rejects PORT "%s" with one line',
    (port) => {
      expect(() => readListenAddress({ PORT: port })).toThrow(
        new AgentCoreMcpError(
          'ERR_CONFIG_INVALID',
          `Invalid PORT "${port}": use an integer from 0 to 65535`,
        ),
      );
    },
  );
});
