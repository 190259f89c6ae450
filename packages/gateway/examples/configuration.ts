// The README's Configuration example, kept compiling by `typecheck` (STYLE.md §7).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

import { loadGatewayConfig, parseGatewayConfig } from '../src/index.js';

// From a file (what gateway-service does with --config), secrets from the environment:
const fromFile = loadGatewayConfig(fileURLToPath(new URL('gateway.json', import.meta.url)), {
  env: { WEATHER_TOKEN: 'example-token', HOME: '/home/me' },
});
assert.equal(fromFile.targets.length, 4); // "legacy" is disabled

// From an object or a JSON string; env defaults to process.env:
const config = parseGatewayConfig(
  {
    mcpServers: {
      weather: {
        url: 'https://weather.example.com/mcp',
        headers: { Authorization: 'Bearer ${WEATHER_TOKEN}' },
      },
      files: { command: 'node', args: ['server.js'], env: { ROOT: '${HOME}/data' } },
    },
  },
  { env: { WEATHER_TOKEN: 'example-token', HOME: '/home/me' } },
);

for (const target of config.targets) {
  switch (target.kind) {
    case 'http':
      assert.equal(target.transport, 'streamable-http');
      assert.equal(target.headers.Authorization, 'Bearer example-token');
      break;
    case 'stdio':
      assert.deepEqual(target.env, { ROOT: '/home/me/data' });
      break;
  }
}
assert.equal(config.gateway.port, 8000);
