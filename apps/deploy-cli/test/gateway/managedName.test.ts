import { describe, expect, it } from 'vitest';

import { toManagedName } from '../../src/gateway/managedName.js';
import { planManagedTargets } from '../../src/gateway/planManagedTargets.js';

describe('toManagedName', () => {
  it.each([
    ['weather', 'weather'],
    ['weather_api', 'weather-api'],
    ['My-Server_2', 'My-Server-2'],
    ['a'.repeat(100), 'a'.repeat(100)],
  ])('%s → %s', (name, expected) => {
    expect(toManagedName(name, 'target')).toBe(expected);
  });

  it.each([
    ['', 'it is empty'],
    ['_private', 'it starts with a hyphen'],
    ['a__b', 'it has two hyphens in a row'],
    ['a.b', '"." is not allowed'],
    ['a'.repeat(101), 'it has more than 100 letters and digits'],
  ])('rejects %j: %s', (name, problem) => {
    expect(() => toManagedName(name, 'gateway')).toThrow(`(${problem}); rename it`);
  });
});

describe('planManagedTargets', () => {
  const http = {
    kind: 'http',
    transport: 'streamable-http',
    sendsCredentials: false,
    disabled: false,
  } as const;

  it('registers enabled https streamable-HTTP targets without credentials and says why it skips the rest', () => {
    const plan = planManagedTargets([
      { ...http, name: 'ok_one', url: 'https://ok.example.com/mcp' },
      { ...http, name: 'off', url: 'https://off.example.com/mcp', disabled: true },
      { ...http, name: 'plain', url: 'http://plain.example.com/mcp' },
      { ...http, name: 'legacy', url: 'https://legacy.example.com/sse', transport: 'sse' },
      { ...http, name: 'secret', url: 'https://secret.example.com/mcp', sendsCredentials: true },
      { kind: 'stdio', name: 'files', disabled: false },
    ]);

    expect(plan.register).toEqual([
      { configName: 'ok_one', name: 'ok-one', endpoint: 'https://ok.example.com/mcp' },
    ]);
    expect(
      plan.skipped.map(({ configName, reason }) => `${configName}: ${reason.split(/[;:]/)[0]}`),
    ).toEqual([
      'off: disabled in the config',
      'plain: http',
      'legacy: legacy SSE',
      'secret: it sends credentials (headers, oauth or forwardClientToken)',
      'files: a stdio target cannot be a managed target (AgentCore Gateway only calls MCP servers over HTTPS)',
    ]);
  });
});
