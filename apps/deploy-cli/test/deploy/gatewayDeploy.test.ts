import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { runGatewayDeployCommand } from '../../src/commands/gatewayDeploy.js';
import { gatewayRuntimeProject } from '../../src/deploy/gatewayRuntime.js';
import { readProjectConfig } from '../../src/project/projectConfigFile.js';
import { deployTestContext } from './deployTestContext.js';

const AUTH = {
  customJWTAuthorizer: {
    discoveryUrl:
      'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_P/.well-known/openid-configuration',
    allowedClients: ['abc'],
  },
};

function gatewayProject(config: unknown): string {
  const { cwd } = deployTestContext();
  mkdirSync(join(cwd, 'apps/gateway-service'), { recursive: true });
  writeFileSync(join(cwd, 'apps/gateway-service/Dockerfile'), 'FROM node:20-slim\n');
  writeFileSync(join(cwd, 'gateway.json'), JSON.stringify(config, null, 2));
  return cwd;
}

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
      observability: false,
    });

    expect(runtime).toMatchObject({
      name: 'mcp_gateway',
      entrypoint: 'apps/gateway-service',
      dockerfile: 'apps/gateway-service/Dockerfile',
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
        observability: false,
      }),
    ).toThrow(/AgentCore environment variables hold at most 5000/);
  });

  it('names the file and the next step when the configuration is missing', () => {
    const { cwd } = deployTestContext();
    expect(() =>
      gatewayRuntimeProject({
        configPath: 'gateway.json',
        cwd,
        name: 'g',
        region: 'us-east-1',
        observability: false,
      }),
    ).toThrow(
      /Cannot read the gateway configuration .*gateway\.json \(ENOENT\): run agentcore-mcp gateway setup/,
    );
  });
});

describe('gateway deploy --dry-run', () => {
  it('plans the same launch for gateway-service and writes nothing', async () => {
    const cwd = gatewayProject({
      mcpServers: { ext: { url: 'https://ext.example.com/mcp' } },
      gateway: { auth: AUTH },
    });
    const { output, stdout } = deployTestContext();

    await runGatewayDeployCommand(
      { config: 'gateway.json', region: 'us-east-1', dryRun: true },
      { output, cwd, env: {} },
    );

    const plan = JSON.parse(
      stdout.slice(stdout.findIndex((line) => line.startsWith('['))).join('\n'),
    ) as {
      operation: string;
      input: Record<string, unknown>;
    }[];
    const create = plan.find((request) => request.operation === 'CreateAgentRuntime');
    expect(create?.input).toMatchObject({
      agentRuntimeName: 'mcp_gateway',
      authorizerConfiguration: AUTH,
      requestHeaderConfiguration: { requestHeaderAllowlist: ['Authorization'] },
      environmentVariables: {
        GATEWAY_CONFIG: JSON.stringify({
          mcpServers: { ext: { url: 'https://ext.example.com/mcp' } },
          gateway: { auth: AUTH },
        }),
      },
    });
    const build = plan.find((request) => request.operation === 'StartBuild');
    expect(String(build?.input.buildspecOverride)).toContain('-f apps/gateway-service/Dockerfile');
    expect(readProjectConfig(cwd)).toBeUndefined();
  });
});
