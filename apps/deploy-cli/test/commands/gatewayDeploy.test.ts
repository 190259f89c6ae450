import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { createCommandContext } from '../../src/commandContext.js';
import { run } from '../../src/commands/gatewayDeploy.js';
import { CliError } from '../../src/errors.js';
import { PROJECT_CONFIG_FILE } from '../../src/project/projectConfig.js';
import { readProjectConfig } from '../../src/project/projectConfigFile.js';
import type { LaunchPlan } from '../../src/runtime/launchPlan.js';
import { AUTH, gatewayProject, userGatewayProject } from '../gateway/gatewayProjectFixture.js';
import { cleanEnv, errorLine, runCli } from '../runCli.js';
import { testContext } from '../testContext.js';

const CONFIG = {
  mcpServers: { ext: { url: 'https://ext.example.com/mcp' } },
  gateway: { auth: AUTH },
};

/** Runs `gateway deploy --dry-run --json` in `cwd` and returns the plan and what went to stderr. */
async function dryRun(cwd: string, options: Parameters<typeof run>[0] = {}) {
  const { output, stdout, stderr } = testContext();
  await run(
    { config: 'gateway.json', region: 'us-east-1', dryRun: true, json: true, ...options },
    createCommandContext({ output, cwd, env: {}, interactive: false }),
  );
  return { plan: JSON.parse(stdout.join('\n')) as LaunchPlan, stderr };
}

const buildspecOf = (plan: LaunchPlan): string =>
  String(
    (
      plan.requests.find((request) => request.operation === 'StartBuild')?.input as {
        buildspecOverride?: string;
      }
    )?.buildspecOverride,
  );

describe('gateway deploy --dry-run', () => {
  it('plans the same launch for gateway-service and writes nothing (in the agentcore-mcp repository)', async () => {
    const cwd = gatewayProject(CONFIG);

    const { plan } = await dryRun(cwd);

    const create = plan.requests.find((request) => request.operation === 'CreateAgentRuntime');
    expect(create?.input).toMatchObject({
      agentRuntimeName: 'mcp_gateway',
      authorizerConfiguration: AUTH,
      requestHeaderConfiguration: { requestHeaderAllowlist: ['Authorization'] },
      environmentVariables: { GATEWAY_CONFIG: JSON.stringify(CONFIG) },
    });
    expect(plan.dockerfile).toBe('apps/gateway-service/Dockerfile');
    expect(buildspecOf(plan)).toContain('-f apps/gateway-service/Dockerfile');
    expect(readProjectConfig(cwd)).toBeUndefined();
  });

  it("builds a user's gateway project from its own Dockerfile, with the project as build context", async () => {
    const cwd = userGatewayProject(CONFIG);

    const { plan } = await dryRun(cwd);

    expect(plan).toMatchObject({ runtime: 'mcp_gateway', dockerfile: 'Dockerfile' });
    expect(buildspecOf(plan)).toContain(' -f Dockerfile -t <account>.dkr.ecr.us-east-1');
    expect(plan.buildContext?.files).toEqual([
      'Dockerfile',
      'gateway.json',
      'package-lock.json',
      'package.json',
    ]);
    expect(JSON.stringify(plan)).not.toContain('apps/gateway-service');
    expect(plan.requests.map((request) => request.service)).not.toContain('sts');
    expect(existsSync(join(cwd, PROJECT_CONFIG_FILE))).toBe(false);
  });

  it('takes --app and --dockerfile', async () => {
    const cwd = userGatewayProject(CONFIG);

    const { plan } = await dryRun(cwd, { app: '.', dockerfile: 'Dockerfile' });

    expect(plan.dockerfile).toBe('Dockerfile');
  });

  it.each([
    [
      'no Dockerfile',
      { dockerfile: null },
      {},
      /^No Dockerfile for the gateway image in .*: run agentcore-mcp init --template gateway to create a gateway project, or pass --dockerfile <path> for your gateway image$/,
    ],
    [
      'a Dockerfile without the observability stage',
      { dockerfile: 'FROM node:24-slim\n' },
      { observability: true },
      /^Dockerfile has no stage named observability, .*, or drop --observability$/,
    ],
    [
      'a project that does not depend on gateway-service',
      { packageJson: { name: 'my-server', dependencies: {} } },
      {},
      /is not a gateway project \(its package\.json does not depend on @agentcore-mcp\/gateway-service\), so its Dockerfile may not build a gateway: run agentcore-mcp init --template gateway/,
    ],
  ] as const)(
    'fails up front on %s, printing and writing nothing',
    async (_case, files, options, message) => {
      const cwd = userGatewayProject(CONFIG, files);
      const { output, stdout } = testContext();

      const failure = await run(
        { config: 'gateway.json', region: 'us-east-1', dryRun: true, json: true, ...options },
        createCommandContext({ output, cwd, env: {}, interactive: false }),
      ).catch((error: unknown) => error);

      expect(failure).toBeInstanceOf(CliError);
      expect(failure).toMatchObject({ code: 'ERR_INVALID_INPUT' });
      expect((failure as Error).message).toMatch(message);
      expect(stdout).toEqual([]);
      expect(existsSync(join(cwd, PROJECT_CONFIG_FILE))).toBe(false);
    },
  );
});

describe('agentcore-mcp gateway deploy (the built CLI)', () => {
  it('--dry-run --json prints only the plan for a gateway project', async () => {
    const cwd = userGatewayProject(CONFIG);

    const result = await runCli(
      ['gateway', 'deploy', '--region', 'us-east-1', '--dry-run', '--json'],
      { cwd, env: cleanEnv(cwd) },
    );

    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as LaunchPlan).dockerfile).toBe('Dockerfile');
  });

  it('refuses a project without a Dockerfile in one line', async () => {
    const cwd = userGatewayProject(CONFIG);
    rmSync(join(cwd, 'Dockerfile'));

    const result = await runCli(['gateway', 'deploy', '--region', 'us-east-1', '--dry-run'], {
      cwd,
      env: cleanEnv(cwd),
    });

    expect(errorLine(result)).toBe(
      `error: No Dockerfile for the gateway image in ${cwd}: run agentcore-mcp init --template gateway to create a gateway project, or pass --dockerfile <path> for your gateway image`,
    );
  });
});
