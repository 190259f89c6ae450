import { describe, expect, it } from 'vitest';

import { createCommandContext } from '../../src/commandContext.js';
import { run } from '../../src/commands/gatewayDeploy.js';
import { readProjectConfig } from '../../src/project/projectConfigFile.js';
import { AUTH, gatewayProject } from '../gateway/gatewayProjectFixture.js';
import { testContext } from '../testContext.js';

describe('gateway deploy --dry-run', () => {
  it('plans the same launch for gateway-service and writes nothing', async () => {
    const cwd = gatewayProject({
      mcpServers: { ext: { url: 'https://ext.example.com/mcp' } },
      gateway: { auth: AUTH },
    });
    const { output, stdout } = testContext();

    await run(
      { config: 'gateway.json', region: 'us-east-1', dryRun: true },
      createCommandContext({ output, cwd, env: {}, interactive: false }),
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
