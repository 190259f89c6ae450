import { buildInvocationUrl, parseRuntimeArn } from '@agentcore-mcp/core';
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
    expect(toManagedName(name, `target "${name}"`)).toBe(expected);
  });

  it.each([
    ['', 'it is empty'],
    ['_private', 'it starts with a hyphen'],
    ['a__b', 'it has two hyphens in a row'],
    ['a.b', '"." is not allowed'],
    ['a'.repeat(101), 'it has more than 100 letters and digits'],
  ])('rejects %j: %s', (name, problem) => {
    expect(() => toManagedName(name, 'gateway')).toThrow(
      `(${problem}; ([0-9a-zA-Z][-]?){1,100}, bedrock-agentcore-control#GatewayName); rename it`,
    );
  });
});

describe('toManagedName quotes the model rule of what the name is for', () => {
  it.each([
    ['gateway', 'bedrock-agentcore-control#GatewayName'],
    ['target "a.b"', 'bedrock-agentcore-control#TargetName'],
  ] as const)('%s → %s', (what, shape) => {
    expect(() => toManagedName('a.b', what)).toThrow(
      `Invalid ${what} name "a.b" for AgentCore Gateway: after turning _ into -, "a.b" must be up to 100 letters and digits with single hyphens between them, starting with a letter or digit ("." is not allowed; ([0-9a-zA-Z][-]?){1,100}, ${shape}); rename it`,
    );
  });
});

describe('planManagedTargets', () => {
  const http = {
    kind: 'http',
    transport: 'streamable-http',
    sendsCredentials: false,
    otherHeaders: [],
    disabled: false,
  } as const;
  const runtimeUrl = (region: string): string =>
    buildInvocationUrl({
      arn: `arn:aws:bedrock-agentcore:${region}:123456789012:runtime/weather-AbCdEf1234`,
    });

  it('registers enabled https streamable-HTTP targets without credentials and says why it skips the rest', () => {
    const plan = planManagedTargets(
      [
        { ...http, name: 'ok_one', url: 'https://ok.example.com/mcp' },
        { ...http, name: 'off', url: 'https://off.example.com/mcp', disabled: true },
        { ...http, name: 'plain', url: 'http://plain.example.com/mcp' },
        { ...http, name: 'legacy', url: 'https://legacy.example.com/sse', transport: 'sse' },
        { ...http, name: 'secret', url: 'https://secret.example.com/mcp', sendsCredentials: true },
        { kind: 'stdio', name: 'files', disabled: false },
      ],
      'us-east-1',
    );

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
    expect(plan.notes).toEqual([]);
  });

  it("registers a runtime in the gateway's region with its ARN, replacing its Authorization credentials, and skips the others", () => {
    const url = runtimeUrl('us-east-1');
    const plan = planManagedTargets(
      [
        { ...http, name: 'rt', url, sendsCredentials: true },
        { ...http, name: 'far', url: runtimeUrl('eu-west-1') },
        { ...http, name: 'tenant', url, sendsCredentials: true, otherHeaders: ['X-Tenant'] },
        {
          ...http,
          name: 'proxied',
          url: url.replace(
            'https://bedrock-agentcore.us-east-1.amazonaws.com',
            'https://proxy.example.com',
          ),
        },
      ],
      'us-east-1',
    );

    expect(plan.register).toEqual([
      {
        configName: 'rt',
        name: 'rt',
        endpoint: url,
        runtime: parseRuntimeArn(
          'arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/weather-AbCdEf1234',
        ),
      },
      {
        configName: 'proxied',
        name: 'proxied',
        endpoint: expect.stringMatching(/^https:\/\/proxy\.example\.com\/runtimes\//) as string,
      },
    ]);
    expect(plan.skipped).toEqual([
      {
        configName: 'far',
        reason:
          'its runtime is in eu-west-1 and the gateway in us-east-1; register it on a gateway in eu-west-1 (--region eu-west-1)',
      },
      {
        configName: 'tenant',
        reason:
          'it sends headers besides Authorization (X-Tenant), which a managed gateway cannot add; keep it behind our own gateway (gateway-service)',
      },
    ]);
    expect(plan.notes).toEqual([
      "Target rt: the managed gateway authenticates to runtime weather-AbCdEf1234 itself (--target-auth), so the config's Authorization credentials (header, oauth or forwardClientToken) are not used",
    ]);
  });
});
