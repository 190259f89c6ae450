import { describe, expect, it } from 'vitest';

import { gatewayRuntimeProject } from '../../src/gateway/gatewayRuntimeProject.js';
import { testContext } from '../testContext.js';
import { AUTH, gatewayProject } from './gatewayProjectFixture.js';

describe('gatewayRuntimeProject', () => {
  it('deploys gateway-service with the config in GATEWAY_CONFIG and the gateway’s authorizer on the runtime', () => {
    const cwd = gatewayProject({
      mcpServers: {
        weather: {
          url: 'https://weather.example.com/mcp',
          headers: { 'X-Api-Key': '${WEATHER_KEY}' },
        },
        files: { command: 'npx', args: ['-y', 'some-files-server'] },
      },
      gateway: { auth: AUTH },
    });

    const { runtime, warnings } = gatewayRuntimeProject({
      configPath: 'gateway.json',
      cwd,
      name: 'mcp_gateway',
      region: 'us-east-1',
      app: { entrypoint: '.', dockerfile: 'Dockerfile' },
      observability: false,
    });

    expect(runtime).toMatchObject({
      name: 'mcp_gateway',
      entrypoint: '.',
      dockerfile: 'Dockerfile',
      authorizer: AUTH,
      requestHeaderAllowlist: ['Authorization'],
    });
    expect(JSON.parse(runtime.environment?.GATEWAY_CONFIG ?? '{}')).toMatchObject({
      mcpServers: { weather: { headers: { 'X-Api-Key': '${WEATHER_KEY}' } } },
    });
    expect(warnings).toEqual([
      'target "files" is a stdio command (npx): it runs inside the gateway-service image, so the command must exist there',
      'the configuration reads ${WEATHER_KEY}: set them in the runtime environment (configure --env for non-secrets; secrets belong in AgentCore Identity or Secrets Manager)',
    ]);
  });

  it('refuses a configuration longer than an AgentCore environment variable can hold', () => {
    const mcpServers = Object.fromEntries(
      Array.from({ length: 80 }, (_, index) => [
        `target${index}`,
        { url: `https://t${index}.example.com/mcp/${'x'.repeat(40)}` },
      ]),
    );
    const cwd = gatewayProject({ mcpServers });
    expect(() =>
      gatewayRuntimeProject({
        configPath: 'gateway.json',
        cwd,
        name: 'g',
        region: 'us-east-1',
        app: { entrypoint: '.', dockerfile: 'Dockerfile' },
        observability: false,
      }),
    ).toThrow(/AgentCore environment variables hold at most 5000/);
  });

  it('names the file and the next step when the configuration is missing', () => {
    const { cwd } = testContext();
    expect(() =>
      gatewayRuntimeProject({
        configPath: 'gateway.json',
        cwd,
        name: 'g',
        region: 'us-east-1',
        app: { entrypoint: '.', dockerfile: 'Dockerfile' },
        observability: false,
      }),
    ).toThrow(
      /Cannot read the gateway configuration .*gateway\.json \(ENOENT\): run agentcore-mcp gateway setup/,
    );
  });
});
